/**
 * The state of the in-memory workbook: sheets of cells with values, formulas and number formats; tables, charts,
 * conditional formats, frozen panes, column widths, page layout; workbook settings. Every change goes through a
 * method here that checks it the way Excel does and throws a `FakeOfficeError` when Excel would refuse.
 *
 * Deliberately independent of the adapter's own helpers (sheet names, addresses): the fake must not agree with the
 * adapter by construction.
 */
import { FakeOfficeError, errorCodes } from "./fakeOfficeError";

export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export const GRID_ROWS = 1_048_576;
export const GRID_COLUMNS = 16_384;

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

export type FakeErrorCell = { readonly error: string };
export type FakeFormulaCell = { readonly formula: string };
/** What a cell holds; an empty cell is `undefined`. */
export type StoredCell = string | number | boolean | FakeErrorCell | FakeFormulaCell;

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** Direct formatting applied to a rectangle, in the order applied; later entries win. */
export interface StyleEntry {
  readonly rect: Rect;
  readonly property: "bold" | "italic" | "size" | "fontColor" | "fill" | "horizontalAlignment";
  readonly value: string | number | boolean;
}

/** A range a chart refers to: follows its sheet's renames, as Excel's references do. */
export interface RangeReference {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

export interface FakeChartSeries {
  name: string;
  values: RangeReference | null;
  xValues: RangeReference | null;
}

export interface FakeChart {
  readonly id: number;
  readonly type: string;
  readonly source: RangeReference;
  name: string;
  title: string;
  position: { start: string; end: string | null } | null;
  readonly series: FakeChartSeries[];
}

export interface FakeConditionalFormat {
  readonly id: number;
  readonly type: string;
  readonly address: string;
  readonly properties: Record<string, unknown>;
}

export interface FakeTable {
  readonly id: number;
  name: string;
  style: string;
  sheet: FakeSheet;
  rect: Rect;
}

/** Options of `WorksheetProtection.protect` the fake records (Excel's `WorksheetProtectionOptions`). */
export type ProtectionOptions = Readonly<Excel.WorksheetProtectionOptions>;

/** A sheet's protection as `protect` left it. */
export interface FakeSheetProtection {
  readonly protected: boolean;
  readonly options: ProtectionOptions;
  /** The password given to `protect`, null for none. */
  readonly password: string | null;
}

const UNPROTECTED: FakeSheetProtection = Object.freeze({ protected: false, options: Object.freeze({}), password: null });

const FORMULA_START = /^[\t\r\n ]*[=+\-@]./s;
const DECIMAL = /^[ ]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ ]*$/;

