// One engine-vs-floor case in its own process, so its peak memory is its own:
//   node dist/bench-case.js <engine|floor> <invoices> [cpu-profile.json]
// Prints one JSON line: { variant, invoices, payments, seconds, stages, maxRssMb, peakHeapMb, inputHeapMb }. With a
// third argument, a CPU profile of the timed part alone (not of making the cells) is written there.
//
// Peak heap: the engine is synchronous, so a setInterval sampler would never get to run while it works. The heap is
// read instead at the boundaries of its stages (after the cells exist, after runReceivables, reportFigures and
// buildReport), without forcing a collection: heapUsed then includes garbage not yet collected, and a peak inside a
// stage is not seen. The bench checks the 1 GB target separately, by running the case under
// --max-old-space-size=1024.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { buildReport, reportFigures } from "../src/engine/report/buildReport";
import { DEFAULT_REPORT_SETTINGS } from "../src/engine/report/reportSettings";
import { runReceivables } from "../src/engine/runReceivables";
import { BENCH_AS_OF, BENCH_CURRENCY, transferTitleLedger } from "./ledgerData";
import { floorAging } from "./floorAging";

const [variant = "engine", sizeText = "10000", profilePath] = process.argv.slice(2);
const invoices = Number(sizeText);
const MB = 1024 * 1024;

let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};

async function main(): Promise<void> {
  const workbook = transferTitleLedger(invoices);
  sampleHeap();
  const inputHeap = peakHeap;
  const session = profilePath === undefined ? undefined : new Session();
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const stages: Record<string, number> = {};
  const started = process.hrtime.bigint();
  let mark = started;
  const stage = (name: string) => {
    const now = process.hrtime.bigint();
    stages[name] = Number(now - mark) / 1e9;
    mark = now;
    sampleHeap();
  };

  if (variant === "floor") {
    floorAging(workbook, BENCH_AS_OF);
    stage("floor");
  } else if (variant === "engine") {
    const run = runReceivables(workbook, { asOf: BENCH_AS_OF, defaultCurrency: BENCH_CURRENCY });
    if (!run.ok) throw new Error("bench: no invoice table");
    stage("runReceivables");
    const figures = reportFigures(run, DEFAULT_REPORT_SETTINGS);
    stage("reportFigures");
    buildReport(run, DEFAULT_REPORT_SETTINGS, figures);
    stage("buildReport");
  } else {
    throw new Error(`bench: unknown variant ${variant}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (session && profilePath !== undefined) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(profilePath, JSON.stringify(profile));
    session.disconnect();
  }
  process.stdout.write(
    `${JSON.stringify({
      variant,
      invoices,
      payments: workbook.sheets[1]!.rows.length - 1,
      seconds,
      stages,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      peakHeapMb: Math.round(peakHeap / MB),
      inputHeapMb: Math.round(inputHeap / MB),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
