import { dayFromIso } from "../../../src/engine/dates/civil";
import type { CellValue, WorkbookData } from "../../../src/engine/port";
import { agingSheets } from "../../../src/engine/report/agingSheets";
import type { ReportSheet, ReportWorkbook } from "../../../src/engine/report/model";
import { reportToWorkbookData } from "../../../src/engine/report/reportToWorkbookData";
import { runReceivables } from "../../../src/engine/runReceivables";
import type { DumpedCell } from "../../../src/excel/testing";
import { generateSampleWithFacts } from "../../../src/sample/generateSample";

export const AS_OF = dayFromIso("2026-11-30")!;

/** The sample workbook (an invoice register and a payments list) as the cells a user's workbook would hold. */
export function sampleWorkbookData(invoices: number, seed = 11): WorkbookData {
  return reportToWorkbookData(generateSampleWithFacts({ invoices, seed }).workbook);
}

/** The aging report of a workbook, as `runReceivables` + `agingSheets` make it (src/cli/runCli.ts does the same). */
export function agingReport(workbook: WorkbookData, language: "en" | "pl" = "en"): ReportWorkbook {
  const run = runReceivables(workbook, { asOf: AS_OF, defaultCurrency: "PLN", language });
  if (!run.ok) throw new Error(`no report: ${JSON.stringify(run.issues)}`);
  return { sheets: agingSheets(run) };
}

/**
 * The cells a report sheet should leave in Excel, from A1, as `FakeExcel.dumpSheet` shows them: texts, headers
 * (a table's made unique as Excel would), data rows; empty cells null, trailing ones dropped; date columns shifted
 * for a 1904 workbook.
 */
export function expectedSheetRows(sheet: ReportSheet, date1904 = false): DumpedCell[][] {
  const rows: DumpedCell[][] = [];
  const put = (row: number, column: number, value: CellValue) => {
    while (rows.length <= row) rows.push([]);
    const target = rows[row]!;
    while (target.length <= column) target.push(null);
    target[column] = value === "" ? null : value;
  };
  for (const text of sheet.texts) put(text.row, text.column, text.text);
  for (const block of sheet.blocks) {
    let header = block.header;
    if (header !== undefined && block.table !== undefined) {
      const seen = new Set<string>();
      header = header.map((name, c) => {
        const base = name.trim() === "" ? `Column${c + 1}` : name;
        let unique = base;
        for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${base}${n}`;
        seen.add(unique.toLowerCase());
        return unique;
      });
    }
    header?.forEach((name, c) => put(block.row, block.column + c, name));
    const first = block.row + (header === undefined ? 0 : 1);
    block.rows.forEach((values, r) =>
      values.forEach((value, c) => {
        const shifted = date1904 && typeof value === "number" && block.columns[c]?.kind === "date" ? value - 1462 : value;
        put(first + r, block.column + c, shifted ?? null);
      }),
    );
  }
  return rows.map((row) => {
    const cells = [...row];
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
}
