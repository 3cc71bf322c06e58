import type { CellValue, SheetGrid, WorkbookData } from "../port";
import type { ReportSheet, ReportWorkbook } from "./model";

/**
 * A report sheet laid out as the grid of values a renderer would produce (texts, headers, rows at their places),
 * so a generated workbook — the sample, a report — can be read back by the engine without a file.
 * @example reportSheetGrid({ texts: [{ row: 0, column: 0, text: "Title" }], blocks: [] … }).rows //=> [["Title"]]
 */
export function reportSheetGrid(sheet: ReportSheet): SheetGrid {
  const rows: CellValue[][] = [];
  const put = (row: number, column: number, value: CellValue) => {
    while (rows.length <= row) rows.push([]);
    const target = rows[row]!;
    while (target.length < column) target.push(null);
    target[column] = value;
  };
  for (const text of sheet.texts) put(text.row, text.column, text.text);
  for (const block of sheet.blocks) {
    let row = block.row;
    if (block.header) block.header.forEach((h, c) => put(block.row, block.column + c, h));
    if (block.header) row++;
    block.rows.forEach((values, r) => values.forEach((v, c) => put(row + r, block.column + c, v === undefined ? null : v)));
  }
  return { name: sheet.name, rows, firstRow: 1, firstColumn: 1 };
}

/** Every sheet of a report workbook as grids (1900 date system, as the renderers write it). */
export function reportToWorkbookData(report: ReportWorkbook): WorkbookData {
  return { date1904: false, sheets: report.sheets.map(reportSheetGrid) };
}
