import {
  defaultNumberFormat,
  type ColumnStyle,
  type ConditionalFormat,
  type PageSetup,
  type ReportBlock,
  type ReportChart,
  type ReportSheet,
  type ReportText,
  type ReportValue,
} from "../engine/report/model";
import type { CellRect } from "./a1";
import { ACTION_OVERHEAD_BYTES, jsonBytes, rowJsonBytes } from "./payloadBytes";

/** What goes into a cell through `Range.values`: "" for an empty cell. */
export type WrittenValue = string | number | boolean;

export interface FontStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
}

/** One step of drawing a report sheet, in Office.js terms; each is one or a few queued actions. */
export type WriteStep =
  | { readonly kind: "numberFormat"; readonly rect: CellRect; readonly format: string }
  | {
      readonly kind: "values";
      readonly row: number;
      readonly column: number;
      readonly columns: number;
      readonly rows: WrittenValue[][];
      /** JSON bytes of each row, for splitting the step across syncs. */
      readonly rowBytes: readonly number[];
    }
  | { readonly kind: "font"; readonly rect: CellRect; readonly font: FontStyle }
  | { readonly kind: "fill"; readonly rect: CellRect; readonly color: string }
  | { readonly kind: "alignRight"; readonly rect: CellRect }
  | { readonly kind: "table"; readonly rect: CellRect; readonly name: string }
  | { readonly kind: "conditionalFormat"; readonly format: ConditionalFormat }
  | { readonly kind: "chart"; readonly chart: ReportChart }
  | { readonly kind: "columnWidth"; readonly column: number; readonly points: number }
  | { readonly kind: "freeze"; readonly rows: number; readonly columns: number }
  | { readonly kind: "pageSetup"; readonly setup: PageSetup }
  /** Always the sheet's last step: nothing can be written to the sheet after it. */
  | { readonly kind: "protect"; readonly options: Readonly<Excel.WorksheetProtectionOptions> };

export interface SheetWritePlan {
  readonly key: string;
  readonly name: string;
  readonly steps: readonly WriteStep[];
  /** Names of the native tables the sheet declares, as the report names them. */
  readonly tables: readonly string[];
}

export interface PlanOptions {
  /** The target workbook uses the 1904 date system: date cells are shifted from the report's 1900 serials. */
  readonly date1904: boolean;
}

/** Serial of 1904-01-01 in the 1900 system: the offset between the two date systems. */
const DAYS_1900_TO_1904 = 1462;

/** Excel's limit on the text of one cell; longer report texts are cut. */
const MAX_CELL_TEXT = 32_767;

/**
 * How a report sheet is protected (`ReportSheet.protect`), without a password: cells are locked against an
 * accidental keystroke; sorting, filtering and formatting rows and columns stay allowed.
 */
export const REPORT_PROTECTION: Readonly<Excel.WorksheetProtectionOptions> = Object.freeze({
  allowSort: true,
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
});

const TEXT_FORMAT = "@";
const HEADER_FILL = "#DDEBF7";
const NOTE_COLOR = "#666666";

const TEXT_FONTS: Readonly<Record<ReportText["role"], FontStyle | null>> = {
  title: { bold: true, size: 14 },
  subtitle: null,
  note: { italic: true, color: NOTE_COLOR },
};

/**
 * Lays out one report sheet as write steps, in the order they must run:
 *
 * 1. number formats — text ("@") first wherever a string will go: text columns, header rows, titles, and any string
 *    that lands in a number column. Excel turns a string starting with =, +, - or @ into a formula, and "00123" into
 *    123, unless the cell is formatted as text before the value arrives. One assignment per column of a block (a 1×1
 *    format spread over the column's range), never one per cell;
 * 2. values, one rectangle per block (split by rows across syncs when large);
 * 3. fonts and fills (bold header with a light fill, bold totals, title sizes), right-aligned numeric headers;
 * 4. native tables, conditional formats, charts;
 * 5. column widths, frozen panes, page setup;
 * 6. protection (`sheet.protect`), last: a protected sheet takes no more writes. `writeReport` applies it in the
 *    swap, after the sheet's tables got their final names (a protected sheet's tables cannot be renamed).
 *
 * Dates stay serial numbers under a date format; for a 1904 workbook they are shifted by 1,462 days.
 * Throws for a report that cannot be drawn (a table without a header, a non-finite number): bugs in the report.
 */
