import { ageLedger, type Aging } from "./aging/ageLedger";
import { DEFAULT_LADDER, type AgingBasis } from "./aging/bucketLadder";
import type { DateOrder } from "./dates/parseDateText";
import type { Issue } from "./issues";
import type { Language } from "./messages";
import { applyCash, type Applications, type ApplyMode } from "./ledger/applyCash";
import { buildLedger } from "./ledger/buildLedger";
import { TABLE_PAYMENTS, type Ledger } from "./ledger/ledger";
import type { WorkbookData } from "./port";
import { maskCardNumbers } from "./privacy/maskCardNumbers";
import { columnLetter } from "./tables/columnLetter";
import { detectTables, type DetectedTables } from "./tables/detectTables";

export interface ReceivablesOptions {
  /** Day number of the as-of date: documents and payments dated later are ignored. */
  readonly asOf: number;
  readonly basis?: AgingBasis;
  readonly ladder?: readonly number[];
  readonly apply?: ApplyMode;
  readonly collectionsAfterDays?: number;
  readonly language?: Language;
  readonly defaultCurrency?: string;
  readonly dateOrder?: DateOrder;
  readonly invoicesSheet?: string;
  readonly paymentsSheet?: string;
}

export type ReceivablesRun =
  | {
      readonly ok: true;
      readonly tables: DetectedTables;
      readonly ledger: Ledger;
      readonly applications: Applications;
      readonly aging: Aging;
      readonly issues: readonly Issue[];
      readonly options: Required<Omit<ReceivablesOptions, "dateOrder" | "invoicesSheet" | "paymentsSheet">>;
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export const DEFAULT_COLLECTIONS_AFTER_DAYS = 90;

/**
 * The whole receivables job on a workbook: find the tables, read them into a ledger, apply cash, age as of a date.
 * Fails (ok: false) only when there is no invoice table to work on; every other problem is an issue beside a result.
 */
export function runReceivables(source: WorkbookData, options: ReceivablesOptions): ReceivablesRun {
  // Sheet names are shown in messages, sources and subtitles: a sheet (or CSV file) named after a card number must
  // not print it, so names pass the same mask as every other text taken from the data.
  const workbook = maskSheetNames(source);
  const settings = {
    asOf: options.asOf,
    basis: options.basis ?? "due",
    ladder: options.ladder ?? DEFAULT_LADDER,
    apply: options.apply ?? "unapplied",
    collectionsAfterDays: options.collectionsAfterDays ?? DEFAULT_COLLECTIONS_AFTER_DAYS,
    language: options.language ?? "en",
    defaultCurrency: options.defaultCurrency ?? "EUR",
  } as const;
  const issues: Issue[] = [];
  const invoicesSheet = options.invoicesSheet === undefined ? undefined : maskCardNumbers(options.invoicesSheet);
  const paymentsSheet = options.paymentsSheet === undefined ? undefined : maskCardNumbers(options.paymentsSheet);
  for (const name of [invoicesSheet, paymentsSheet]) {
    if (name !== undefined && !workbook.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      issues.push({ sheet: name, row: 0, column: "", code: "sheet-not-found", severity: "error", detail: name });
    }
  }
  const detectOptions = {
    ...(invoicesSheet !== undefined ? { invoicesSheet } : {}),
    ...(paymentsSheet !== undefined ? { paymentsSheet } : {}),
  };
  const tables = detectTables(workbook, detectOptions);
  if (!tables.invoices) {
    issues.push({ sheet: invoicesSheet ?? "", row: 0, column: "", code: "no-invoice-table", severity: "error" });
    return { ok: false, issues };
  }
  if (!tables.payments) {
    issues.push({ sheet: paymentsSheet ?? "", row: 0, column: "", code: "no-payment-table", severity: "warning" });
  }
  const built = buildLedger(workbook, tables, {
    defaultCurrency: settings.defaultCurrency,
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
  });
  issues.push(...built.issues);
  const applications = applyCash(built.ledger, settings.apply);
  const { ledger } = built;
  const warnAt = (i: number, field: string, code: "currency-mismatch" | "other-customer-reference", detail: string) => {
    const source = ledger.sourceTable[i] === TABLE_PAYMENTS ? tables.payments : tables.invoices;
    const column = (source?.columns as ReadonlyMap<string, number> | undefined)?.get(field);
    issues.push({
      sheet: source?.sheet.name ?? "",
      row: ledger.sourceRow[i]!,
      column: column === undefined || !source ? "" : columnLetter(source.sheet.firstColumn + column),
      code,
      severity: "warning",
      detail,
    });
  };
  for (const i of applications.currencyMismatches) warnAt(i, "currency", "currency-mismatch", ledger.currencies[ledger.currency[i]!]!);
  for (const i of applications.otherCustomerReferences) {
    const referenced = Array.from(ledger.refs.subarray(ledger.refStart[i]!, ledger.refStart[i + 1]!));
    const other = referenced.find((invoice) => ledger.customer[invoice] !== ledger.customer[i]);
    warnAt(i, "customer", "other-customer-reference", other === undefined ? "" : `${ledger.document[other]} (${ledger.customers[ledger.customer[other]!]!.name})`);
  }
  const aging = ageLedger(built.ledger, applications, settings);
  return { ok: true, tables, ledger: built.ledger, applications, aging, issues, options: settings };
}

function maskSheetNames(workbook: WorkbookData): WorkbookData {
  if (workbook.sheets.every((sheet) => maskCardNumbers(sheet.name) === sheet.name)) return workbook;
  return { ...workbook, sheets: workbook.sheets.map((sheet) => ({ ...sheet, name: maskCardNumbers(sheet.name) })) };
}
