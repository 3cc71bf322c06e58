/**
 * The report model: each output sheet described as data. The engine computes every figure; a renderer
 * (`src/xlsx/writeReportWorkbook`, later `src/excel`) only draws what is described here.
 *
 * Coordinates are 0-based (row 0, column 0 = A1). Dates are Excel serials in the 1900 date system;
 * amounts are numbers in major units already rounded to the currency's minor unit.
 */

import { columnLetter } from "../tables/columnLetter";

export type ReportValue = string | number | boolean | null;

/** How a column's cells are shown; renderers map each kind to a number format and alignment. */
export type ColumnKind = "text" | "amount" | "date" | "integer" | "percent" | "days";

export interface ColumnStyle {
  readonly kind: ColumnKind;
  /** Excel number format; when absent the renderer uses the kind's default (see `defaultNumberFormat`). */
  readonly numberFormat?: string;
}

/** Row emphasis inside a block. */
export type RowRole = "subtotal" | "total";

export interface ReportBlock {
  readonly row: number;
  readonly column: number;
  /** Header labels, drawn bold on the block's first row; data rows follow. */
  readonly header?: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<ReportValue>>;
  /** One style per column of the block. */
  readonly columns: readonly ColumnStyle[];
  /** Roles of data rows by index into `rows` (sparse). */
  readonly rowRoles?: ReadonlyMap<number, RowRole>;
  /** When set, header + rows become a native Excel table of this name (unique in the workbook). */
  readonly table?: { readonly name: string };
}

export interface ReportText {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly role: "title" | "subtitle" | "note";
}

export interface ReportChart {
  readonly kind: "column" | "line";
  readonly title: string;
  /** 0-based cell rectangle where the chart is placed. */
  readonly anchor: { readonly row: number; readonly column: number; readonly rows: number; readonly columns: number };
  /** Category labels and series values as cell ranges on the same sheet, e.g. "B5:F5". */
  readonly categories: string;
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: string }>;
}

/** Conditional formats, drawn natively (Excel's conditional formatting), on a cell range of the same sheet. */
export type ConditionalFormat =
  | { readonly kind: "dataBar"; readonly range: string; readonly color: string }
  | { readonly kind: "greaterThan"; readonly range: string; readonly value: number; readonly fill: string; readonly fontColor: string }
  | { readonly kind: "colorScale"; readonly range: string; readonly colors: readonly [string, string, string] };

export interface PageSetup {
  readonly orientation: "portrait" | "landscape";
  /** Scale each printed page to the sheet's width (rows still flow onto further pages). */
  readonly fitToWidth: boolean;
}

export interface ReportSheet {
  /** Stable identity of the sheet across languages and runs, e.g. "aging". */
  readonly key: string;
  /** Sheet name as shown (localized); ≤ 31 characters, none of : \ / ? * [ ]. */
  readonly name: string;
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly texts: readonly ReportText[];
  readonly blocks: readonly ReportBlock[];
  readonly charts: readonly ReportChart[];
  /** Rows and columns kept in view when scrolling. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly pageSetup?: PageSetup;
  /** 0-based rows that start a new printed page (e.g. one customer statement per page). */
  readonly pageBreaks?: readonly number[];
  /**
   * Protect the sheet against edits, without a password (the user can unprotect it in one click): guards a report
   * against an accidental keystroke. Sorting, filtering and formatting columns stay allowed.
   */
  readonly protect?: boolean;
}

export interface ReportWorkbook {
  readonly sheets: readonly ReportSheet[];
}

export function defaultNumberFormat(kind: ColumnKind): string {
  switch (kind) {
    case "amount":
      return "#,##0.00;-#,##0.00";
    case "date":
      return "yyyy-mm-dd";
    case "integer":
    case "days":
      return "0";
    case "percent":
      return "0.0%";
    case "text":
      return "@";
  }
}

/**
 * A1 reference of a 0-based cell, or of a rectangle when a second cell is given.
 * @example a1(4, 1) //=> "B5" ; a1(4, 1, 4, 5) //=> "B5:F5"
 */
export function a1(row: number, column: number, toRow?: number, toColumn?: number): string {
  const cell = (r: number, c: number) => `${columnLetter(c + 1)}${r + 1}`;
  return toRow === undefined || toColumn === undefined ? cell(row, column) : `${cell(row, column)}:${cell(toRow, toColumn)}`;
}
