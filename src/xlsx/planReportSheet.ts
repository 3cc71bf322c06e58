import type { ReportBlock, ReportSheet, ReportValue, RowRole } from "../engine/report/model";
import { columnLetter } from "../engine/tables/columnLetter";
import type { CellRange } from "./charts/cellRange";
import { excelConditionalFormatting, type ExcelConditionalFormat } from "./excelConditionalFormatting";
import { excelPageSetup, type ExcelPageSetup } from "./excelPageSetup";
import { withoutNonXmlCharacters } from "./ooxml/xmlEscape";
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
  /**
   * Data rows inside the table, under the header: the block's rows without its trailing total rows (which stay
   * below the table), and at least 1, since Excel wants a data row even in an empty table.
   */
  readonly dataRows: number;
}

/** A report sheet turned into rows of styled cells, in row order, plus the native tables to declare. */
export interface SheetPlan {
  readonly name: string;
  readonly columnWidths: readonly number[];
  /** 1-based rows a printed page ends after (the row before each ReportSheet.pageBreaks row), ascending. */
  readonly pageBreaksAfter: readonly number[];
  /** Protect the sheet, without a password. */
  readonly protect: boolean;
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly tables: readonly PlannedTable[];
  /** Native conditional formats, in the report's order (the first has priority). */
  readonly conditionalFormats: readonly ExcelConditionalFormat[];
  /** Orientation and scaling when printed: landscape, fit to width unless the sheet says otherwise. */
  readonly pageSetup: ExcelPageSetup;
  /**
   * The rectangle every written cell lies in (texts and whole blocks; an empty cell at a block's edge may make it
   * larger than the cells, never smaller), or null for a sheet with no cells: the worksheet's `<dimension>`.
   */
  readonly usedRange: CellRange | null;
  /** The rows that have cells, ascending; each row's cells ascending by column. */
  rows(): Iterable<{ readonly row: number; readonly cells: readonly PlannedCell[] }>;
}

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32767;

interface BlockPlan {
  readonly block: ReportBlock;
  readonly rect: CellRange;
  readonly width: number;
  /** The header cells' texts, made safe (for a table: its unique column names), or null. */
  readonly header: readonly (string | undefined)[] | null;
  readonly table: PlannedTable | null;
  /** Styles of the data cells by column, per row role ("" for a plain row), made when first needed. */
  readonly dataStyles: Map<RowRole | "", readonly CellStyle[]>;
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
    cells.push({ column: text.column, value: excelSafeText(text.text), style: textStyle(text.role) });
    textsByRow.set(text.row, cells);
  }
  for (const cells of textsByRow.values()) cells.sort((a, b) => a.column - b.column);
  const lastRow = Math.max(-1, ...sheet.texts.map((t) => t.row), ...blocks.map((b) => b.rect.bottom));
  const byStart = [...blocks].sort((a, b) => a.rect.top - b.rect.top);

  return {
    name: sheet.name,
    columnWidths: sheet.columnWidths,
    pageBreaksAfter: [...new Set((sheet.pageBreaks ?? []).filter((row) => row > 0))].sort((a, b) => a - b),
    protect: sheet.protect === true,
    freeze: sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0) ? sheet.freeze : null,
    tables: blocks.flatMap((b) => (b.table ? [b.table] : [])),
    conditionalFormats: (sheet.conditionalFormats ?? []).map((format, index) => excelConditionalFormatting(format, index + 1)),
    pageSetup: excelPageSetup(sheet.pageSetup),
    usedRange: usedRange(sheet, blocks),
    *rows() {
      // Blocks whose rows the walk is inside: blocks never overlap, so few at a time (side by side), however many
      // blocks a sheet has (a statement per customer).
      let active: BlockPlan[] = [];
      let next = 0;
      for (let row = 0; row <= lastRow; row++) {
        while (next < byStart.length && byStart[next]!.rect.top <= row) active.push(byStart[next++]!);
        if (active.some((plan) => plan.rect.bottom < row)) active = active.filter((plan) => plan.rect.bottom >= row);
        const texts = textsByRow.get(row);
        if (texts === undefined && active.length === 0) continue;
        const cells: PlannedCell[] = texts === undefined ? [] : [...texts];
        for (const plan of active) pushBlockCells(sheet.name, plan, row, styles, cells);
        if (cells.length === 0) continue;
        if (active.length + (texts === undefined ? 0 : 1) > 1) cells.sort((a, b) => a.column - b.column);
        yield { row, cells };
      }
    },
  };
}

function planBlock(sheetName: string, block: ReportBlock): BlockPlan {
  let width = Math.max(block.columns.length, block.header?.length ?? 0);
  for (const values of block.rows) width = Math.max(width, values.length);
  let table: PlannedTable | null = null;
  let header: readonly (string | undefined)[] | null = block.header ? block.header.map((name) => (name === undefined ? undefined : excelSafeText(name))) : null;
  let height = (header ? 1 : 0) + block.rows.length;
  if (block.table) {
    if (header === null) {
      throw new Error(`Report sheet "${sheetName}": table ${block.table.name} needs a header row`);
    }
    // Names made unique after being made safe: the header cells and the table's columns are the same texts.
    const columnNames = uniqueColumnNames(header, width);
    header = columnNames;
    // Total rows at the end stay out of the table: sorting or filtering the table must not move them.
    let dataRows = block.rows.length;
    while (dataRows > 0 && block.rowRoles?.get(dataRows - 1) !== undefined) dataRows--;
    table = { name: block.table.name, row: block.row, column: block.column, columnNames, dataRows: Math.max(dataRows, 1) };
    // Excel wants at least one data row in a table; an empty table gets one blank row.
    if (dataRows === 0) height = Math.max(height, 2);
  }
  const rect = {
    top: block.row,
    left: block.column,
    bottom: block.row + Math.max(height, 1) - 1,
    right: block.column + Math.max(width, 1) - 1,
  };
  return { block, rect, width, header, table, dataStyles: new Map() };
}

