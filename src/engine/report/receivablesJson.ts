import type { Issue } from "../issues";
import { issueMessage, type Language } from "../messages";
import { isoFromDay } from "../dates/civil";
import { KIND_NAMES } from "../ledger/ledger";
import { minorUnitExponent } from "../money/currency";
import { majorFromMinor } from "../money/money";
import type { ReceivablesRun } from "../runReceivables";
import type { TableSource } from "../tables/detectTables";
import { columnLetter } from "../tables/columnLetter";

/** The CLI's JSON output: a documented, stable interface (docs/json-output.md). Bump on breaking change. */
export const JSON_SCHEMA_VERSION = 1;

export interface JsonIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
}

export interface JsonSource {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: Record<string, { readonly column: string; readonly header: string }>;
}

export interface ReceivablesJson {
  readonly schemaVersion: number;
  readonly asOf: string;
  readonly basis: "due" | "invoice";
  readonly buckets: ReadonlyArray<{ label: string; fromDays: number | null; toDays: number | null }>;
  readonly openItems: ReadonlyArray<{
    document: string;
    customer: string;
    kind: "invoice" | "credit" | "payment";
    date: string;
    dueDate: string;
    currency: string;
    amount: number;
    open: number;
    daysPastDue: number;
    bucket: string;
    sheet: string;
    row: number;
  }>;
  readonly customers: ReadonlyArray<{
    customer: string;
    customerId: string;
    currency: string;
    open: number;
    overdue: number;
    buckets: number[];
    oldestOverdueDays: number;
    status: string;
  }>;
  readonly totals: ReadonlyArray<{ currency: string; open: number; overdue: number; buckets: number[] }>;
  readonly issues: readonly JsonIssue[];
  readonly sources: { invoices: JsonSource | null; payments: JsonSource | null };
}

export function issueToJson(issue: Issue, language: Language): JsonIssue {
  return {
    sheet: issue.sheet,
    row: issue.row,
    column: issue.column,
    code: issue.code,
    severity: issue.severity,
    message: issueMessage(issue.code, language, issue.detail),
  };
}

/** The run as plain JSON data: amounts in major units rounded to each currency's minor unit. */
export function receivablesJson(run: Extract<ReceivablesRun, { ok: true }>): ReceivablesJson {
  const { ledger, aging, options } = run;
  const major = (minor: number, currency: number) =>
    majorFromMinor(minor, minorUnitExponent(ledger.currencies[currency]!));
  const sheetName = (table: number) => (table === 0 ? run.tables.invoices?.sheet.name : run.tables.payments?.sheet.name) ?? "";
  const openItems: Array<ReceivablesJson["openItems"][number]> = [];
  for (let k = 0; k < aging.items.length; k++) {
    const i = aging.items[k]!;
    const ccy = ledger.currency[i]!;
    openItems.push({
      document: ledger.document[i]!,
      customer: ledger.customers[ledger.customer[i]!]!.name,
      kind: KIND_NAMES[ledger.kind[i]!]!,
      date: isoFromDay(ledger.date[i]!),
      dueDate: isoFromDay(ledger.due[i]!),
      currency: ledger.currencies[ccy]!,
      amount: major(ledger.amount[i]!, ccy),
      open: major(aging.open[k]!, ccy),
      daysPastDue: aging.days[k]!,
      bucket: aging.buckets[aging.bucket[k]!]!.label,
      sheet: sheetName(ledger.sourceTable[i]!),
      row: ledger.sourceRow[i]!,
    });
  }
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    asOf: isoFromDay(aging.asOf),
    basis: aging.basis,
    buckets: aging.buckets.map((b) => ({ label: b.label, fromDays: b.fromDays, toDays: b.toDays })),
    openItems,
    customers: aging.customers.map((c) => ({
      customer: ledger.customers[c.customer]!.name,
      customerId: ledger.customers[c.customer]!.id,
      currency: ledger.currencies[c.currency]!,
      open: major(c.open, c.currency),
      overdue: major(c.overdue, c.currency),
      buckets: c.buckets.map((b) => major(b, c.currency)),
      oldestOverdueDays: c.oldestOverdueDays,
      status: c.status,
    })),
    totals: aging.totals.map((t) => ({
      currency: ledger.currencies[t.currency]!,
      open: major(t.open, t.currency),
      overdue: major(t.overdue, t.currency),
      buckets: t.buckets.map((b) => major(b, t.currency)),
    })),
    issues: run.issues.map((issue) => issueToJson(issue, options.language)),
    sources: {
      invoices: run.tables.invoices ? sourceJson(run.tables.invoices) : null,
      payments: run.tables.payments ? sourceJson(run.tables.payments) : null,
    },
  };
}

function sourceJson(source: TableSource<string>): JsonSource {
  const header = source.sheet.rows[source.headerIndex] ?? [];
  const columns: Record<string, { column: string; header: string }> = {};
  for (const [field, column] of [...source.columns.entries()].sort((a, b) => a[1] - b[1])) {
    const cell = header[column];
    columns[field] = { column: columnLetter(source.sheet.firstColumn + column), header: typeof cell === "string" ? cell : String(cell ?? "") };
  }
  return { sheet: source.sheet.name, headerRow: source.sheet.firstRow + source.headerIndex, columns };
}
