/**
 * What a sample workbook contains that other tests need to know — above all where its deliberately bad rows are —
 * read back from the workbook itself, so it holds for any workbook `generateSample` produced.
 */
import { isValidCivil } from "../engine/dates/civil";
import type { ReportBlock, ReportSheet, ReportValue, ReportWorkbook } from "../engine/report/model";
import {
  INVOICES_SHEET,
  PAYMENTS_SHEET,
  columnLetter,
  invoiceColumn,
  paymentColumn,
} from "./sampleLayout";

export type SampleProblem = "text-amount" | "impossible-date" | "missing-customer";

export interface SampleBadRow {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** Column letter, e.g. "G". */
  readonly column: string;
  readonly problem: SampleProblem;
}

export interface SampleFacts {
  /** Ordered by row, then column. */
  badRows: SampleBadRow[];
  /** Rows of type "Invoice" in the register, bad rows included; credit notes and the totals row excluded. */
  invoiceCount: number;
  /** Rows of type "Credit note" in the register. */
  creditNoteCount: number;
  /** Data rows on the Payments sheet. */
  paymentCount: number;
  /** Distinct currency codes on both sheets, sorted. */
  currencies: string[];
  /** Distinct non-empty customer names in the register. */
  customers: number;
}

function sheetByKey(workbook: ReportWorkbook, key: string): ReportSheet {
  const sheet = workbook.sheets.find((candidate) => candidate.key === key);
  if (!sheet) throw new Error(`not a sample workbook: no sheet with key "${key}"`);
  return sheet;
}

function dataBlock(sheet: ReportSheet): ReportBlock {
  const block = sheet.blocks[0];
  if (!block) throw new Error(`not a sample workbook: sheet "${sheet.name}" has no block`);
  return block;
}

/** A text that looks like dd.mm.yyyy but names no real day. */
function isImpossibleTextDate(value: ReportValue): boolean {
  if (typeof value !== "string") return false;
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (!match) return true;
  return !isValidCivil(Number(match[3]), Number(match[2]), Number(match[1]));
}

/**
 * Facts of a workbook made by `generateSample`.
 * @example sampleFacts(generateSample()).customers //=> 150
 */
export function sampleFacts(workbook: ReportWorkbook): SampleFacts {
  const invoiceSheet = sheetByKey(workbook, INVOICES_SHEET.key);
  const invoices = dataBlock(invoiceSheet);
  const paymentSheet = sheetByKey(workbook, PAYMENTS_SHEET.key);
  const payments = dataBlock(paymentSheet);

  const customerCol = invoiceColumn("Customer");
  const dateCol = invoiceColumn("Invoice Date");
  const amountCol = invoiceColumn("Amount");
  const typeCol = invoiceColumn("Type");
  const invoiceCurrencyCol = invoiceColumn("Currency");
  const paymentCurrencyCol = paymentColumn("Currency");

  const badRows: SampleBadRow[] = [];
  const customers = new Set<string>();
  const currencies = new Set<string>();
  let invoiceCount = 0;
  let creditNoteCount = 0;

  invoices.rows.forEach((row, index) => {
    if (invoices.rowRoles?.get(index) !== undefined) return;
    // Header on sheet row block.row + 1 (1-based), so data row `index` is on block.row + 2 + index.
    const sheetRow = invoices.row + 2 + index;
    const bad = (column: number, problem: SampleProblem): void => {
      badRows.push({ sheet: invoiceSheet.name, row: sheetRow, column: columnLetter(invoices.column + column), problem });
    };
    const customer = row[customerCol];
    if (customer === null || customer === undefined || customer === "") bad(customerCol, "missing-customer");
    else customers.add(String(customer));
    if (isImpossibleTextDate(row[dateCol] ?? null)) bad(dateCol, "impossible-date");
    if (typeof row[amountCol] === "string") bad(amountCol, "text-amount");
    const type = row[typeCol];
    if (type === "Invoice") invoiceCount++;
    else if (type === "Credit note") creditNoteCount++;
    const currency = row[invoiceCurrencyCol];
    if (typeof currency === "string" && currency !== "") currencies.add(currency);
  });

  for (const row of payments.rows) {
    const currency = row[paymentCurrencyCol];
    if (typeof currency === "string" && currency !== "") currencies.add(currency);
  }

  badRows.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return {
    badRows,
    invoiceCount,
    creditNoteCount,
    paymentCount: payments.rows.length,
    currencies: [...currencies].sort(),
    customers: customers.size,
  };
}
