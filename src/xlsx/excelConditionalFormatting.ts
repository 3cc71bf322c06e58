import type { ConditionalFormat } from "../engine/report/model";
import { parseCellRange } from "./charts/cellRange";
import type { ArgbColor } from "./reportCellStyles";

/** A conditional-format value object (`<cfvo>`): the range's minimum, maximum or a percentile. */
export type ConditionalFormatValue = { readonly type: "min" } | { readonly type: "max" } | { readonly type: "percentile"; readonly value: number };

/** One `<cfRule>` as SpreadsheetML stores it; `priority` orders the rules of a sheet (1 first). */
export type ConditionalFormatRule =
  | {
      readonly type: "dataBar";
      readonly priority: number;
      readonly cfvo: readonly [ConditionalFormatValue, ConditionalFormatValue];
      readonly color: ArgbColor;
      /** false: Excel 2010's solid bar, drawn through the rule's x14 extension. */
      readonly gradient: false;
    }
  | {
      readonly type: "cellIs";
      readonly operator: "greaterThan";
      readonly priority: number;
      readonly formulae: readonly [string];
      /** The differential format (`<dxf>`) applied to a matching cell. */
      readonly style: { readonly fill: { readonly bgColor: ArgbColor }; readonly font: { readonly color: ArgbColor } };
    }
  | {
      readonly type: "colorScale";
      readonly priority: number;
      readonly cfvo: readonly ConditionalFormatValue[];
      readonly color: readonly ArgbColor[];
    };

/** The rules over one `sqref`: `<conditionalFormatting sqref="…">`. */
export interface ExcelConditionalFormat {
  readonly ref: string;
  readonly rules: readonly ConditionalFormatRule[];
}

/**
 * A report's conditional format as Excel stores it natively. `priority` orders the rules of a sheet (1 first):
 * the report's order. Data bars run from the range's minimum to its maximum in one solid colour (Excel 2010's
 * solid bar, with its x14 extension); "greater than" fills the cell and colours its text; the colour scale goes
 * low → middle (50th percentile) → high.
 *
 * Throws for a range that is not A1-style ("B5:B40", or several separated by spaces) or a colour that is not
 * "#RRGGBB", "RRGGBB" or "AARRGGBB": bugs in the report description.
 * @example excelConditionalFormatting({ kind: "dataBar", range: "D5:D9", color: "#5B9BD5" }, 1)
 * //=> { ref: "D5:D9", rules: [{ type: "dataBar", priority: 1, color: { argb: "FF5B9BD5" }, … }] }
 */
export function excelConditionalFormatting(format: ConditionalFormat, priority: number): ExcelConditionalFormat {
  const ref = checkedRange(format.range);
  switch (format.kind) {
    case "dataBar":
      return {
        ref,
        rules: [{ type: "dataBar", priority, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: argbColor(format.color) }, gradient: false }],
      };
    case "greaterThan":
      if (!Number.isFinite(format.value)) throw new Error(`Conditional format on ${ref}: threshold ${format.value} is not a number`);
      return {
        ref,
        rules: [
          {
            type: "cellIs",
            operator: "greaterThan",
            priority,
            formulae: [String(format.value)],
            // In a differential format a solid fill's colour is its background colour (Excel's own dxf convention).
            style: { fill: { bgColor: { argb: argbColor(format.fill) } }, font: { color: { argb: argbColor(format.fontColor) } } },
          },
        ],
      };
    case "colorScale":
      return {
        ref,
        rules: [
          {
            type: "colorScale",
            priority,
            cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
            color: format.colors.map((color) => ({ argb: argbColor(color) })),
          },
        ],
      };
  }
}

function checkedRange(range: string): string {
  const areas = range.trim().split(/\s+/);
  if (areas.some((area) => parseCellRange(area) === null)) {
    throw new Error(`Conditional format range "${range}" is not an A1-style range of the sheet, like B5:B40`);
  }
  return areas.join(" ");
}

/** "#5B9BD5", "5b9bd5" → "FF5B9BD5"; "805B9BD5" stays (alpha first, as Excel stores it). */
function argbColor(color: string): string {
  const hex = color.trim().replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`Colour "${color}" is not #RRGGBB, RRGGBB or AARRGGBB`);
}
