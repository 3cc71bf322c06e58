import type { CellValue, SheetGrid } from "../../engine/port";
import { HEADER_SEARCH_ROWS } from "../../engine/tables/detectTables";
import { discoverWorkbook, type XlContext } from "../../excel";
import { parseRectAddress } from "../../excel/a1";
import { cellValueFromExcel } from "../../excel/excelErrors";

export interface SheetHeads {
  /** Sheets that can be sources, in workbook order: not the add-in's report sheets, not leftovers, not empty. */
  readonly sheets: readonly SheetGrid[];
  /** Total rows of each sheet's used range, by name (the heads hold at most HEADER_SEARCH_ROWS of them). */
  readonly rowCounts: ReadonlyMap<string, number>;
}

/**
 * The first rows of every sheet that can be a source: as many as the engine searches for a header row
 * (HEADER_SEARCH_ROWS), from the top of each used range, so `detectTables` on the heads finds the same header rows
 * and columns as on the whole sheets — without reading a 100,000-row ledger to show a column mapping.
 *
 * Three syncs: two of `discoverWorkbook`, one for the heads of every sheet at once. Error cells come back as their
 * text; a header row does not care.
 */
export async function readSheetHeads(context: XlContext): Promise<SheetHeads> {
  const discovery = await discoverWorkbook(context);
  const candidates = discovery.sheets.flatMap((sheet) => {
    if (sheet.reportKey !== null || sheet.leftover || sheet.used === null) return [];
    const used = parseRectAddress(sheet.used.address);
    if (used === undefined) return [];
    return [{ name: sheet.name, used }];
  });
  const heads = candidates.map(({ name, used }) =>
    context.workbook.worksheets
      .getItem(name)
      .getRangeByIndexes(used.row, used.column, Math.min(used.rows, HEADER_SEARCH_ROWS), used.columns)
      .load("values"),
  );
  if (heads.length > 0) await context.sync();
  const sheets = candidates.map(({ name, used }, i): SheetGrid => ({
    name,
    rows: heads[i]!.values.map((row) => trimRow(row.map((value) => cellValueFromExcel(value, false)))),
    firstRow: used.row + 1,
    firstColumn: used.column + 1,
  }));
  return { sheets, rowCounts: new Map(candidates.map(({ name, used }) => [name, used.rows])) };
}

function trimRow(cells: CellValue[]): CellValue[] {
  let length = cells.length;
  while (length > 0 && cells[length - 1] === null) length--;
  cells.length = length;
  return cells;
}
