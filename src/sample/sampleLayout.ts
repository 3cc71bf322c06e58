/**
 * Where things sit in the sample workbook: sheet names, header labels and block positions, shared by the
 * generator and by `sampleFacts` so the two cannot drift apart.
 */

import { columnLetter as engineColumnLetter } from "../engine/tables/columnLetter";
import type { ColumnKind } from "../engine/report/model";

export const INVOICES_SHEET = { key: "invoices", name: "Invoices", blockRow: 3 } as const;
export const PAYMENTS_SHEET = { key: "payments", name: "Payments", blockRow: 2 } as const;

export const INVOICE_COLUMNS = [
  ["Invoice No", "text"],
  ["Customer", "text"],
  ["Customer ID", "text"],
  ["Invoice Date", "date"],
  ["Due Date", "date"],
  ["Terms", "text"],
  ["Amount", "amount"],
  ["Currency", "text"],
  ["Type", "text"],
  ["Reference", "text"],
  ["Collector", "text"],
  ["Email", "text"],
  ["Phone", "text"],
] as const satisfies ReadonlyArray<readonly [string, ColumnKind]>;

export const PAYMENT_COLUMNS = [
  ["Payment Date", "date"],
  ["Customer", "text"],
  ["Amount", "amount"],
  ["Currency", "text"],
  ["Reference", "text"],
] as const satisfies ReadonlyArray<readonly [string, ColumnKind]>;

export type InvoiceColumn = (typeof INVOICE_COLUMNS)[number][0];
export type PaymentColumn = (typeof PAYMENT_COLUMNS)[number][0];

/** 0-based column index of a header label. */
export function invoiceColumn(label: InvoiceColumn): number {
  return INVOICE_COLUMNS.findIndex(([name]) => name === label);
}

export function paymentColumn(label: PaymentColumn): number {
  return PAYMENT_COLUMNS.findIndex(([name]) => name === label);
}

/** Spreadsheet column letter of a 0-based column index (the engine's, which counts from 1). @example columnLetter(27) //=> "AB" */
export function columnLetter(index: number): string {
  return engineColumnLetter(index + 1);
}
