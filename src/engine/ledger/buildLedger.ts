import type { DateOrder } from "../dates/parseDateText";
import type { Issue } from "../issues";
import type { IssueCode } from "../messages";
import { normalizeCurrency } from "../money/currency";
import { isCellError, type CellValue, type WorkbookData } from "../port";
import type { InvoiceField, PaymentField } from "../tables/columnSynonyms";
import { columnLetter } from "../tables/columnLetter";
import type { DetectedTables, TableSource } from "../tables/detectTables";
import { isTotalsRow } from "../tables/isTotalsRow";
import { headerCurrency, normalizeHeader } from "../tables/normalizeHeader";
import { parseTerms } from "../tables/parseTerms";
import { cellText, isBlank, quoteCell, readAmount, readDate, type CellRead } from "../tables/readCells";
import { settleDateOrder } from "../tables/settleDateOrder";
import { documentKey } from "./documentKey";
import { resolveReferences } from "./resolveReferences";
import { KIND_CREDIT, KIND_INVOICE, KIND_PAYMENT, KIND_WRITE_OFF, TABLE_INVOICES, TABLE_PAYMENTS, type DocKind, type Ledger } from "./ledger";
import { LedgerBuilder } from "./ledgerBuilder";

export interface LedgerOptions {
  /** Forces the order of slash dates; otherwise each table settles it from its values, falling back to "dmy". */
  readonly dateOrder?: DateOrder;
  /** Currency of rows that name none. */
  readonly defaultCurrency: string;
}

/** Customer index of a payment whose customer is not known yet (taken later from the invoice it pays). */
export const CUSTOMER_UNKNOWN = -1;

/**
 * Reads the invoice and payment tables row by row into a ledger. Every rejected or doubtful cell becomes an
 * issue naming sheet, row and column; the good rows are kept.
 */
export function buildLedger(
  workbook: WorkbookData,
  tables: DetectedTables,
  options: LedgerOptions,
): { ledger: Ledger; issues: Issue[] } {
  const capacity = (tables.invoices?.sheet.rows.length ?? 0) + (tables.payments?.sheet.rows.length ?? 0);
  const builder = new LedgerBuilder(capacity);
  const issues: Issue[] = [];
  if (tables.invoices) readInvoices(tables.invoices, workbook.date1904, options, builder, issues);
  if (tables.payments) readPayments(tables.payments, workbook.date1904, options, builder, issues);
  const draft = builder.finish();
  const references = resolveReferences(draft);
  for (const i of references.unmatchedExplicit) {
    const source = draft.sourceTable[i] === TABLE_PAYMENTS ? tables.payments : tables.invoices;
    const column = tables.payments?.columns.get("invoiceRef");
    issues.push({
      sheet: source?.sheet.name ?? "",
      row: draft.sourceRow[i]!,
      column: column === undefined || !source ? "" : columnLetter(source.sheet.firstColumn + column),
      code: "unknown-reference",
      severity: "warning",
      detail: quoteCell(draft.reference[i]),
    });
  }
  // A payment with no customer takes its invoice's; with no invoice either, it stays with an unnamed customer.
  for (let i = 0; i < draft.count; i++) {
    if (draft.customer[i] !== CUSTOMER_UNKNOWN) continue;
    const first = references.refStart[i]! < references.refStart[i + 1]! ? references.refs[references.refStart[i]!] : undefined;
    if (first !== undefined) {
      draft.customer[i] = draft.customer[first]!;
    } else {
      draft.customer[i] = builder.namedCustomer(UNKNOWN_CUSTOMER_NAME);
      const column = tables.payments?.columns.get("customer");
      issues.push({
        sheet: tables.payments?.sheet.name ?? "",
        row: draft.sourceRow[i]!,
        column: column === undefined || !tables.payments ? "" : columnLetter(tables.payments.sheet.firstColumn + column),
        code: "missing-customer",
        severity: "warning",
      });
    }
  }
  return { ledger: { ...draft, customers: builder.customerList(), refStart: references.refStart, refs: references.refs }, issues };
}

