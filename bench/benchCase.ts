// One benchmark case in its own process, so its peak memory is its own: `node dist/bench-case.js <variant> <n>`.
// Prints one JSON line: { variant, invoices, payments, seconds, maxRssMb }.
import { dayFromCivil } from "../src/engine/dates/civil";
import type { CellValue, WorkbookData } from "../src/engine/port";
import { buildReport, reportFigures } from "../src/engine/report/buildReport";
import { DEFAULT_REPORT_SETTINGS } from "../src/engine/report/reportSettings";
import { runReceivables } from "../src/engine/runReceivables";
import { createRandom } from "../src/sample/random";

const [variant = "engine", sizeText = "10000"] = process.argv.slice(2);
const invoices = Number(sizeText);
const START = dayFromCivil(2024, 1, 1);
const AS_OF = dayFromCivil(2026, 6, 30);

/** Invoices and ~0.9 payments each, payments naming their invoice in free text; seeded mulberry32. */
function generate(n: number): WorkbookData {
  const { next } = createRandom(12345);
  const invoiceRows: CellValue[][] = [["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency"]];
  const paymentRows: CellValue[][] = [["Payment Date", "Customer", "Amount", "Reference"]];
  for (let i = 0; i < n; i++) {
    const date = START + Math.floor(next() * 900);
    const customer = `Customer ${Math.floor(next() * 2000)}`;
    const cents = 1000 + Math.floor(next() * 1_000_000);
    const number = `FV/${i}`;
    invoiceRows.push([number, customer, date, date + 30, cents / 100, "PLN"]);
    if (next() < 0.9) paymentRows.push([date + Math.floor(next() * 90), customer, cents / 100, `Zapłata za ${number}`]);
  }
  return { date1904: false, sheets: [{ name: "Invoices", firstRow: 1, firstColumn: 1, rows: invoiceRows }, { name: "Payments", firstRow: 1, firstColumn: 1, rows: paymentRows }] };
}

/** The floor: the plainest single pass that ages the same data (what a careful script would do). */
function floor(workbook: WorkbookData): number {
  const [inv, pay] = workbook.sheets;
  const open = new Map<string, { customer: string; due: number; cents: number }>();
  for (let r = 1; r < inv!.rows.length; r++) {
    const row = inv!.rows[r]!;
    open.set(row[0] as string, { customer: row[1] as string, due: row[3] as number, cents: Math.round((row[4] as number) * 100) });
  }
  for (let r = 1; r < pay!.rows.length; r++) {
    const row = pay!.rows[r]!;
    if ((row[0] as number) > AS_OF) continue;
    const item = open.get((row[3] as string).slice("Zapłata za ".length));
    if (item) item.cents -= Math.round((row[2] as number) * 100);
  }
  const buckets = new Map<string, number[]>();
  for (const item of open.values()) {
    const days = AS_OF - item.due;
    const b = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
    const sums = buckets.get(item.customer) ?? [0, 0, 0, 0, 0];
    sums[b]! += item.cents;
    buckets.set(item.customer, sums);
  }
  return buckets.size;
}

const workbook = generate(invoices);
const started = process.hrtime.bigint();
if (variant === "floor") {
  floor(workbook);
} else {
  const run = runReceivables(workbook, { asOf: AS_OF, defaultCurrency: "PLN" });
  if (!run.ok) throw new Error("bench: no invoice table");
  const figures = reportFigures(run, DEFAULT_REPORT_SETTINGS);
  buildReport(run, DEFAULT_REPORT_SETTINGS, figures);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(
  `${JSON.stringify({ variant, invoices, payments: workbook.sheets[1]!.rows.length - 1, seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
