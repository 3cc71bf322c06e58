// The benchmark's ledgers: seeded (mulberry32), so every run and every process sees the same invoices and payments.
import { dayFromCivil } from "../src/engine/dates/civil";
import type { CellValue, WorkbookData } from "../src/engine/port";
import { createRandom } from "../src/sample/random";

export const BENCH_START = dayFromCivil(2024, 1, 1);
/** The as-of date of every case: 2026-06-30. */
export const BENCH_AS_OF = dayFromCivil(2026, 6, 30);
export const BENCH_CURRENCY = "PLN";

export const INVOICE_HEADER = ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency"] as const;
export const PAYMENT_HEADER = ["Payment Date", "Customer", "Amount", "Reference"] as const;

/**
 * Invoices and ~0.9 payments each, the payment naming its invoice in a transfer title ("Zapłata za FV/17"), some
 * paid after the as-of date. The engine-vs-floor ledger; unchanged since the first benchmark, so results compare.
 */
export function transferTitleLedger(n: number): WorkbookData {
  const { next } = createRandom(12345);
  const invoiceRows: CellValue[][] = [[...INVOICE_HEADER]];
  const paymentRows: CellValue[][] = [[...PAYMENT_HEADER]];
  for (let i = 0; i < n; i++) {
    const date = BENCH_START + Math.floor(next() * 900);
    const customer = `Customer ${Math.floor(next() * 2000)}`;
    const cents = 1000 + Math.floor(next() * 1_000_000);
    const number = `FV/${i}`;
    invoiceRows.push([number, customer, date, date + 30, cents / 100, BENCH_CURRENCY]);
    if (next() < 0.9) paymentRows.push([date + Math.floor(next() * 90), customer, cents / 100, `Zapłata za ${number}`]);
  }
  return ledgerWorkbook(invoiceRows, paymentRows);
}

/**
 * The ledger a spreadsheet template can age with SUMIFS: every payment's reference is exactly its invoice's number
 * and no document is dated after the as-of date (a template that ignores dates then agrees with the engine). About
 * 0.9 payments per invoice: most pay in full, some in part (40 %), some twice (60 % + 40 %), the rest not yet.
 */
export function exactReferenceLedger(n: number): WorkbookData {
  const { next } = createRandom(67890);
  const invoiceRows: CellValue[][] = [[...INVOICE_HEADER]];
  const paymentRows: CellValue[][] = [[...PAYMENT_HEADER]];
  const span = BENCH_AS_OF - BENCH_START + 1;
  const pay = (day: number, customer: string, cents: number, number: string) => {
    if (day <= BENCH_AS_OF) paymentRows.push([day, customer, cents / 100, number]);
  };
  for (let i = 0; i < n; i++) {
    const date = BENCH_START + Math.floor(next() * span);
    const customer = `Customer ${Math.floor(next() * 2000)}`;
    const cents = 1000 + Math.floor(next() * 1_000_000);
    const number = `INV-${String(i + 1).padStart(7, "0")}`;
    invoiceRows.push([number, customer, date, date + 30, cents / 100, BENCH_CURRENCY]);
    const habit = next();
    const delay = Math.floor(next() * 90);
    if (habit < 0.72) pay(date + delay, customer, cents, number);
    else if (habit < 0.8) pay(date + delay, customer, Math.floor(cents * 0.4), number);
    else if (habit < 0.85) {
      const first = Math.floor(cents * 0.6);
      pay(date + delay, customer, first, number);
      pay(date + delay + 30, customer, cents - first, number);
    }
  }
  return ledgerWorkbook(invoiceRows, paymentRows);
}

function ledgerWorkbook(invoiceRows: CellValue[][], paymentRows: CellValue[][]): WorkbookData {
  return {
    date1904: false,
    sheets: [
      { name: "Invoices", firstRow: 1, firstColumn: 1, rows: invoiceRows },
      { name: "Payments", firstRow: 1, firstColumn: 1, rows: paymentRows },
    ],
  };
}
