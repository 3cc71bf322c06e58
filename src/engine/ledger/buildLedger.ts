import type { DateOrder } from "../dates/parseDateText";
import type { Issue } from "../issues";
import type { IssueCode } from "../messages";
import { normalizeCurrency } from "../money/currency";
import { isCellError, type CellValue, type WorkbookData } from "../port";
import { INVOICE_SYNONYMS, PAYMENT_SYNONYMS, REQUIRED_FIELDS, type InvoiceField, type PaymentField } from "../tables/columnSynonyms";
import { columnLetter } from "../tables/columnLetter";
import type { DetectedTables, TableSource } from "../tables/detectTables";
import { isTotalsRow } from "../tables/isTotalsRow";
import { mapColumns } from "../tables/mapColumns";
import { headerCurrency, normalizeHeader } from "../tables/normalizeHeader";
import { parseTerms } from "../tables/parseTerms";
import { cellText, isBlank, quoteCell, readAmount, readDate, type AmountValue, type CellRead } from "../tables/readCells";
import { minorUnitExponent } from "../money/currency";
import { MAX_MINOR } from "../money/money";
import { settleDateOrder } from "../tables/settleDateOrder";
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
  const documentColumn = tables.invoices?.columns.get("document");
  // One warning per repeated number, at its second row, saying how often and where it appears: 50,000 copies of
  // one number make one message, not 49,999.
  const copies = new Map<number, number[]>();
  for (const [duplicate, first] of references.duplicates) {
    const list = copies.get(first);
    if (list) list.push(duplicate);
    else copies.set(first, [duplicate]);
  }
  for (const [first, duplicates] of copies) {
    const rows = [first, ...duplicates].map((i) => draft.sourceRow[i]!).sort((a, b) => a - b);
    const where = rows.length <= 4 ? rows.join(", ") : `${rows[0]}, ${rows[1]} … ${rows[rows.length - 1]}`;
    issues.push({
      sheet: tables.invoices?.sheet.name ?? "",
      row: rows[1]!,
      column: documentColumn === undefined || !tables.invoices ? "" : columnLetter(tables.invoices.sheet.firstColumn + documentColumn),
      code: "duplicate-document",
      severity: "warning",
      detail: `${quoteCell(draft.document[first])} (${rows.length}×, rows ${where})`,
    });
  }
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

/**
 * Whether a sheet row holds a document: not blank, not a totals row. Returns the number of filled cells
 * (0 = skip the row).
 */
function filledCells(row: ReadonlyArray<CellValue>, dateColumn: number | undefined): number {
  let filled = 0;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) filled++;
  return filled === 0 || isTotalsRow(row, dateColumn) ? 0 : filled;
}

/**
 * A header row again below the header: a second header in another language, or the header repeated on every
 * printed page of an export. It holds no document, so it is skipped like a blank row. Only rows whose date cell is
 * text without a digit are looked at, so a data row costs one test.
 */
function isHeaderAgain<F extends string>(
  row: ReadonlyArray<CellValue>,
  dateColumn: number | undefined,
  source: TableSource<F>,
  synonyms: Readonly<Record<F, readonly string[]>>,
): boolean {
  const dateCell = at(row, dateColumn);
  if (typeof dateCell !== "string" || /\d/.test(dateCell)) return false;
  const mapped = mapColumns(row, synonyms);
  return (REQUIRED_FIELDS[source.kind] as readonly string[]).every((field) => mapped.get(field as F) === source.columns.get(field as F));
}

/** Issues of the row being read; allocated once per table, not per row. */
class RowIssues {
  sheetRow = 0;
  failed = false;
  constructor(
    private readonly source: TableSource<string>,
    private readonly issues: Issue[],
  ) {}

  start(sheetRow: number): void {
    this.sheetRow = sheetRow;
    this.failed = false;
  }

  warn(column: number | undefined, code: IssueCode, detail = ""): void {
    this.push(column, code, "warning", detail);
  }

  /** The row is left out. */
  fail(column: number | undefined, code: IssueCode, detail = ""): void {
    this.push(column, code, "error", detail);
    this.failed = true;
  }

  private push(column: number | undefined, code: IssueCode, severity: Issue["severity"], detail: string): void {
    const letter = column === undefined ? "" : columnLetter(this.source.sheet.firstColumn + column);
    const issue: Issue = { sheet: this.source.sheet.name, row: this.sheetRow, column: letter, code, severity };
    this.issues.push(detail === "" ? issue : { ...issue, detail });
  }
}