/** Name shown for payments whose customer cannot be told from the row or from an invoice. */
export const UNKNOWN_CUSTOMER_NAME = "?";

type Report = (column: number | undefined, code: IssueCode, severity: Issue["severity"], detail?: string) => void;

function reporter(source: TableSource<string>, issues: Issue[], sheetRow: () => number): Report {
  return (column, code, severity, detail) => {
    const letter = column === undefined ? "" : columnLetter(source.sheet.firstColumn + column);
    const issue: Issue = { sheet: source.sheet.name, row: sheetRow(), column: letter, code, severity };
    issues.push(detail === undefined || detail === "" ? issue : { ...issue, detail });
  };
}

/** Settles date order for the table's date columns and reports an assumption once, at the header. */
function tableDateOrder(source: TableSource<string>, dateColumns: ReadonlyArray<number | undefined>, options: LedgerOptions, issues: Issue[]): DateOrder {
  if (options.dateOrder) return options.dateOrder;
  const columns = dateColumns.filter((c): c is number => c !== undefined);
  const { order, assumed } = settleDateOrder(source.sheet, source.headerIndex, columns, "dmy");
  if (assumed) {
    issues.push({
      sheet: source.sheet.name,
      row: source.sheet.firstRow + source.headerIndex,
      column: columnLetter(source.sheet.firstColumn + columns[0]!),
      code: "date-order-assumed",
      severity: "warning",
      detail: order === "dmy" ? "day/month/year" : "month/day/year",
    });
  }
  return order;
}

/** Rows between the header and the end of the sheet that hold a document (blank and totals rows skipped). */
function* dataRows(source: TableSource<string>, dateColumn: number | undefined, report: (r: number) => void) {
  const { rows } = source.sheet;
  for (let r = source.headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    let filled = 0;
    for (const cell of row) if (!isBlank(cell)) filled++;
    if (filled === 0 || isTotalsRow(row, dateColumn)) continue;
    report(r);
    yield { row, r, filled };
  }
}

