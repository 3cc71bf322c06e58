import { minorUnitExponent } from "../money/currency";
import type { ColumnStyle, ReportSheet } from "./model";

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
    // One measure per column — the longest text, and the largest magnitude of the numbers — taken row by row, each
    // row visited once (a column at a time visited a million row arrays once per column), without iterators.
    const columns = block.columns.length;
    const longestText = new Array<number>(columns).fill(0);
    const largest = new Array<number>(columns).fill(0);
    const negative = new Array<boolean>(columns).fill(false);
    const fractional = new Array<boolean>(columns).fill(false);
    for (let r = 0; r < block.rows.length; r++) {
      const row = block.rows[r]!;
      const width = Math.min(columns, row.length);
      for (let c = 0; c < width; c++) {
        const value = row[c];
        if (typeof value === "string") {
          if (value.length > longestText[c]!) longestText[c] = value.length;
        } else if (typeof value === "number") {
          largest[c] = Math.max(largest[c]!, Math.abs(value));
          if (value < 0) negative[c] = true;
          if (!Number.isInteger(value)) fractional[c] = true;
        } else if (typeof value === "boolean" && longestText[c]! < 5) longestText[c] = 5;
      }
    }
    block.columns.forEach((style, c) => widen(block.column + c, Math.max(longestText[c]!, numberLength(style, largest[c]!, negative[c]!, fractional[c]!))));
  }
  return { ...sheet, columnWidths: widths };
}

/** Characters of the widest number a column shows under its format. */
function numberLength(style: ColumnStyle, largest: number, negative: boolean, fractional: boolean): number {
  const whole = Math.trunc(largest).toString().length;
  const grouped = whole + Math.floor((whole - 1) / 3) + (negative ? 1 : 0);
  switch (style.kind) {
    case "date":
      return largest > 0 ? 10 : 0;
    case "percent":
      return largest > 0 ? Math.trunc(largest * 100).toString().length + 4 : 0;
    case "amount": {
      if (largest === 0 && !negative) return 4;
      const suffix = /"([^"]*)"/.exec(style.numberFormat ?? "")?.[1];
      const decimals = suffix ? minorUnitExponent(suffix) : 2;
      return grouped + (decimals > 0 ? decimals + 1 : 0) + (suffix ? suffix.length + 1 : 0);
    }
    default:
      return largest === 0 ? 1 : grouped + (fractional ? 2 : 0);
  }
}
