// The Excel path on the strict in-memory Excel: `node dist/bench-excel-path.js <invoices>` puts the engine
// benchmark's ledger into a FakeExcel, reads it back with readWorkbookData (every sheet, as the pane does when it
// is not told which), runs the engine, builds the full report (DEFAULT_REPORT_SETTINGS) and writes it with
// writeReport. Prints the syncs and the largest request and response, as the adapter estimated them (SyncMeter)
// and as the fake measured them (the JSON of what crossed), as one JSON line.
import { readWorkbookData, SyncMeter, writeReport } from "../src/excel";
import { FakeExcel } from "../src/excel/testing";
import { buildReport } from "../src/engine/report/buildReport";
import { DEFAULT_REPORT_SETTINGS } from "../src/engine/report/reportSettings";
import { runReceivables } from "../src/engine/runReceivables";
import { BENCH_AS_OF, BENCH_CURRENCY, transferTitleLedger } from "./ledgerData";

async function main(): Promise<void> {
  const invoices = Number(process.argv[2] ?? "10000");
  const excel = FakeExcel.fromWorkbookData(transferTitleLedger(invoices));
  const meter = new SyncMeter();
  const started = process.hrtime.bigint();
  const data = await excel.run((context) => readWorkbookData(context, { meter }));
  const readSyncs = excel.syncCount;
  const run = runReceivables(data, { asOf: BENCH_AS_OF, defaultCurrency: BENCH_CURRENCY });
  if (!run.ok) throw new Error("bench: no invoice table");
  const report = buildReport(run, DEFAULT_REPORT_SETTINGS);
  await excel.run((context) => writeReport(context, report, { meter, date1904: data.date1904 }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const reportRows = report.sheets.reduce((sum, sheet) => sum + sheet.blocks.reduce((n, block) => n + block.rows.length, 0), 0);
  process.stdout.write(
    `${JSON.stringify({
      invoices,
      sourceRows: data.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0),
      reportSheets: report.sheets.length,
      reportRows,
      syncs: meter.syncs,
      readSyncs,
      writeSyncs: excel.syncCount - readSyncs,
      fakeSyncs: excel.syncCount,
      largestRequestBytes: meter.largestRequestBytes,
      largestResponseBytes: meter.largestResponseBytes,
      fakeLargestRequestBytes: excel.largestRequestBytes,
      fakeLargestResponseBytes: excel.largestResponseBytes,
      seconds,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