function readInvoices(source: TableSource<InvoiceField>, date1904: boolean, options: LedgerOptions, builder: LedgerBuilder, issues: Issue[]): void {
  const col = source.columns;
  const order = tableDateOrder(source, [col.get("date"), col.get("due")], options, issues);
  const amountHeader = source.sheet.rows[source.headerIndex]?.[col.get("amount")!];
  const headerCcy = typeof amountHeader === "string" ? headerCurrency(amountHeader) : undefined;
  const hasDueOrTerms = col.has("due") || col.has("terms");
  if (!hasDueOrTerms) {
    issues.push({ sheet: source.sheet.name, row: source.sheet.firstRow + source.headerIndex, column: "", code: "missing-due-date", severity: "warning" });
  }
  let sheetRow = 0;
  const report = reporter(source, issues, () => sheetRow);
  const seenDocuments = new Map<string, number>();
  for (const { row, r, filled } of dataRows(source, col.get("date"), (index) => (sheetRow = source.sheet.firstRow + index))) {
    const cell = (field: InvoiceField): CellValue | undefined => {
      const c = col.get(field);
      return c === undefined ? undefined : row[c];
    };
    if (filled === 1) {
      report(undefined, "ignored-row", "warning", quoteCell(row.find((c) => !isBlank(c))));
      continue;
    }
    let failed = false;
    const fail = (field: InvoiceField, code: IssueCode, detail = "") => {
      report(col.get(field), code, "error", detail);
      failed = true;
    };
    const document = requiredText(cell("document"), "missing-document", (code, d) => fail("document", code, d));
    const customerName = cellText(cell("customer"));
    const customerId = cellText(cell("customerId"));
    if (customerName === "" && customerId === "") fail("customer", isCellError(cell("customer") ?? null) ? "cell-error" : "missing-customer", errorDetail(cell("customer")));
    const date = take(readDate(cell("date"), order, date1904), (code, d) => fail("date", code, d));
    const currency = rowCurrency(cell("currency"), headerCcy, options.defaultCurrency, (code, d) => report(col.get("currency"), code, "warning", d));
    const amount = take(readAmount(cell("amount"), currency.code, currency.fromColumn), (code, d) => fail("amount", code, d));
    if (amount && amount.minor === 0) fail("amount", "zero-amount");
    if (failed || date === undefined || amount === undefined || document === undefined) continue;
    if (amount.rounded) report(col.get("amount"), "amount-rounded", "warning", quoteCell(cell("amount")));

    let due = date;
    const dueCell = cell("due");
    if (!isBlank(dueCell)) {
      // A "Termin" column may hold days of credit ("14 dni", 30) rather than a date: a number below 1000 would be
      // a date in 1902, so it is read as days.
      const read = readDate(dueCell, order, date1904);
      const asDays = typeof dueCell === "number" && dueCell < 1000 ? parseTerms(dueCell) : undefined;
      const termsDays = asDays ?? (!read.ok && typeof dueCell === "string" ? parseTerms(dueCell) : undefined);
      if (termsDays !== undefined) due = date + termsDays;
      else if (read.ok) due = read.value;
      else report(col.get("due"), "invalid-due-date", "warning", read.detail || quoteCell(dueCell));
    } else if (!isBlank(cell("terms"))) {
      const termsCell = cell("terms")!;
      const days = typeof termsCell === "string" || typeof termsCell === "number" ? parseTerms(termsCell) : undefined;
      if (days === undefined) report(col.get("terms"), "invalid-terms", "warning", quoteCell(termsCell));
      else due = date + days;
    } else if (hasDueOrTerms) {
      report(col.get("due") ?? col.get("terms"), "missing-due-date", "warning");
    }
    if (due < date) report(col.get("due"), "due-before-date", "warning", quoteCell(dueCell));

    const kind = kindFromType(cellText(cell("type")), amount.minor);
    const signed = kind === KIND_INVOICE ? Math.abs(amount.minor) : -Math.abs(amount.minor);
    if (kind === KIND_INVOICE) {
      const key = documentKey(document);
      if (seenDocuments.has(key)) report(col.get("document"), "duplicate-document", "warning", quoteCell(document));
      else seenDocuments.set(key, sheetRow);
    }
    const customer = builder.customer(customerName, customerId, cellText(cell("collector")), cellText(cell("email")), cellText(cell("phone")));
    const reference = cellText(cell("reference"));
    builder.push(
      kind, customer, builder.currency(amount.currency), date, kind === KIND_INVOICE ? due : date, signed, document,
      kind === KIND_INVOICE ? undefined : reference || undefined, false, TABLE_INVOICES, source.sheet.firstRow + r,
      isTruthy(cell("disputed")),
    );
  }
}

