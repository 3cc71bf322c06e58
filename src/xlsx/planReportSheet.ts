import type { ConditionalFormattingOptions, PageSetup } from "exceljs";
import type { ReportBlock, ReportSheet, ReportValue, RowRole } from "../engine/report/model";
import { excelConditionalFormatting } from "./excelConditionalFormatting";
import { excelPageSetup } from "./excelPageSetup";
import { ReportCellStyles, textStyle, type CellStyle } from "./reportCellStyles";

/** One cell to write; `row` and `column` are 0-based, like the report model's coordinates. */
export interface PlannedCell {
  readonly column: number;
  readonly value: ReportValue;
  readonly style: CellStyle;
}

export interface PlannedTable {
  readonly name: string;
  /** 0-based top-left cell (the header). */
  readonly row: number;
  readonly column: number;
  /** Header names as written in the header cells: unique and non-empty, as Excel requires. */
  readonly columnNames: readonly string[];
  /** Data rows inside the table (trailing total rows stay below it), each `columnNames.length` wide. */
  readonly rows: ReadonlyArray<readonly ReportValue[]>;
}

/** A report sheet turned into rows of styled cells, in row order, plus the native tables to declare. */
export interface SheetPlan {
  readonly name: string;
  readonly columnWidths: readonly number[];
  /** 1-based rows a printed page ends after (the row before each ReportSheet.pageBreaks row). */
  readonly pageBreaksAfter: readonly number[];
  /** Protect the sheet, without a password. */
  readonly protect: boolean;
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly tables: readonly PlannedTable[];
  /** Native conditional formats, in the report's order (the first has priority). */
  readonly conditionalFormats: readonly ConditionalFormattingOptions[];
  /** Orientation and scaling when printed: landscape, fit to width unless the sheet says otherwise. */
  readonly pageSetup: Partial<PageSetup>;
  /** Number of cells the sheet writes (to choose the writer). */
  readonly cellCount: number;
  /** The rows that have cells, ascending; each row's cells ascending by column. */
  rows(): Iterable<{ readonly row: number; readonly cells: readonly PlannedCell[] }>;
}

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32767;

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface BlockPlan {
  readonly block: ReportBlock;
  readonly rect: Rect;
  readonly width: number;
  readonly header: readonly string[] | null;
  readonly table: PlannedTable | null;
}

/**
 * Lays out one report sheet. Throws (a programmer error in the report description) when blocks overlap, a text
 * falls inside a block, a table has no header, or a conditional format's range or colour is not one.
 */
export function planReportSheet(sheet: ReportSheet, styles: ReportCellStyles): SheetPlan {
  const blocks = sheet.blocks.map((block) => planBlock(sheet.name, block));
  checkOverlaps(sheet, blocks);

  const textsByRow = new Map<number, PlannedCell[]>();
  for (const text of sheet.texts) {
    const cells = textsByRow.get(text.row) ?? [];
    cells.push({ column: text.column, value: text.text, style: textStyle(text.role) });
    textsByRow.set(text.row, cells);
  }
  const lastRow = Math.max(-1, ...sheet.texts.map((t) => t.row), ...blocks.map((b) => b.rect.bottom));
  const byStart = [...blocks].sort((a, b) => a.rect.top - b.rect.top);
  let cellCount = sheet.texts.length;
  for (const { block, header } of blocks) {
    cellCount += (header?.length ?? 0) + block.rows.reduce((sum, row) => sum + row.length, 0);
  }

  return {
    name: sheet.name,
    columnWidths: sheet.columnWidths,
    pageBreaksAfter: (sheet.pageBreaks ?? []).filter((row) => row > 0),
    protect: sheet.protect === true,
    freeze: sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) ? sheet.freeze : null,
    tables: blocks.flatMap((b) => (b.table ? [b.table] : [])),
    conditionalFormats: (sheet.conditionalFormats ?? []).map((format, index) => excelConditionalFormatting(format, index + 1)),
    pageSetup: excelPageSetup(sheet.pageSetup),
    cellCount,
    *rows() {
      for (let row = 0; row <= lastRow; row++) {
        const cells: PlannedCell[] = [...(textsByRow.get(row) ?? [])];
        for (const plan of byStart) {
          if (plan.rect.top > row) break;
          if (plan.rect.bottom >= row) cells.push(...blockCells(sheet.name, plan, row, styles));
        }
        if (cells.length === 0) continue;
        cells.sort((a, b) => a.column - b.column);
        yield { row, cells };
      }
    },
  };
}

