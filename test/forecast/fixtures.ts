import { dayFromCivil } from "../../src/engine/dates/civil";
import type { CellValue, SheetGrid, WorkbookData } from "../../src/engine/port";
import type { ReportWorkbook } from "../../src/engine/report/model";
import { runReceivables, type ReceivablesRun } from "../../src/engine/runReceivables";
import { generateSampleWithFacts } from "../../src/sample/generateSample";

export type Run = Extract<ReceivablesRun, { ok: true }>;

export const SAMPLE_AS_OF = dayFromCivil(2026, 11, 30);

/** A report workbook (what the sample generator makes) as the cells a reader would hand the engine. */
export function workbookOf(report: ReportWorkbook): WorkbookData {
  const sheets: SheetGrid[] = report.sheets.map((sheet) => {
    const rows: CellValue[][] = [];
    const put = (r: number, c: number, value: CellValue) => {
      while (rows.length <= r) rows.push([]);
      const row = rows[r]!;
      while (row.length < c) row.push(null);
      row[c] = value;
    };
    for (const t of sheet.texts) put(t.row, t.column, t.text);
    for (const block of sheet.blocks) {
      let r = block.row;
      if (block.header) block.header.forEach((h, c) => put(r, block.column + c, h));
      if (block.header) r++;
      for (const values of block.rows) {
        values.forEach((v, c) => put(r, block.column + c, v));
        r++;
      }
    }
    return { name: sheet.name, rows, firstRow: 1, firstColumn: 1 };
  });
  return { sheets, date1904: false };
}

let sample: Run | undefined;

/** The default sample workbook read as of 2026-11-30 (PLN for amounts that name no currency); computed once. */
export function sampleRun(): Run {
  if (sample) return sample;
  const run = runReceivables(workbookOf(generateSampleWithFacts().workbook), { asOf: SAMPLE_AS_OF, defaultCurrency: "PLN" });
  if (!run.ok) throw new Error("the sample has no invoice table");
  return (sample = run);
}

export type InvoiceRow = readonly [number: string, customer: string, date: number, due: number, amount: number, disputed?: boolean];
export type PaymentRow = readonly [date: number, customer: string, amount: number, reference: string];

/** A small ledger from invoice and payment rows (PLN), read and applied by the engine itself. */
export function tinyRun(invoices: readonly InvoiceRow[], payments: readonly PaymentRow[], asOf: number): Run {
  const invoiceRows: CellValue[][] = [["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency", "Disputed"]];
  for (const [number, customer, date, due, amount, disputed] of invoices) invoiceRows.push([number, customer, date, due, amount, "PLN", disputed ? "yes" : null]);
  const paymentRows: CellValue[][] = [["Payment Date", "Customer", "Amount", "Reference"]];
  for (const row of payments) paymentRows.push([...row]);
  const run = runReceivables(
    {
      date1904: false,
      sheets: [
        { name: "Invoices", firstRow: 1, firstColumn: 1, rows: invoiceRows },
        { name: "Payments", firstRow: 1, firstColumn: 1, rows: paymentRows },
      ],
    },
    { asOf, defaultCurrency: "PLN" },
  );
  if (!run.ok) throw new Error(`tiny ledger failed: ${JSON.stringify(run.issues)}`);
  return run;
}

/**
 * A customer's history: `count` invoices, one every `every` days from `start`, due `terms` days later, each paid
 * `delay(k)` days after its due date (undefined: never paid).
 */
export function history(
  customer: string,
  start: number,
  count: number,
  options: { every?: number; terms?: number; amount?: number; delay: (k: number) => number | undefined; prefix?: string; disputed?: (k: number) => boolean },
): { invoices: InvoiceRow[]; payments: PaymentRow[] } {
  const invoices: InvoiceRow[] = [];
  const payments: PaymentRow[] = [];
  const every = options.every ?? 7;
  const terms = options.terms ?? 14;
  for (let k = 0; k < count; k++) {
    const date = start + k * every;
    const number = `${options.prefix ?? customer.slice(0, 3).toUpperCase()}/${k + 1}`;
    invoices.push([number, customer, date, date + terms, options.amount ?? 1000, options.disputed?.(k) ?? false]);
    const delay = options.delay(k);
    if (delay !== undefined) payments.push([date + terms + delay, customer, options.amount ?? 1000, number]);
  }
  return { invoices, payments };
}
