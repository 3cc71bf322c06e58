import { minorUnitExponent } from "../money/currency";
import type { ColumnStyle, ReportSheet, ReportValue } from "./model";

/** Widest a column grows on its own, in characters: longer text is cut off at the cell edge rather than widening. */
const MAX_WIDTH = 60;
/** Room for padding and the bold font of headers and totals. */
const PADDING = 2;

/**
 * Column widths wide enough for every cell's shown value, so nothing renders as `###`: the sheet's declared width
 * or the widest shown value plus padding, whichever is larger. Titles and notes are not measured: they flow into
 * the empty cells beside them.
 * @example a PLN amount 1234567.5 in "#,##0.00 "PLN"" shows as "1,234,567.50 PLN": 16 characters.
 */
export function fitColumnWidths(sheet: ReportSheet): ReportSheet {
  const widths = [...sheet.columnWidths];
  const widen = (column: number, length: number) => {
    const wanted = Math.min(MAX_WIDTH, length + PADDING);
    if ((widths[column] ?? 0) < wanted) {
      while (widths.length < column) widths.push(10);
      widths[column] = wanted;
    }
  };
  for (const block of sheet.blocks) {
    block.header?.forEach((h, c) => widen(block.column + c, h.length));
    for (const row of block.rows) {
      row.forEach((value, c) => {
        const style = block.columns[c];
        if (style) widen(block.column + c, shownLength(value, style));
      });
    }
  }
  return { ...sheet, columnWidths: widths };
}

function shownLength(value: ReportValue, style: ColumnStyle): number {
  if (value === null) return 0;
  if (typeof value === "string") return value.length;
  if (typeof value === "boolean") return 5;
  switch (style.kind) {
    case "date":
      return 10;
    case "percent":
      return Math.abs(value) >= 10 ? 8 : 6;
    case "amount": {
      const suffix = /"([^"]*)"/.exec(style.numberFormat ?? "")?.[1];
      const decimals = suffix ? minorUnitExponent(suffix) : 2;
      const whole = Math.trunc(Math.abs(value)).toString().length;
      return whole + Math.floor((whole - 1) / 3) + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0) + (suffix ? suffix.length + 1 : 0);
    }
    default: {
      const text = Math.round(Math.abs(value)).toString();
      return text.length + Math.floor((text.length - 1) / 3) + (value < 0 ? 1 : 0) + (Number.isInteger(value) ? 0 : 2);
    }
  }
}
