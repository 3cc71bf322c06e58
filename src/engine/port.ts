/**
 * The workbook port: what the engine reads. `src/excel` (Office.js) and `src/xlsx` (ExcelJS, CSV) produce it;
 * the engine never imports either.
 *
 * Numbers are as Excel stores them: a date cell is its serial in the workbook's own date system
 * (`date1904` says which). Text stays text, exactly as typed (leading zeros kept).
 */

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellError {
  readonly error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface SheetGrid {
  readonly name: string;
  /** rows[0] is sheet row `firstRow`; a row may be shorter than others (missing cells are blank). */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** 1-based sheet row number of rows[0]. */
  readonly firstRow: number;
  /** 1-based sheet column number of column 0. */
  readonly firstColumn: number;
}

export interface WorkbookData {
  readonly sheets: readonly SheetGrid[];
  /** True when the workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  readonly date1904: boolean;
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null;
}