/** The cell of a mapped column, or undefined when the table has no such column. */
function at(row: ReadonlyArray<CellValue>, column: number | undefined): CellValue | undefined {
  return column === undefined ? undefined : row[column];
}

function readInvoices(source: TableSource<InvoiceField>, date1904: boolean, options: LedgerOptions, builder: LedgerBuilder, issues: Issue[]): void {
  const col = source.columns;
  const [cDocument, cCustomer, cCustomerId, cDate, cDue, cTerms, cAmount, cCurrency, cType, cReference, cCollector, cEmail, cPhone, cDisputed] = (
    ["document", "customer", "customerId", "date", "due", "terms", "amount", "currency", "type", "reference", "collector", "email", "phone", "disputed"] as const
  ).map((field) => col.get(field));
  const order = tableDateOrder(source, [cDate, cDue], options, issues);
  const amountHeader = source.header[cAmount!];
  const headerCcy = typeof amountHeader === "string" ? headerCurrency(amountHeader) : undefined;
  const hasDueOrTerms = cDue !== undefined || cTerms !== undefined;
  if (!hasDueOrTerms) {
    issues.push({ sheet: source.sheet.name, row: source.sheet.firstRow + source.headerIndex, column: "", code: "missing-due-date", severity: "warning" });
  }
  const report = new RowIssues(source, issues);
  const currencies = new RowCurrencies(headerCcy, options.defaultCurrency);
  const { rows } = source.sheet;
  for (let r = source.headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const filled = filledCells(row, cDate);
    if (filled === 0 || isHeaderAgain(row, cDate, source, INVOICE_SYNONYMS)) continue;
    report.start(source.sheet.firstRow + r);
    if (filled === 1) {
      report.warn(undefined, "ignored-row", quoteCell(row.find((c) => !isBlank(c))));
      continue;
    }
    const documentCell = at(row, cDocument);
    let document: string | undefined;
    if (documentCell !== undefined && documentCell !== null && isCellError(documentCell)) report.fail(cDocument, "cell-error", documentCell.error);
    else if ((document = cellText(documentCell)) === "") report.fail(cDocument, "missing-document");
    const customerCell = at(row, cCustomer);
    const customerName = cellText(customerCell);
    const customerId = cellText(at(row, cCustomerId));
    if (customerName === "" && customerId === "") report.fail(cCustomer, isCellError(customerCell ?? null) ? "cell-error" : "missing-customer", errorDetail(customerCell));
    const dateRead = readDateFast(at(row, cDate), order, date1904);
    if (!dateRead.ok) report.fail(cDate, dateRead.code, dateRead.detail);
    const currencyCell = at(row, cCurrency);
    const currency = currencies.of(currencyCell);
    if (currency.unknown) report.warn(cCurrency, "unknown-currency", quoteCell(currencyCell));
    const amountRead = readAmountFast(at(row, cAmount), currency.code, currency.fromColumn);
    if (!amountRead.ok) report.fail(cAmount, amountRead.code, amountRead.detail);
    else if (amountRead.value.minor === 0) report.fail(cAmount, "zero-amount");
    if (report.failed || !dateRead.ok || !amountRead.ok || document === undefined) continue;
    const date = dateRead.value;
    const amount = amountRead.value;
    if (amount.rounded) report.warn(cAmount, "amount-rounded", quoteCell(at(row, cAmount)));

    const kind = kindFromType(cellText(at(row, cType)), amount.minor);
    let due = date;
    const dueCell = at(row, cDue);
    const termsCell = at(row, cTerms);
    // Only an invoice falls due: a credit note or payment is aged by its own date, so its due cell is not read.
    if (kind === KIND_INVOICE) {
      if (!isBlank(dueCell)) {
        // A "Termin" column may hold days of credit ("14 dni", 30) rather than a date: a number below 1000 would be
        // a date in 1902, so it is read as days.
        const read = readDateFast(dueCell, order, date1904);
        const asDays = typeof dueCell === "number" && dueCell < 1000 ? parseTerms(dueCell) : undefined;
        const termsDays = asDays ?? (!read.ok && typeof dueCell === "string" ? parseTerms(dueCell) : undefined);
        if (termsDays !== undefined) due = date + termsDays;
        else if (read.ok) due = read.value;
        else report.warn(cDue, "invalid-due-date", read.detail || quoteCell(dueCell));
      } else if (!isBlank(termsCell)) {
        const days = typeof termsCell === "string" || typeof termsCell === "number" ? parseTerms(termsCell) : undefined;
        if (days === undefined) report.warn(cTerms, "invalid-terms", quoteCell(termsCell));
        else due = date + days;
      } else if (hasDueOrTerms) {
        report.warn(cDue ?? cTerms, "missing-due-date");
      }
      if (due < date) report.warn(cDue, "due-before-date", quoteCell(dueCell));
    }

    const signed = kind === KIND_INVOICE ? Math.abs(amount.minor) : -Math.abs(amount.minor);
    const customer = builder.customer(customerName, customerId, cellText(at(row, cCollector)), cellText(at(row, cEmail)), cellText(at(row, cPhone)));
    const reference = kind === KIND_INVOICE ? "" : cellText(at(row, cReference));
    builder.push(
      kind, customer, builder.currency(amount.currency), date, kind === KIND_INVOICE ? due : date, signed, document,
      reference || undefined, false, TABLE_INVOICES, source.sheet.firstRow + r, isTruthy(at(row, cDisputed)),
    );
  }
}