export class FakeSheet {
  /** Rows of cells; a missing row or cell is empty. */
  private readonly cells: Array<Array<StoredCell | undefined> | undefined> = [];
  /** Number formats; a missing entry is "General". */
  private readonly formats: Array<Array<string | undefined> | undefined> = [];
  readonly styles: StyleEntry[] = [];
  readonly columnWidths = new Map<number, number | "autofit">();
  readonly charts: FakeChart[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  freeze: { rows: number; columns: number } | null = null;
  readonly pageLayout: { orientation?: string; zoom?: Readonly<Record<string, number | undefined>> } = {};
  protection: FakeSheetProtection = UNPROTECTED;

  constructor(
    readonly id: string,
    public name: string,
    public visibility: Visibility,
  ) {}

  /**
   * Sheet protection, as Excel applies it (all cells locked, the default): a protected sheet refuses edits of cells,
   * their formats and its objects with AccessDenied, except what `allowedBy` names among the protection's options.
   * Renaming, hiding, showing or deleting the sheet is not covered (workbook structure protection would be).
   */
  checkEditable(what: string, allowedBy?: Exclude<keyof ProtectionOptions, "selectionMode">): void {
    if (!this.protection.protected) return;
    if (allowedBy !== undefined && this.protection.options[allowedBy] === true) return;
    throw new FakeOfficeError(errorCodes.accessDenied, `${what} on protected sheet "${this.name}": the cell or chart is on a protected sheet`);
  }

  /** `WorksheetProtection.protect`: fails on a sheet already protected, as Excel's documentation says. */
  protect(options: ProtectionOptions, password: string | null): void {
    if (this.protection.protected) throw new FakeOfficeError(errorCodes.invalidOperation, `sheet "${this.name}" is already protected`);
    this.protection = { protected: true, options: Object.freeze({ ...options }), password };
  }

  cell(row: number, column: number): StoredCell | undefined {
    return this.cells[row]?.[column];
  }

  numberFormat(row: number, column: number): string {
    return this.formats[row]?.[column] ?? "General";
  }

  /** Stores a value as imported (no coercion): for building a workbook, not for `range.values`. */
  putCell(row: number, column: number, value: StoredCell | undefined): void {
    const cells = (this.cells[row] ??= []);
    cells[column] = value;
  }

  setNumberFormat(row: number, column: number, format: string): void {
    const formats = (this.formats[row] ??= []);
    formats[column] = format === "General" ? undefined : format;
  }

  /**
   * A value written through `range.values`, as Excel takes typed input: a string that starts with =, +, - or @
   * (after leading whitespace) becomes a formula, a decimal-looking string a number, "TRUE"/"FALSE" a boolean —
   * unless the cell's number format is text ("@"). The fake is stricter than Excel about leading tabs and line
   * breaks (it treats "\t=1" as a formula) and does not model dates, percentages or currency parsing.
   */
  writeValue(row: number, column: number, value: unknown): void {
    if (value === null || value === undefined) return; // null in the array: leave the cell as it is
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new FakeOfficeError(errorCodes.invalidArgument, `${value} is not a cell value`);
      this.putCell(row, column, value);
      return;
    }
    if (typeof value === "boolean") {
      this.putCell(row, column, value);
      return;
    }
    if (typeof value !== "string") throw new FakeOfficeError(errorCodes.invalidArgument, `unsupported value ${JSON.stringify(value)}`);
    if (value.length > MAX_CELL_TEXT) {
      throw new FakeOfficeError(errorCodes.invalidArgument, `text of ${value.length} characters exceeds ${MAX_CELL_TEXT}`);
    }
    if (value === "") {
      this.putCell(row, column, undefined);
      return;
    }
    if (this.numberFormat(row, column) === "@") {
      this.putCell(row, column, value);
      return;
    }
    if (FORMULA_START.test(value)) {
      const trimmed = value.trimStart();
      this.putCell(row, column, { formula: trimmed.startsWith("=") ? trimmed : `=${trimmed.replace(/^@/, "")}` });
      return;
    }
    if (DECIMAL.test(value)) {
      this.putCell(row, column, Number(value));
      return;
    }
    const upper = value.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") {
      this.putCell(row, column, upper === "TRUE");
      return;
    }
    this.putCell(row, column, value);
  }

  /** Bounding rectangle of the cells holding a value or formula (within `within`, if given); null if none. */
  usedRect(within?: Rect): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const firstRow = within?.row ?? 0;
    const endRow = within === undefined ? this.cells.length : Math.min(this.cells.length, within.row + within.rows);
    const firstColumn = within?.column ?? 0;
    const endColumn = within === undefined ? Infinity : within.column + within.columns;
    for (let row = firstRow; row < endRow; row++) {
      const cells = this.cells[row];
      if (cells === undefined) continue;
      let any = false;
      const end = Math.min(cells.length, endColumn);
      for (let column = firstColumn; column < end; column++) {
        if (cells[column] === undefined) continue;
        any = true;
        if (column < left) left = column;
        if (column > right) right = column;
      }
      if (!any) continue;
      if (top < 0) top = row;
      bottom = row;
    }
    if (top < 0) return null;
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Value of a cell as `range.values` reports it. The fake does not calculate: a formula reads as 0. */
  readValue(row: number, column: number): string | number | boolean {
    const cell = this.cell(row, column);
    if (cell === undefined) return "";
    if (typeof cell === "object") return "error" in cell ? cell.error : 0;
    return cell;
  }

  readValueType(row: number, column: number): string {
    const cell = this.cell(row, column);
    if (cell === undefined) return "Empty";
    if (typeof cell === "object") return "error" in cell ? "Error" : "Double";
    if (typeof cell === "string") return "String";
    if (typeof cell === "boolean") return "Boolean";
    return "Double";
  }

  style<P extends StyleEntry["property"]>(row: number, column: number, property: P): StyleEntry["value"] | undefined {
    let value: StyleEntry["value"] | undefined;
    for (const entry of this.styles) {
      if (entry.property === property && contains(entry.rect, row, column)) value = entry.value;
    }
    return value;
  }

  /** Every row of the sheet from row 1 and column A to the used range's end, empty cells `undefined`. */
  rowsFromA1(): Array<Array<StoredCell | undefined>> {
    const used = this.usedRect();
    if (used === null) return [];
    const rows: Array<Array<StoredCell | undefined>> = [];
    for (let r = 0; r < used.row + used.rows; r++) {
      const cells = this.cells[r] ?? [];
      const row: Array<StoredCell | undefined> = [];
      for (let c = 0; c < used.column + used.columns; c++) row.push(cells[c]);
      rows.push(row);
    }
    return rows;
  }
}

export function contains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && column >= rect.column && column < rect.column + rect.columns;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const right = Math.min(a.column + a.columns, b.column + b.columns);
  if (bottom <= row || right <= column) return null;
  return { row, column, rows: bottom - row, columns: right - column };
}

