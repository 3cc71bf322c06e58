import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forecastReport, forecastSheet } from "../../src/engine/forecast";
import { readWorkbookFile } from "../../src/xlsx/readWorkbook";
import { writeReportWorkbook } from "../../src/xlsx/writeReportWorkbook";
import { sampleRun, SAMPLE_AS_OF } from "./fixtures";

describe("the forecast sheet drawn by the .xlsx writer", () => {
  it("writes (table, chart, both languages) and reads back with the expected cells", async () => {
    const run = sampleRun();
    const report = forecastReport(run.ledger, run.applications, SAMPLE_AS_OF);
    const path = join(mkdtempSync(join(tmpdir(), "rd-forecast-")), "forecast.xlsx");
    const en = forecastSheet(report, "en");
    const pl = forecastSheet(report, "pl");
    await writeReportWorkbook({ sheets: [en, { ...pl, blocks: pl.blocks.map((b) => (b.table ? { ...b, table: { name: "ArForecastItemsPl" } } : b)) }] }, path);
    const back = await readWorkbookFile(path);
    expect(back.sheets.map((s) => s.name)).toEqual(["AR Forecast", "Prognoza wpływów"]);
    const sheet = back.sheets[0]!;
    const cell = (row: number, column: number) => sheet.rows[row - sheet.firstRow]?.[column - sheet.firstColumn];
    expect(cell(1, 1)).toBe("Expected collections as of 2026-11-30");
    expect(cell(5, 1)).toBe("Week from");
  }, 60_000);
});