function readPayments(source: TableSource<PaymentField>, date1904: boolean, options: LedgerOptions, builder: LedgerBuilder, issues: Issue[]): void {
  const col = source.columns;
  const [cDate, cCustomer, cCustomerId, cAmount, cCurrency, cInvoiceRef, cReference, cDocument] = (
    ["date", "customer", "customerId", "amount", "currency", "invoiceRef", "reference", "document"] as const
  ).map((field) => col.get(field));
  const order = tableDateOrder(source, [cDate], options, issues);
  const amountHeader = source.header[cAmount!];
  const headerCcy = typeof amountHeader === "string" ? headerCurrency(amountHeader) : undefined;
  const report = new RowIssues(source, issues);
  const currencies = new RowCurrencies(headerCcy, options.defaultCurrency);
  const { rows } = source.sheet;
  for (let r = source.headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const filled = filledCells(row, cDate);
    if (filled === 0 || isHeaderAgain(row, cDate, source, PAYMENT_SYNONYMS)) continue;
    report.start(source.sheet.firstRow + r);
    if (filled === 1) {
      report.warn(undefined, "ignored-row", quoteCell(row.find((c) => !isBlank(c))));
      continue;
    }
    const dateRead = readDateFast(at(row, cDate), order, date1904);
    if (!dateRead.ok) report.fail(cDate, dateRead.code, dateRead.detail);
    const currencyCell = at(row, cCurrency);
    const currency = currencies.of(currencyCell);
    if (currency.unknown) report.warn(cCurrency, "unknown-currency", quoteCell(currencyCell));
    const amountRead = readAmountFast(at(row, cAmount), currency.code, currency.fromColumn);
    if (!amountRead.ok) report.fail(cAmount, amountRead.code, amountRead.detail);
    else if (amountRead.value.minor === 0) report.fail(cAmount, "zero-amount");
    if (report.failed || !dateRead.ok || !amountRead.ok) continue;
    const amount = amountRead.value;
    if (amount.rounded) report.warn(cAmount, "amount-rounded", quoteCell(at(row, cAmount)));
    if (amount.minor < 0) report.warn(cAmount, "negative-payment", quoteCell(at(row, cAmount)));

    const explicit = cellText(at(row, cInvoiceRef));
    const freeText = cellText(at(row, cReference));
    const customerName = cellText(at(row, cCustomer));
    const customerId = cellText(at(row, cCustomerId));
    const customer = customerName === "" && customerId === "" ? CUSTOMER_UNKNOWN : builder.customer(customerName, customerId, "", "", "");
    builder.push(
      KIND_PAYMENT, customer, builder.currency(amount.currency), dateRead.value, dateRead.value, -amount.minor,
      cellText(at(row, cDocument)) || explicit || freeText, explicit || freeText || undefined, explicit !== "",
      TABLE_PAYMENTS, source.sheet.firstRow + r, false,
    );
  }
}



function errorDetail(cell: CellValue | undefined): string {
  return cell !== undefined && cell !== null && isCellError(cell) ? cell.error : "";
}

/**
 * The currency of each row: its currency cell, else one named in the amount header, else the default. Results are
 * kept per distinct cell text, so a million rows saying "PLN" cost one lookup each.
 */
class RowCurrencies {
  private readonly known = new Map<string, RowCurrency>();
  private readonly fallback: RowCurrency;

