import type { CellValue, SheetGrid, WorkbookData } from "../port";
import {
  INVOICE_SYNONYMS, PAYMENT_MARKERS, PAYMENT_SYNONYMS, REQUIRED_FIELDS, SHEET_NAME_HINTS,
  type InvoiceField, type PaymentField, type TableKind,
} from "./columnSynonyms";
import { mapColumns } from "./mapColumns";
import { normalizeHeader } from "./normalizeHeader";

/** How far down a sheet a header row is looked for (title rows, logos and notes sit above it). */
export const HEADER_SEARCH_ROWS = 40;

export interface TableSource<F extends string> {
  readonly kind: TableKind;
  readonly sheet: SheetGrid;
  /** Index into `sheet.rows` of the header row (the lower row of a two-row header). */
  readonly headerIndex: number;
  /**
   * The header's cells: the header row's, or for a two-row header (merged group cells above the column names)
   * each column's lower cell, else the one above it.
   */
  readonly header: readonly CellValue[];
  readonly columns: ReadonlyMap<F, number>;
  readonly score: number;
}

export type InvoiceSource = TableSource<InvoiceField>;
export type PaymentSource = TableSource<PaymentField>;

export interface DetectedTables {
  readonly invoices?: InvoiceSource;
  readonly payments?: PaymentSource;
}

export interface DetectOptions {
  readonly invoicesSheet?: string;
  readonly paymentsSheet?: string;
}

/**
 * Finds the invoice and payment tables: on each sheet the header row that maps the most fields, scored for each
 * kind; the best invoice table, then the best payment table on another sheet. Sheet options pin the choice.
 */
export function detectTables(workbook: WorkbookData, options: DetectOptions = {}): DetectedTables {
  const byName = (name: string | undefined) =>
    name === undefined ? undefined : workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const invoiceSheets = options.invoicesSheet !== undefined ? [byName(options.invoicesSheet)] : workbook.sheets;
  const invoices = best(invoiceSheets.flatMap((s) => (s ? [findTable(s, "invoices", INVOICE_SYNONYMS)] : [])));
  const paymentSheets =
    options.paymentsSheet !== undefined
      ? [byName(options.paymentsSheet)]
      : workbook.sheets.filter((s) => s !== invoices?.sheet);
  const payments = best(paymentSheets.flatMap((s) => (s ? [findTable(s, "payments", PAYMENT_SYNONYMS)] : [])));
  return {
    ...(invoices ? { invoices } : {}),
    ...(payments ? { payments } : {}),
  };
}

function best<T extends { score: number }>(tables: ReadonlyArray<T | undefined>): T | undefined {
  let winner: T | undefined;
  for (const table of tables) if (table && (!winner || table.score > winner.score)) winner = table;
  return winner;
}

/** The best header row of `sheet` for `kind`, or undefined when no row has the required fields. */
export function findTable<F extends string>(
  sheet: SheetGrid,
  kind: TableKind,
  synonyms: Readonly<Record<F, readonly string[]>>,
): TableSource<F> | undefined {
  let found: TableSource<F> | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const row = sheet.rows[index] ?? [];
    // A two-row header is tried only when the row alone is not a header: "Invoice No" and "Amount" merged down
    // over two rows beside "Dates" merged across "Invoice Date" and "Due Date" below it.
    const candidate =
      headerCandidate(sheet, index, row, kind, synonyms) ??
      (index > 0 ? headerCandidate(sheet, index, stackedHeader(sheet.rows[index - 1] ?? [], row), kind, synonyms) : undefined);
    if (candidate && (!found || candidate.score > found.score)) found = candidate;
  }
  return found;
}

function headerCandidate<F extends string>(
  sheet: SheetGrid,
  index: number,
  header: readonly CellValue[],
  kind: TableKind,
  synonyms: Readonly<Record<F, readonly string[]>>,
): TableSource<F> | undefined {
  const textCells = header.filter((c) => typeof c === "string" && c.trim() !== "").length;
  if (textCells < 2) return undefined;
  const columns = mapColumns(header, synonyms);
  if (!REQUIRED_FIELDS[kind].every((field) => columns.has(field as F))) return undefined;
  const score = columns.size * 2 + kindEvidence(sheet, header, kind);
  return { kind, sheet, headerIndex: index, header, columns, score };
}

/**
 * Two header rows read as one: each column's lower cell, else (when it is blank) the cell above it. A merged cell
 * keeps its text in its top-left cell only, so a header merged down over both rows has its text in the upper one.
 * @example stackedHeader(["Invoice No", "Dates", null], [null, "Invoice Date", "Due Date"]) //=> ["Invoice No", "Invoice Date", "Due Date"]
 */
export function stackedHeader(upper: readonly CellValue[], lower: readonly CellValue[]): CellValue[] {
  const width = Math.max(upper.length, lower.length);
  const header: CellValue[] = [];
  for (let c = 0; c < width; c++) {
    const below = lower[c] ?? null;
    header.push(below === null || (typeof below === "string" && below.trim() === "") ? (upper[c] ?? below) : below);
  }
  return header;
}

/** Evidence beyond field counts: payment-only headers, due dates, and the sheet's name. */
function kindEvidence(sheet: SheetGrid, row: ReadonlyArray<unknown>, kind: TableKind): number {
  const headers = row.filter((c): c is string => typeof c === "string").map(normalizeHeader);
  const hasPaymentMarker = headers.some((h) => PAYMENT_MARKERS.includes(h));
  const hasDue = headers.some((h) => INVOICE_SYNONYMS.due.includes(h) || INVOICE_SYNONYMS.terms.includes(h));
  let evidence = 0;
  if (kind === "payments") evidence += (hasPaymentMarker ? 6 : 0) - (hasDue ? 6 : 0);
  else evidence += (hasDue ? 6 : 0) - (hasPaymentMarker ? 6 : 0);
  for (const [pattern, hinted] of SHEET_NAME_HINTS) {
    if (pattern.test(sheet.name)) {
      evidence += hinted === kind ? 4 : -4;
      break;
    }
  }
  return evidence;
}
