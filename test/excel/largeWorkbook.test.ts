// Sync counts and payload sizes for big workbooks, measured by the in-memory Excel (which refuses anything over
// 5 MB): a run reads the sources and writes the aging report within 12 syncs, no request or response above 4 MB.
import type { SheetGrid } from "../../src/engine/port";
import { PAYLOAD_BUDGET_BYTES, readWorkbookData, SyncMeter, writeReport } from "../../src/excel";
import { FakeExcel } from "../../src/excel/testing";
import { generateSampleWithFacts } from "../../src/sample/generateSample";
import { agingReport, expectedSheetRows, sampleWorkbookData } from "./support/reportFixtures";

interface Measured {
  readonly syncs: number;
  readonly largestRequest: number;
  readonly largestResponse: number;
}

function measured(excel: FakeExcel): Measured {
  return { syncs: excel.syncCount, largestRequest: excel.largestRequestBytes, largestResponse: excel.largestResponseBytes };
}

function summary(label: string, rows: number, read: Measured, write: Measured): string {
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  return (
    `${label}: ${rows} source rows — read ${read.syncs} syncs (largest response ${mb(read.largestResponse)} MB), ` +
    `write ${write.syncs} syncs (largest request ${mb(write.largestRequest)} MB); total ${read.syncs + write.syncs} syncs`
  );
}

/** Reads the sources, runs the engine, writes the aging report: the task pane's "Run" on a fresh workbook. */
async function fullRun(invoices: number) {
  const data = sampleWorkbookData(invoices);
  const excel = FakeExcel.fromWorkbookData(data);
  const meter = new SyncMeter();
  const read = await excel.run((context) => readWorkbookData(context, { sheets: ["Invoices", "Payments"], meter }));
  const readMeasured = measured(excel);
  const report = agingReport(read);
  excel.resetSyncLog();
  await excel.run((context) => writeReport(context, report, { meter, date1904: read.date1904 }));
  const writeMeasured = measured(excel);
  const rows = data.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  return { data, read, report, excel, meter, readMeasured, writeMeasured, rows };
}

function sameGrid(actual: SheetGrid, expected: SheetGrid): void {
  expect(actual.rows.length).toBe(expected.rows.length);
  const strip = (row: readonly unknown[]) => {
    const cells = [...row];
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  };
  for (let r = 0; r < expected.rows.length; r += 97) expect(strip(actual.rows[r]!)).toEqual(strip(expected.rows[r]!));
  expect(strip(actual.rows[expected.rows.length - 1]!)).toEqual(strip(expected.rows[expected.rows.length - 1]!));
}

describe("sync counts and payloads", () => {
  it("10,000 invoices: read and report in a handful of syncs", async () => {
    const run = await fullRun(10_000);
    console.log(summary("10k invoices", run.rows, run.readMeasured, run.writeMeasured));
    expect(run.readMeasured.syncs).toBeLessThanOrEqual(3);
    expect(run.writeMeasured.syncs).toBe(2);
    expect(run.meter.syncs).toBe(run.readMeasured.syncs + run.writeMeasured.syncs);
    for (const sheet of run.report.sheets) expect(run.excel.dumpSheet(sheet.name).rows).toEqual(expectedSheetRows(sheet));
  });

  it("100,000 invoices: ≤ 12 syncs for sources + report, none over 4 MB; a 100,000-row report alone in ≤ 12", async () => {
    const run = await fullRun(100_000);
    console.log(summary("100k invoices", run.rows, run.readMeasured, run.writeMeasured));
    expect(run.rows).toBeGreaterThan(190_000);
    expect(run.readMeasured.syncs + run.writeMeasured.syncs).toBeLessThanOrEqual(12);
    for (const m of [run.readMeasured, run.writeMeasured]) {
      expect(m.largestRequest).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
      expect(m.largestResponse).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    }
    // The adapter's own estimates bound what the fake measured.
    expect(run.meter.largestRequestBytes).toBeGreaterThanOrEqual(run.writeMeasured.largestRequest);
    run.data.sheets.forEach((sheet, i) => sameGrid(run.read.sheets[i]!, sheet));
    const detail = run.report.sheets[1]!;
    expect(run.excel.dumpSheet(detail.name).rows.length).toBe(expectedSheetRows(detail).length);

    // The sample register itself as a report: 103,000 rows × 13 columns, about 19 MB of values.
    const register = generateSampleWithFacts({ invoices: 100_000, seed: 11 }).workbook;
    run.excel.resetSyncLog();
    const written = await run.excel.run((context) => writeReport(context, register));
    const big = measured(run.excel);
    console.log(`100k-row report (${register.sheets[0]!.blocks[0]!.rows.length} + ${register.sheets[1]!.blocks[0]!.rows.length} rows): ${big.syncs} syncs, largest request ${(big.largestRequest / 1e6).toFixed(2)} MB`);
    expect(written.syncs).toBe(big.syncs);
    expect(big.syncs).toBeLessThanOrEqual(12);
    expect(big.largestRequest).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    expect(big.largestResponse).toBeLessThanOrEqual(PAYLOAD_BUDGET_BYTES);
    // Its names are taken by the sources: the report sheets take "Invoices (2)", "Payments (2)".
    expect(written.sheets.map((sheet) => sheet.name)).toEqual(["Invoices (2)", "Payments (2)"]);
  }, 60_000);
});