  constructor(headerCcy: string | undefined, defaultCurrency: string) {
    this.fallback = headerCcy ? { code: headerCcy, fromColumn: true, unknown: false } : { code: defaultCurrency, fromColumn: false, unknown: false };
  }

  of(cell: CellValue | undefined): RowCurrency {
    // An error value (a failed lookup) names no currency: the default is used, and the user told so.
    if (cell !== undefined && cell !== null && isCellError(cell)) return { ...this.fallback, unknown: true };
    if (typeof cell === "string") {
      const cached = this.known.get(cell);
      if (cached) return cached;
    }
    const text = cellText(cell);
    let result = this.fallback;
    if (text !== "") {
      const code = normalizeCurrency(text);
      result = code ? { code, fromColumn: true, unknown: false } : { ...this.fallback, unknown: true };
    }
    if (typeof cell === "string" && this.known.size < 1000) this.known.set(cell, result);
    return result;
  }
}

interface RowCurrency {
  readonly code: string;
  readonly fromColumn: boolean;
  readonly unknown: boolean;
}

/** Serial numbers of 1900-03-01 and after (no quirk to undo) up to 9999-12-31. */
const PLAIN_SERIALS_FROM = 61;
const PLAIN_SERIALS_TO = 2958465;

/** readDate, without allocating for the common case: a plain date serial in the 1900 system. */
function readDateFast(cell: CellValue | undefined, order: DateOrder, date1904: boolean): CellRead<number> {
  if (typeof cell === "number" && !date1904 && cell >= PLAIN_SERIALS_FROM && cell < PLAIN_SERIALS_TO + 1) {
    scratchDate.value = Math.floor(cell);
    return scratchDate;
  }
  return readDate(cell, order, date1904);
}

/** readAmount, without allocating for the common case: a number with no more decimals than its currency. */
function readAmountFast(cell: CellValue | undefined, currency: string, rowHasCurrency: boolean): CellRead<AmountValue> {
  if (typeof cell === "number") {
    const direct = cell * 10 ** minorUnitExponent(currency);
    const nearest = Math.round(direct);
    if (Math.abs(direct - nearest) < 1e-6 && Math.abs(nearest) <= MAX_MINOR) {
      const value = scratchAmount.value as { minor: number; currency: string; currencyFromText: boolean; rounded: boolean };
      value.minor = nearest === 0 ? 0 : nearest;
      value.currency = currency;
      return scratchAmount;
    }
  }
  return readAmount(cell, currency, rowHasCurrency);
}

/** Reused results of the fast paths: read them before the next call. */
const scratchDate: { ok: true; value: number } = { ok: true, value: 0 };
const scratchAmount: { ok: true; value: AmountValue } = { ok: true, value: { minor: 0, currency: "", currencyFromText: false, rounded: false } };

const normalizedTypes = new Map<string, string>();
const WRITE_OFF_TYPE = /write off|writeoff|odpis|spisan|bad debt|nieściągal|niesciagal/;
const CREDIT_TYPE = /credit|korekt|korygu|\bkor\b|\bcn\b|uznan|storn|zwrot/;
const PAYMENT_TYPE = /payment|wplat|zaplat|receipt|przelew|\bpmt\b/;

/** Document kind from a type cell, or from the sign of the amount when the type says nothing. */
export function kindFromType(type: string, minor: number): DocKind {
  if (type === "") return minor < 0 ? KIND_CREDIT : KIND_INVOICE;
  let normalized = normalizedTypes.get(type);
  if (normalized === undefined) {
    normalized = normalizeHeader(type);
    // Type columns hold a handful of words; remember them (bounded, in case a column holds free text).
    if (normalizedTypes.size < 1000) normalizedTypes.set(type, normalized);
  }
  if (normalized !== "") {
    if (WRITE_OFF_TYPE.test(normalized)) return KIND_WRITE_OFF;
    if (CREDIT_TYPE.test(normalized)) return KIND_CREDIT;
    if (PAYMENT_TYPE.test(normalized)) return KIND_PAYMENT;
  }
  return minor < 0 ? KIND_CREDIT : KIND_INVOICE;
}

function isTruthy(cell: CellValue | undefined): boolean {
  if (cell === undefined || cell === null || cell === false) return false;
  if (cell === true) return true;
  if (typeof cell === "number") return cell !== 0;
  const text = normalizeHeader(cellText(cell));
  return /^(yes|y|true|x|tak|t|1|disputed|sporna|w sporze)$/.test(text);
}