export function planSheetWrites(sheet: ReportSheet, options: PlanOptions): SheetWritePlan {
  const formats: WriteStep[] = [];
  const values: WriteStep[] = [];
  const looks: WriteStep[] = [];
  const objects: WriteStep[] = [];
  const tables: string[] = [];

  for (const text of sheet.texts) {
    const rect = { row: text.row, column: text.column, rows: 1, columns: 1 };
    formats.push({ kind: "numberFormat", rect, format: TEXT_FORMAT });
    values.push(valuesStep(text.row, text.column, 1, [[clip(text.text)]]));
    const font = TEXT_FONTS[text.role];
    if (font !== null) looks.push({ kind: "font", rect, font });
  }

  for (const block of sheet.blocks) {
    const laid = layOutBlock(sheet.name, block, options);
    formats.push(...laid.formats);
    values.push(laid.values);
    looks.push(...laid.looks);
    if (laid.table !== null) {
      objects.push(laid.table);
      tables.push(laid.table.name);
    }
  }

  for (const format of sheet.conditionalFormats ?? []) objects.push({ kind: "conditionalFormat", format });
  for (const chart of sheet.charts) objects.push({ kind: "chart", chart });

  const layout: WriteStep[] = [];
  sheet.columnWidths.forEach((width, column) => {
    if (width > 0) layout.push({ kind: "columnWidth", column, points: pointsFromCharacters(width) });
  });
  if (sheet.freeze !== undefined && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    layout.push({ kind: "freeze", rows: sheet.freeze.rows, columns: sheet.freeze.columns });
  }
  if (sheet.pageSetup !== undefined) layout.push({ kind: "pageSetup", setup: sheet.pageSetup });
  if (sheet.protect === true) layout.push({ kind: "protect", options: REPORT_PROTECTION });

  return { key: sheet.key, name: sheet.name, steps: [...formats, ...values, ...looks, ...objects, ...layout], tables };
}

interface LaidOutBlock {
  readonly formats: WriteStep[];
  readonly values: WriteStep;
  readonly looks: WriteStep[];
  readonly table: Extract<WriteStep, { kind: "table" }> | null;
}

function layOutBlock(sheetName: string, block: ReportBlock, options: PlanOptions): LaidOutBlock {
  let width = Math.max(block.columns.length, block.header?.length ?? 0, 1);
  for (const row of block.rows) width = Math.max(width, row.length);
  if (block.table !== undefined && block.header === undefined) {
    throw new Error(`Report sheet "${sheetName}": table ${block.table.name} needs a header row`);
  }
  // A table's header cells must be unique, non-empty text; Excel would rename duplicates itself, so the report
  // shows the names Excel would keep.
  const header = block.header === undefined ? null : block.table !== undefined ? uniqueColumnNames(block.header, width) : [...block.header];
  const firstDataRow = block.row + (header === null ? 0 : 1);
  const dataRows = block.rows.length;

  const rows: WrittenValue[][] = [];
  if (header !== null) rows.push(Array.from({ length: width }, (_, c) => clip(header[c] ?? "")));
  block.rows.forEach((values, r) => {
    const row: WrittenValue[] = new Array<WrittenValue>(width);
    for (let c = 0; c < width; c++) row[c] = written(sheetName, values[c] ?? null, block.columns[c], options, firstDataRow + r, block.column + c);
    rows.push(row);
  });

  const formats: WriteStep[] = [];
  if (header !== null) formats.push({ kind: "numberFormat", rect: { row: block.row, column: block.column, rows: 1, columns: width }, format: TEXT_FORMAT });
  if (dataRows > 0) {
    for (let c = 0; c < width; c++) {
      const style = block.columns[c];
      const format = style === undefined ? "General" : (style.numberFormat ?? defaultNumberFormat(style.kind));
      formats.push({ kind: "numberFormat", rect: { row: firstDataRow, column: block.column + c, rows: dataRows, columns: 1 }, format });
      if (format !== TEXT_FORMAT) {
        // Strings in a number column (a "n/a" amount, a label on a total row) get a text format of their own.
        for (const run of stringRuns(block.rows, c)) {
          formats.push({ kind: "numberFormat", rect: { row: firstDataRow + run.start, column: block.column + c, rows: run.length, columns: 1 }, format: TEXT_FORMAT });
        }
      }
    }
  }

  const looks: WriteStep[] = [];
  if (header !== null) {
    const rect = { row: block.row, column: block.column, rows: 1, columns: width };
    looks.push({ kind: "font", rect, font: { bold: true } }, { kind: "fill", rect, color: HEADER_FILL });
    for (let c = 0; c < width; c++) {
      const style = block.columns[c];
      if (style !== undefined && style.kind !== "text") looks.push({ kind: "alignRight", rect: { row: block.row, column: block.column + c, rows: 1, columns: 1 } });
    }
  }
  for (const run of roleRuns(block)) {
    looks.push({ kind: "font", rect: { row: firstDataRow + run.start, column: block.column, rows: run.length, columns: width }, font: { bold: true } });
  }

  let table: LaidOutBlock["table"] = null;
  if (block.table !== undefined) {
    // Total rows at the end stay out of the table: sorting or filtering it must not move them. Excel wants at least
    // one data row, so an empty table takes one blank row.
    let tableRows = dataRows;
    while (tableRows > 0 && block.rowRoles?.get(tableRows - 1) !== undefined) tableRows--;
    table = { kind: "table", rect: { row: block.row, column: block.column, rows: 1 + Math.max(tableRows, 1), columns: width }, name: block.table.name };
  }

  return { formats, values: valuesStep(block.row, block.column, width, rows), looks, table };
}

