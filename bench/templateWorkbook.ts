import ExcelJS from "exceljs";
import type { CellValue, WorkbookData } from "../src/engine/port";
import { BENCH_AS_OF } from "./ledgerData";

/**
 * The aging template a user builds today, as text: per invoice the amount paid (SUMIFS over the payment sheet by
 * invoice number), the open balance, days past due and a bucket by an IF chain; per bucket a SUMIFS over the
 * invoice sheet. Written beside the invoice columns A–F of `exactReferenceLedger`; the as-of date sits in
 * Summary!B1. Bucket labels are not dates or numbers to a criterion parser ("1-30" alone would be read as 30 January).
 */
export const TEMPLATE_BUCKETS = ["Current", "1-30 days", "31-60 days", "61-90 days", "91+ days"] as const;
export const TEMPLATE_INVOICE_HEADER = ["Paid to date", "Open balance", "Days past due", "Bucket"] as const;
export const SUMMARY_SHEET = "Summary";
/** Summary rows (1-based) of the bucket totals, in TEMPLATE_BUCKETS order, in column B. */
export const SUMMARY_FIRST_BUCKET_ROW = 4;

export function templateInvoiceFormulas(row: number): readonly string[] {
  return [
    `SUMIFS(Payments!C:C,Payments!D:D,A${row})`,
    `E${row}-G${row}`,
    `${SUMMARY_SHEET}!$B$1-D${row}`,
    `IF(H${row}<=0,"Paid",IF(I${row}<=0,"${TEMPLATE_BUCKETS[0]}",IF(I${row}<=30,"${TEMPLATE_BUCKETS[1]}",` +
      `IF(I${row}<=60,"${TEMPLATE_BUCKETS[2]}",IF(I${row}<=90,"${TEMPLATE_BUCKETS[3]}","${TEMPLATE_BUCKETS[4]}")))))`,
  ];
}

export function summaryRows(): ReadonlyArray<ReadonlyArray<CellValue | { formula: string }>> {
  const first = SUMMARY_FIRST_BUCKET_ROW;
  return [
    ["As of", BENCH_AS_OF],
    [],
    ["Bucket", "Open"],
    ...TEMPLATE_BUCKETS.map((label, b) => [label, { formula: `SUMIFS(Invoices!H:H,Invoices!J:J,A${first + b})` }]),
    ["Total", { formula: `SUM(B${first}:B${first + TEMPLATE_BUCKETS.length - 1})` }],
  ];
}

const DATE_FORMAT = "yyyy-mm-dd";
const AMOUNT_FORMAT = "#,##0.00";

/**
 * Writes the ledger (sheets Invoices and Payments, dates as serials under a date format) with the template's
 * formulas, uncalculated: ExcelJS stores no results, so whoever opens the file has to compute them.
 */
export async function writeTemplateWorkbook(ledger: WorkbookData, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const [invoices, payments] = ledger.sheets;
  const invoiceSheet = workbook.addWorksheet("Invoices");
  invoices!.rows.forEach((row, index) => {
    const excelRow = index + 1;
    const extra = index === 0 ? [...TEMPLATE_INVOICE_HEADER] : templateInvoiceFormulas(excelRow).map((formula) => ({ formula }));
    invoiceSheet.addRow([...row, ...extra]);
  });
  for (const column of [3, 4]) invoiceSheet.getColumn(column).numFmt = DATE_FORMAT;
  for (const column of [5, 7, 8]) invoiceSheet.getColumn(column).numFmt = AMOUNT_FORMAT;
  const paymentSheet = workbook.addWorksheet("Payments");
  for (const row of payments!.rows) paymentSheet.addRow([...row]);
  paymentSheet.getColumn(1).numFmt = DATE_FORMAT;
  paymentSheet.getColumn(3).numFmt = AMOUNT_FORMAT;
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  for (const row of summaryRows()) summary.addRow([...row]);
  summary.getCell("B1").numFmt = DATE_FORMAT;
  await workbook.xlsx.writeFile(path);
}

/**
 * The bucket totals of a calculated template (LibreOffice's output), in cents. ExcelJS reads a formula whose
 * cached result is 0 as a formula without a result, so a missing result counts as 0; a missing formula does not.
 */
export async function readTemplateTotals(path: string): Promise<number[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const summary = workbook.getWorksheet(SUMMARY_SHEET);
  if (!summary) throw new Error(`${path}: no ${SUMMARY_SHEET} sheet`);
  return TEMPLATE_BUCKETS.map((label, b) => {
    // Row values are 1-based: [, A, B].
    const value = (summary.getRow(SUMMARY_FIRST_BUCKET_ROW + b).values as unknown[])[2];
    if (typeof value === "number") return Math.round(value * 100);
    if (typeof value === "object" && value !== null && "formula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined) return 0;
      if (typeof result === "number") return Math.round(result * 100);
    }
    throw new Error(`${path}: ${SUMMARY_SHEET}!B${SUMMARY_FIRST_BUCKET_ROW + b} (${label}) holds ${JSON.stringify(value)}, not a total`);
  });
}
