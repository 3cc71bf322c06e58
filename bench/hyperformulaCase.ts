// The user's template recalculated by a spreadsheet engine, HyperFormula, as a whole process:
//   node dist/bench-hyperformula.js <template.xlsx>
// reads the workbook with ExcelJS (HyperFormula reads no files), builds every sheet with its formulas, lets
// HyperFormula calculate them and prints { buckets } (the template's bucket totals, in cents) as one JSON line.
import ExcelJS from "exceljs";
import { HyperFormula, type RawCellContent } from "hyperformula";
import { serialFromExcelJsDate } from "../src/xlsx/serialFromExcelJsDate";
import { SUMMARY_FIRST_BUCKET_ROW, SUMMARY_SHEET, TEMPLATE_BUCKETS } from "./templateWorkbook";

function rawCell(value: ExcelJS.CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialFromExcelJsDate(value, false);
  if (typeof value === "object" && "formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  throw new Error(`bench-hyperformula: unexpected cell ${JSON.stringify(value)}`);
}

async function main(): Promise<void> {
  const [path] = process.argv.slice(2);
  if (path === undefined) throw new Error("usage: bench-hyperformula <template.xlsx>");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const worksheet of workbook.worksheets) {
    const rows: RawCellContent[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: RawCellContent[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => (cells[column - 1] = rawCell(cell.value)));
      for (let c = 0; c < cells.length; c++) cells[c] ??= null;
      rows[rowNumber - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets[worksheet.name] = rows;
  }
  // HyperFormula's default sheet is 40,000 rows: whole-column references (C:C) need Excel's 1,048,576. It rounds
  // the numbers it hands out to `precisionRounding` significant digits (10 by default): 14 keeps every cent of a
  // total below a billion.
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", maxRows: 1_048_576, precisionRounding: 14 });
  const summary = hf.getSheetId(SUMMARY_SHEET);
  if (summary === undefined) throw new Error(`${path}: no ${SUMMARY_SHEET} sheet`);
  const buckets = TEMPLATE_BUCKETS.map((label, b) => {
    const value = hf.getCellValue({ sheet: summary, row: SUMMARY_FIRST_BUCKET_ROW - 1 + b, col: 1 });
    if (typeof value !== "number") throw new Error(`HyperFormula: the ${label} total is ${JSON.stringify(value)}`);
    return Math.round(value * 100);
  });
  hf.destroy();
  process.stdout.write(`${JSON.stringify({ buckets })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