function planBlock(sheetName: string, block: ReportBlock): BlockPlan {
  let width = Math.max(block.columns.length, block.header?.length ?? 0);
  for (const values of block.rows) width = Math.max(width, values.length);
  let table: PlannedTable | null = null;
  let header: readonly string[] | null = block.header ?? null;
  let height = (header ? 1 : 0) + block.rows.length;
  if (block.table) {
    if (header === null) {
      throw new Error(`Report sheet "${sheetName}": table ${block.table.name} needs a header row`);
    }
    header = uniqueColumnNames(header, width);
    const columnNames = header.map((name) => excelSafeText(name));
    // Total rows at the end stay out of the table: sorting or filtering the table must not move them.
    let dataRows = block.rows.length;
    while (dataRows > 0 && block.rowRoles?.get(dataRows - 1) !== undefined) dataRows--;
    const rows = block.rows
      .slice(0, dataRows)
      .map((r) => Array.from({ length: width }, (_, c) => excelSafeValue(r[c] ?? null)));
    table = { name: block.table.name, row: block.row, column: block.column, columnNames, rows };
    // Excel wants at least one data row in a table; an empty table gets one blank row.
    if (dataRows === 0) height = Math.max(height, 2);
  }
  const rect = {
    top: block.row,
    left: block.column,
    bottom: block.row + Math.max(height, 1) - 1,
    right: block.column + Math.max(width, 1) - 1,
  };
  return { block, rect, width, header, table };
}

function blockCells(sheetName: string, plan: BlockPlan, row: number, styles: ReportCellStyles): PlannedCell[] {
  const { block, header, width } = plan;
  const cells: PlannedCell[] = [];
  let index = row - block.row;
  if (header !== null) {
    if (index === 0) {
      for (let c = 0; c < header.length; c++) {
        const name = header[c];
        if (name === undefined) continue;
        cells.push({ column: block.column + c, value: excelSafeValue(name), style: styles.header(block.columns[c]) });
      }
      return cells;
    }
    index--;
  }
  const values = block.rows[index];
  if (values === undefined) return cells;
  const role: RowRole | undefined = block.rowRoles?.get(index);
  for (let c = 0; c < width; c++) {
    const value = values[c] ?? null;
    // Empty cells of a total row still get the row's border.
    if (value === null && role === undefined) continue;
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new Error(`Report sheet "${sheetName}": ${value} at row ${row + 1}, column ${block.column + c + 1}`);
    }
    cells.push({ column: block.column + c, value: excelSafeValue(value), style: styles.data(block.columns[c], role) });
  }
  return cells;
}

/**
 * A string as Excel will read it back: OOXML decodes `_xHHHH_` in cell text, so a literal one is escaped as
 * `_x005F_xHHHH_`; text is cut at Excel's 32,767-character limit. Strings are never formulas in any case: a
 * string cell is written as text, `=`, `+`, `-` and `@` included.
 */
function excelSafeValue(value: ReportValue): ReportValue {
  return typeof value === "string" ? excelSafeText(value) : value;
}

function excelSafeText(value: string): string {
  const clipped = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  return clipped.indexOf("_x") < 0 ? clipped : clipped.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_");
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

function checkOverlaps(sheet: ReportSheet, blocks: readonly BlockPlan[]): void {
  const where = (rect: Rect): string => `${cellName(rect.top, rect.left)}:${cellName(rect.bottom, rect.right)}`;
  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (b !== undefined && intersects(a.rect, b.rect)) {
        throw new Error(`Report sheet "${sheet.name}": blocks ${where(a.rect)} and ${where(b.rect)} overlap`);
      }
    }
    for (const text of sheet.texts) {
      if (intersects(a.rect, { top: text.row, left: text.column, bottom: text.row, right: text.column })) {
        throw new Error(`Report sheet "${sheet.name}": text at ${cellName(text.row, text.column)} lies inside block ${where(a.rect)}`);
      }
    }
  }
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A1-style name of a 0-based cell. */
export function cellName(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}