const FORBIDDEN_SHEET_CHARACTERS = /[:\\/?*[\]]/;

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  /** Settings of the add-in, stored as JSON text as Office stores them. */
  readonly settings = new Map<string, string>();
  activeSheet: FakeSheet | null = null;
  private nextSheetId = 1;
  private nextObjectId = 1;

  constructor(readonly date1904: boolean) {}

  newObjectId(): number {
    return this.nextObjectId++;
  }

  findSheet(key: string): FakeSheet | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((sheet) => sheet.id === key || sheet.name.toLowerCase() === lower);
  }

  checkSheetName(name: string, renaming: FakeSheet | null): void {
    if (name.length === 0 || name.length > 31 || FORBIDDEN_SHEET_CHARACTERS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeOfficeError(errorCodes.invalidArgument, `"${name}" is not a valid sheet name`);
    }
    if (name.toLowerCase() === "history") throw new FakeOfficeError(errorCodes.invalidArgument, `"${name}" is reserved`);
    const holder = this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    if (holder !== undefined && holder !== renaming) {
      throw new FakeOfficeError(errorCodes.itemAlreadyExists, `a sheet named "${holder.name}" already exists`);
    }
  }

  addSheet(name: string | undefined): FakeSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      for (let n = this.sheets.length + 1; ; n++) {
        if (this.findSheet(`Sheet${n}`) === undefined) {
          sheetName = `Sheet${n}`;
          break;
        }
      }
    }
    this.checkSheetName(sheetName, null);
    const id = `{00000000-0001-0000-0000-${String(this.nextSheetId++).padStart(12, "0")}}`;
    const sheet = new FakeSheet(id, sheetName, "Visible");
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    this.checkAttached(sheet);
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  setVisibility(sheet: FakeSheet, visibility: Visibility): void {
    this.checkAttached(sheet);
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleCount() === 1) {
      throw new FakeOfficeError(errorCodes.invalidOperation, "a workbook must keep at least one visible sheet");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) this.activeSheet = this.firstVisible();
  }

  deleteSheet(sheet: FakeSheet): void {
    this.checkAttached(sheet);
    if (sheet.visibility === "Visible" && this.visibleCount() === 1) {
      throw new FakeOfficeError(errorCodes.invalidOperation, "a workbook must keep at least one visible sheet");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i]!.sheet === sheet) this.tables.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.firstVisible();
  }

  activate(sheet: FakeSheet): void {
    this.checkAttached(sheet);
    if (sheet.visibility !== "Visible") throw new FakeOfficeError(errorCodes.invalidOperation, `sheet "${sheet.name}" is hidden`);
    this.activeSheet = sheet;
  }

  checkAttached(sheet: FakeSheet): void {
    if (!this.sheets.includes(sheet)) throw new FakeOfficeError(errorCodes.itemNotFound, `sheet "${sheet.name}" no longer exists`);
  }

  /**
   * `tables.add` over a rectangle. With headers, Excel makes the header cells unique non-empty text ("Column1",
   * "Amount2") and writes that text into the cells; a table of only a header row gets one empty data row.
   */
  addTable(sheet: FakeSheet, rect: Rect, hasHeaders: boolean): FakeTable {
    this.checkAttached(sheet);
    // Without headers Excel inserts a header row of Column1..n above the data; the adapter never asks for that.
    if (!hasHeaders) throw new FakeOfficeError(errorCodes.notImplemented, "tables.add without headers is not modelled");
    sheet.checkEditable("tables.add");
    const tableRect = rect.rows === 1 ? { ...rect, rows: 2 } : rect;
    for (const table of this.tables) {
      if (table.sheet === sheet && intersect(table.rect, tableRect) !== null) {
        throw new FakeOfficeError(errorCodes.invalidOperation, `the range overlaps table ${table.name}`);
      }
    }
    const seen = new Set<string>();
    for (let c = 0; c < rect.columns; c++) {
      const cell = sheet.cell(rect.row, rect.column + c);
      let base = cell === undefined ? "" : typeof cell === "object" ? ("error" in cell ? cell.error : "0") : String(cell);
      if (base.trim() === "") base = `Column${c + 1}`;
      let name = base;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
      seen.add(name.toLowerCase());
      sheet.putCell(rect.row, rect.column + c, name);
    }
    let name = "";
    for (let n = 1; ; n++) {
      name = `Table${n}`;
      if (!this.tables.some((table) => table.name.toLowerCase() === name.toLowerCase())) break;
    }
    const table: FakeTable = { id: this.newObjectId(), name, style: "TableStyleMedium2", sheet, rect: tableRect };
    this.tables.push(table);
    return table;
  }

  renameTable(table: FakeTable, name: string): void {
    if (!this.tables.includes(table)) throw new FakeOfficeError(errorCodes.itemNotFound, `table ${table.name} no longer exists`);
    table.sheet.checkEditable("renaming a table");
    const valid =
      name.length > 0 &&
      name.length <= 255 &&
      /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^([Rr]\d*[Cc]\d*|[RrCc])$/.test(name);
    if (!valid) throw new FakeOfficeError(errorCodes.invalidArgument, `"${name}" is not a valid table name`);
    const holder = this.tables.find((other) => other.name.toLowerCase() === name.toLowerCase());
    if (holder !== undefined && holder !== table) {
      throw new FakeOfficeError(errorCodes.itemAlreadyExists, `a table named "${holder.name}" already exists`);
    }
    table.name = name;
  }

  private visibleCount(): number {
    return this.sheets.filter((sheet) => sheet.visibility === "Visible").length;
  }

  private firstVisible(): FakeSheet | null {
    return this.sheets.find((sheet) => sheet.visibility === "Visible") ?? null;
  }
}