function pushBlockCells(sheetName: string, plan: BlockPlan, row: number, styles: ReportCellStyles, cells: PlannedCell[]): void {
  const { block, header, width } = plan;
  let index = row - block.row;
  if (header !== null) {
    if (index === 0) {
      for (let c = 0; c < header.length; c++) {
        const name = header[c];
        if (name !== undefined) cells.push({ column: block.column + c, value: name, style: styles.header(block.columns[c]) });
      }
      return;
    }
    index--;
  }
  const values = block.rows[index];
  if (values === undefined) return;
  const role: RowRole | undefined = block.rowRoles?.get(index);
  const rowStyles = dataStyles(plan, role, styles);
  for (let c = 0; c < width; c++) {
    const value = values[c] ?? null;
    // Empty cells of a total row still get the row's border.
    if (value === null && role === undefined) continue;
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new Error(`Report sheet "${sheetName}": ${value} at row ${row + 1}, column ${block.column + c + 1}`);
    }
    cells.push({ column: block.column + c, value: typeof value === "string" ? excelSafeText(value) : value, style: rowStyles[c]! });
  }
}

/** One style per column for the block's rows of a role: looked up once per block, not once per cell. */
function dataStyles(plan: BlockPlan, role: RowRole | undefined, styles: ReportCellStyles): readonly CellStyle[] {
  let found = plan.dataStyles.get(role ?? "");
  if (found === undefined) {
    found = Array.from({ length: plan.width }, (_, c) => styles.data(plan.block.columns[c], role));
    plan.dataStyles.set(role ?? "", found);
  }
  return found;
}


/**
 * A string as Excel will read it back, and as every part of the file carries it (cell, table column, chart cache):
 * the characters XML 1.0 cannot carry (control characters other than tab, line feed and carriage return,
 * U+FFFE/U+FFFF, unpaired surrogates) are dropped, as ExcelJS did; text is cut at Excel's 32,767-character limit;
 * OOXML decodes `_xHHHH_` in cell text, so a literal one is escaped as `_x005F_xHHHH_`. Strings are never
 * formulas in any case: a string cell is written as text, `=`, `+`, `-` and `@` included.
 * @example excelSafeText("a\u0001b _x0041_")  //=> "ab _x005F_x0041_"
 */
export function excelSafeText(value: string): string {
  let text = withoutNonXmlCharacters(value);
  if (text.length > MAX_CELL_TEXT) {
    text = text.slice(0, MAX_CELL_TEXT);
    // Not half of a surrogate pair.
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_");
}

/** Excel table column names: non-empty and unique regardless of case ("Kwota", "Kwota2", ...). */
function uniqueColumnNames(header: readonly (string | undefined)[], width: number): string[] {
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

function usedRange(sheet: ReportSheet, blocks: readonly BlockPlan[]): CellRange | null {
  const rects = [...sheet.texts.map((t) => ({ top: t.row, left: t.column, bottom: t.row, right: t.column })), ...blocks.map((b) => b.rect)];
  if (rects.length === 0) return null;
  return {
    top: Math.min(...rects.map((r) => r.top)),
    left: Math.min(...rects.map((r) => r.left)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    right: Math.max(...rects.map((r) => r.right)),
  };
}

/**
 * Throws when two blocks overlap or a text lies inside a block. Blocks are swept in order of their first row, and
 * texts found by row, so a sheet of a thousand statements is checked in a blink rather than pair by pair.
 */
function checkOverlaps(sheet: ReportSheet, blocks: readonly BlockPlan[]): void {
  const where = (rect: CellRange): string => `${cellName(rect.top, rect.left)}:${cellName(rect.bottom, rect.right)}`;
  const byTop = [...blocks].sort((a, b) => a.rect.top - b.rect.top);
  for (let i = 0; i < byTop.length; i++) {
    const a = byTop[i]!;
    for (let j = i + 1; j < byTop.length && byTop[j]!.rect.top <= a.rect.bottom; j++) {
      const b = byTop[j]!;
      if (intersects(a.rect, b.rect)) throw new Error(`Report sheet "${sheet.name}": blocks ${where(a.rect)} and ${where(b.rect)} overlap`);
    }
  }
  const texts = [...sheet.texts].sort((a, b) => a.row - b.row);
  for (const { rect } of blocks) {
    // The first text at or below the block's top row.
    let low = 0;
    for (let high = texts.length; low < high; ) {
      const middle = (low + high) >> 1;
      if (texts[middle]!.row < rect.top) low = middle + 1;
      else high = middle;
    }
    for (let k = low; k < texts.length && texts[k]!.row <= rect.bottom; k++) {
      const text = texts[k]!;
      if (rect.left <= text.column && text.column <= rect.right) {
        throw new Error(`Report sheet "${sheet.name}": text at ${cellName(text.row, text.column)} lies inside block ${where(rect)}`);
      }
    }
  }
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A1-style name of a 0-based cell. */
export function cellName(row: number, column: number): string {
  return `${columnLetter(column + 1)}${row + 1}`;
}