function readPayments(source: TableSource<PaymentField>, date1904: boolean, options: LedgerOptions, builder: LedgerBuilder, issues: Issue[]): void {
  const col = source.columns;
  const order = tableDateOrder(source, [col.get("date")], options, issues);
  const amountHeader = source.sheet.rows[source.headerIndex]?.[col.get("amount")!];
  const headerCcy = typeof amountHeader === "string" ? headerCurrency(amountHeader) : undefined;
  let sheetRow = 0;
  const report = reporter(source, issues, () => sheetRow);
  for (const { row, r, filled } of dataRows(source, col.get("date"), (index) => (sheetRow = source.sheet.firstRow + index))) {
    const cell = (field: PaymentField): CellValue | undefined => {
      const c = col.get(field);
      return c === undefined ? undefined : row[c];
    };
    if (filled === 1) {
      report(undefined, "ignored-row", "warning", quoteCell(row.find((c) => !isBlank(c))));
      continue;
    }
    let failed = false;
    const fail = (field: PaymentField, code: IssueCode, detail = "") => {
      report(col.get(field), code, "error", detail);
      failed = true;
    };
    const date = take(readDate(cell("date"), order, date1904), (code, d) => fail("date", code, d));
    const currency = rowCurrency(cell("currency"), headerCcy, options.defaultCurrency, (code, d) => report(col.get("currency"), code, "warning", d));
    const amount = take(readAmount(cell("amount"), currency.code, currency.fromColumn), (code, d) => fail("amount", code, d));
    if (amount && amount.minor === 0) fail("amount", "zero-amount");
    if (failed || date === undefined || amount === undefined) continue;
    if (amount.rounded) report(col.get("amount"), "amount-rounded", "warning", quoteCell(cell("amount")));
    if (amount.minor < 0) report(col.get("amount"), "negative-payment", "warning", quoteCell(cell("amount")));

    const explicit = cellText(cell("invoiceRef"));
    const freeText = cellText(cell("reference"));
    const customerName = cellText(cell("customer"));
    const customerId = cellText(cell("customerId"));
    const customer = customerName === "" && customerId === "" ? CUSTOMER_UNKNOWN : builder.customer(customerName, customerId, "", "", "");
    builder.push(
      KIND_PAYMENT, customer, builder.currency(amount.currency), date, date, -amount.minor,
      cellText(cell("document")) || explicit || freeText, explicit || freeText || undefined, explicit !== "",
      TABLE_PAYMENTS, source.sheet.firstRow + r, false,
    );
  }
}

function take<T>(read: CellRead<T>, onError: (code: IssueCode, detail: string) => void): T | undefined {
  if (read.ok) return read.value;
  onError(read.code, read.detail);
  return undefined;
}

function requiredText(cell: CellValue | undefined, missing: IssueCode, onError: (code: IssueCode, detail: string) => void): string | undefined {
  if (cell !== undefined && cell !== null && isCellError(cell)) {
    onError("cell-error", cell.error);
    return undefined;
  }
  const text = cellText(cell);
  if (text === "") {
    onError(missing, "");
    return undefined;
  }
  return text;
}

function errorDetail(cell: CellValue | undefined): string {
  return cell !== undefined && cell !== null && isCellError(cell) ? cell.error : "";
}

function rowCurrency(
  cell: CellValue | undefined,
  headerCcy: string | undefined,
  fallback: string,
  warn: (code: IssueCode, detail: string) => void,
): { code: string; fromColumn: boolean } {
  const text = cellText(cell);
  if (text !== "") {
    const code = normalizeCurrency(text);
    if (code) return { code, fromColumn: true };
    warn("unknown-currency", quoteCell(cell));
  }
  return headerCcy ? { code: headerCcy, fromColumn: true } : { code: fallback, fromColumn: false };
}

const WRITE_OFF_TYPE = /write off|writeoff|odpis|spisan|bad debt|nieściągal|niesciagal/;
const CREDIT_TYPE = /credit|korekt|korygu|\bkor\b|\bcn\b|uznan|storn|zwrot/;
const PAYMENT_TYPE = /payment|wplat|zaplat|receipt|przelew|\bpmt\b/;

/** Document kind from a type cell, or from the sign of the amount when the type says nothing. */
export function kindFromType(type: string, minor: number): DocKind {
  const normalized = normalizeHeader(type);
  if (normalized !== "") {
    if (WRITE_OFF_TYPE.test(normalized)) return KIND_WRITE_OFF;
    if (CREDIT_TYPE.test(normalized)) return KIND_CREDIT;
    if (PAYMENT_TYPE.test(normalized)) return KIND_PAYMENT;
  }
  return minor < 0 ? KIND_CREDIT : KIND_INVOICE;
}

function isTruthy(cell: CellValue | undefined): boolean {
  if (cell === true) return true;
  if (typeof cell === "number") return cell !== 0;
  const text = normalizeHeader(cellText(cell));
  return /^(yes|y|true|x|tak|t|1|disputed|sporna|w sporze)$/.test(text);
}