function valuesStep(row: number, column: number, columns: number, rows: WrittenValue[][]): Extract<WriteStep, { kind: "values" }> {
  return { kind: "values", row, column, columns, rows, rowBytes: rows.map(rowJsonBytes) };
}

function written(sheetName: string, value: ReportValue, style: ColumnStyle | undefined, options: PlanOptions, row: number, column: number): WrittenValue {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Report sheet "${sheetName}": ${value} at row ${row + 1}, column ${column + 1}`);
    return options.date1904 && style?.kind === "date" ? value - DAYS_1900_TO_1904 : value;
  }
  return typeof value === "string" ? clip(value) : value;
}

function clip(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/** Runs of consecutive rows whose cell in `column` is a non-empty string. */
function stringRuns(rows: ReadonlyArray<ReadonlyArray<ReportValue>>, column: number): Array<{ start: number; length: number }> {
  const runs: Array<{ start: number; length: number }> = [];
  let start = -1;
  for (let r = 0; r <= rows.length; r++) {
    const value = r < rows.length ? rows[r]![column] : undefined;
    const isString = typeof value === "string" && value !== "";
    if (isString && start < 0) start = r;
    if (!isString && start >= 0) {
      runs.push({ start, length: r - start });
      start = -1;
    }
  }
  return runs;
}

/** Runs of consecutive data rows with a role (subtotal, total): drawn bold. */
function roleRuns(block: ReportBlock): Array<{ start: number; length: number }> {
  const roles = [...(block.rowRoles?.keys() ?? [])].filter((r) => r >= 0 && r < block.rows.length).sort((a, b) => a - b);
  const runs: Array<{ start: number; length: number }> = [];
  for (const r of roles) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.start + last.length === r) last.length++;
    else runs.push({ start: r, length: 1 });
  }
  return runs;
}

/** Excel table column names: non-empty and unique regardless of case ("Kwota", "Kwota2", ...). */
function uniqueColumnNames(header: readonly string[], width: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const base = (header[c] ?? "").trim() === "" ? `Column${c + 1}` : (header[c] ?? "");
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/**
 * A column width in characters (the report's unit, Excel's "width" in the UI) as points (what `format.columnWidth`
 * takes): Calibri 11's digit is 7 px wide plus 5 px of padding, and a point is 4/3 px.
 * @example pointsFromCharacters(10)  //=> 56.25
 */
export function pointsFromCharacters(characters: number): number {
  return ((characters * 7 + 5) * 3) / 4;
}

/** Request bytes of a step that is not a values step (a few actions with small arguments). */
export function stepRequestBytes(step: WriteStep): number {
  switch (step.kind) {
    case "values":
      return ACTION_OVERHEAD_BYTES + step.rowBytes.reduce((sum, bytes) => sum + bytes, 0);
    case "table":
      return 3 * ACTION_OVERHEAD_BYTES + step.name.length;
    case "chart":
      return (4 + 3 * step.chart.series.length) * ACTION_OVERHEAD_BYTES + jsonBytes(step.chart);
    case "conditionalFormat":
      return 4 * ACTION_OVERHEAD_BYTES + jsonBytes(step.format);
    case "font":
      return 4 * ACTION_OVERHEAD_BYTES;
    case "pageSetup":
      return 2 * ACTION_OVERHEAD_BYTES;
    default:
      return ACTION_OVERHEAD_BYTES + 64;
  }
}
