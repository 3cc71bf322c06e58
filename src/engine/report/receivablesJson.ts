import type { Issue } from "../issues";
import { issueMessage, type Language } from "../messages";
import { isoFromDay } from "../dates/civil";
import { bucketLadder } from "../aging/bucketLadder";
import { JSON_KIND_NAMES, type Ledger } from "../ledger/ledger";
import { forecastJson, type ForecastJson } from "../forecast/forecastJson";
import type { ReportFigures } from "./buildReport";
import type { DayFigures } from "./dailyFigures";
import { KPI_LADDER, type PeriodFigures } from "./periodFigures";
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
  readonly quarters?: readonly JsonPeriod[];
  readonly annual?: readonly JsonPeriod[];
  readonly kpis?: ReadonlyArray<Record<string, string | number | null>>;
  readonly allowance?: readonly unknown[];
  readonly daily?: unknown;
  readonly collections?: readonly unknown[];
  readonly forecast?: ForecastJson;
}

export interface JsonPeriod {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly partial: boolean;
  readonly currency: string;
  readonly opening: number;
  readonly invoiced: number;
  readonly credits: number;
  readonly collected: number;
  readonly writeOffs: number;
  readonly closing: number;
  readonly creditSales: number;
  readonly dso: number | null;
  readonly dsoCountback: number | null;
  readonly bestPossibleDso: number | null;
  readonly averageDaysDelinquent: number | null;
  readonly cei: number | null;
  readonly turnover: number | null;
  readonly percentCurrent: number | null;
  readonly expectedCreditLoss: number;
  readonly ifrs: { readonly gross: readonly number[]; readonly expectedCreditLoss: readonly number[] };
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

/** Ratios in the JSON: 4 decimals, null when undefined. */
function ratio(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Math.round(value * 10_000) / 10_000;
}

function periodJson(ledger: Ledger, f: PeriodFigures): JsonPeriod {
  const code = ledger.currencies[f.currency]!;
  const m = (minor: number) => majorFromMinor(minor, minorUnitExponent(code));
  return {
    period: f.period.label,
    start: isoFromDay(f.period.start),
    end: isoFromDay(f.period.end),
    partial: f.period.partial,
    currency: code,
    opening: m(f.opening),
    invoiced: m(f.invoiced),
    credits: m(f.credits),
    collected: m(f.collected),
    writeOffs: m(f.writeOffs),
    closing: m(f.closing),
    creditSales: m(f.creditSales),
    dso: ratio(f.dso),
    dsoCountback: ratio(f.dsoCountback),
    bestPossibleDso: ratio(f.bestPossibleDso),
    averageDaysDelinquent: ratio(f.averageDaysDelinquent),
    cei: ratio(f.cei),
    turnover: ratio(f.turnover),
    percentCurrent: ratio(f.percentCurrent),
    expectedCreditLoss: m(f.expectedCreditLoss),
    ifrs: { gross: f.ifrsGross.map(m), expectedCreditLoss: f.ifrsEcl.map(m) },
  };
}

/** The report figures (forecast, quarters, year, KPIs, allowance, daily, collections) as JSON sections. */
function reportFiguresSections(
  run: Extract<ReceivablesRun, { ok: true }>,
  figures: ReportFigures,
): JsonSections<Pick<ReceivablesJson, "quarters" | "annual" | "kpis" | "allowance" | "daily" | "collections" | "forecast">> {
  const { ledger } = run;
  const code = (c: number) => ledger.currencies[c]!;
  const m = (minor: number, c: number) => majorFromMinor(minor, minorUnitExponent(code(c)));
  const annual = figures.annual.filter((f) => !/-Q\d$/.test(f.period.label));
  const bucketLabels = bucketLadder([...KPI_LADDER], "due", run.options.language).map((b) => b.label);
  const day = (d: DayFigures, c: number) => ({
    collectedCount: d.collectedCount, collected: m(d.collected, c), issuedCount: d.issuedCount, issued: m(d.issued, c),
    openCount: d.openCount, open: m(d.open, c), overdueCount: d.overdueCount, overdue: m(d.overdue, c),
  });
  const forecast = figures.forecast;
  return {
    ...(forecast ? { forecast: () => forecastJson(forecast) } : {}),
    quarters: () => figures.quarters.map((f) => periodJson(ledger, f)),
    annual: () => annual.map((f) => periodJson(ledger, f)),
    kpis: () => annual.map((f) => {
      const p = periodJson(ledger, f);
      return {
        period: p.period, currency: p.currency, dso: p.dso, dsoCountback: p.dsoCountback, bestPossibleDso: p.bestPossibleDso,
        averageDaysDelinquent: p.averageDaysDelinquent, cei: p.cei, turnover: p.turnover, percentCurrent: p.percentCurrent,
      };
    }),
    allowance: () => figures.allowance.map((a) => {
      const yearEnd = annual.find((f) => f.currency === a.currency);
      return {
        currency: code(a.currency),
        buckets: a.rates.map((r, b) => ({
          label: bucketLabels[b],
          reached: m(r.reached, a.currency),
          lost: m(r.lost, a.currency),
          rate: ratio(a.used[b]),
          source: a.overridden[b] ? "user" : r.observed ? "history" : "carried",
          gross: yearEnd ? m(yearEnd.gross[b]!, a.currency) : 0,
          expectedCreditLoss: yearEnd ? m(yearEnd.ecl[b]!, a.currency) : 0,
        })),
        expectedCreditLoss: yearEnd ? m(yearEnd.expectedCreditLoss, a.currency) : 0,
      };
    }),
    daily: () => ({
      date: isoFromDay(figures.daily.day),
      previousBusinessDay: isoFromDay(figures.daily.previousDay),
      currencies: ledger.currencies.map((currency, c) => ({ currency, today: day(figures.daily.today[c]!, c), previous: day(figures.daily.previous[c]!, c) })),
      newlyOverdue: figures.daily.newlyOverdue.map((n) => ({ customer: ledger.customers[n.customer]!.name, currency: code(n.currency), overdue: m(n.overdue, n.currency) })),
      topPayers: figures.daily.topPayers.map((p) => ({ customer: ledger.customers[p.customer]!.name, currency: code(p.currency), amount: m(p.amount, p.currency) })),
      series: figures.daily.series.map((s) => ({
        date: isoFromDay(s.day),
        byCurrency: ledger.currencies.map((currency, c) => ({ currency, collected: m(s.collected[c]!, c), open: m(s.open[c]!, c), overdue: m(s.overdue[c]!, c) })),
      })),
    }),
    collections: () => figures.collections.map((a) => ({
      customer: ledger.customers[a.customer]!.name,
      customerId: ledger.customers[a.customer]!.id,
      currency: code(a.currency),
      overdue: m(a.overdue, a.currency),
      oldestOverdueDays: a.oldestOverdueDays,
      priority: Math.round(m(a.priority, a.currency)),
      stage: a.stage ?? null,
      daysSinceLastPayment: a.daysSinceLastPayment ?? null,
      interest: m(a.interest, a.currency),
      compensation: a.compensation === undefined ? null : m(a.compensation, a.currency),
      invoices: a.invoices.map((inv) => ({
        document: ledger.document[inv.item]!,
        dueDate: isoFromDay(ledger.due[inv.item]!),
        open: m(inv.open, a.currency),
        daysPastDue: inv.daysPastDue,
        stage: inv.stage ?? null,
        interest: m(inv.interest, a.currency),
        compensation: inv.compensation === undefined ? null : m(inv.compensation, a.currency),
      })),
    })),
  };
}

/**
 * The parts of ReceivablesJson, in its key order, each built when called: a writer can build one, write it and let it
 * go before building the next, so that the whole tree never lives at once (see the CLI's writeJsonSections).
 */
export type JsonSections<T> = { readonly [K in keyof T]?: () => T[K] };

/** The run as plain JSON data: amounts in major units rounded to each currency's minor unit. */
export function receivablesJson(run: Extract<ReceivablesRun, { ok: true }>, figures?: ReportFigures): ReceivablesJson {
  const sections = receivablesJsonSections(run, figures) as Record<string, (() => unknown) | undefined>;
  const json: Record<string, unknown> = {};
  for (const key of Object.keys(sections)) {
    const value = sections[key]?.();
    if (value !== undefined) json[key] = value;
  }
  return json as unknown as ReceivablesJson;
}

/** receivablesJson's sections, unbuilt (see JsonSections). */
export function receivablesJsonSections(run: Extract<ReceivablesRun, { ok: true }>, figures?: ReportFigures): JsonSections<ReceivablesJson> {
  const { ledger, aging, options } = run;
  const major = (minor: number, currency: number) =>
    majorFromMinor(minor, minorUnitExponent(ledger.currencies[currency]!));
  const sheetName = (table: number) => (table === 0 ? run.tables.invoices?.sheet.name : run.tables.payments?.sheet.name) ?? "";
  const openItems = () => {
    const items: Array<ReceivablesJson["openItems"][number]> = [];
    for (let k = 0; k < aging.items.length; k++) {
      const i = aging.items[k]!;
      const ccy = ledger.currency[i]!;
      items.push({
        document: ledger.document[i]!,
        customer: ledger.customers[ledger.customer[i]!]!.name,
        kind: JSON_KIND_NAMES[ledger.kind[i]!]!,
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
    return items;
  };
  return {
    schemaVersion: () => JSON_SCHEMA_VERSION,
    asOf: () => isoFromDay(aging.asOf),
    basis: () => aging.basis,
    buckets: () => aging.buckets.map((b) => ({ label: b.label, fromDays: b.fromDays, toDays: b.toDays })),
    openItems,
    customers: () => aging.customers.map((c) => ({
      customer: ledger.customers[c.customer]!.name,
      customerId: ledger.customers[c.customer]!.id,
      currency: ledger.currencies[c.currency]!,
      open: major(c.open, c.currency),
      overdue: major(c.overdue, c.currency),
      buckets: c.buckets.map((b) => major(b, c.currency)),
      oldestOverdueDays: c.oldestOverdueDays,
      status: c.status,
    })),
    totals: () => aging.totals.map((t) => ({
      currency: ledger.currencies[t.currency]!,
      open: major(t.open, t.currency),
      overdue: major(t.overdue, t.currency),
      buckets: t.buckets.map((b) => major(b, t.currency)),
    })),
    issues: () => run.issues.map((issue) => issueToJson(issue, options.language)),
    sources: () => ({
      invoices: run.tables.invoices ? sourceJson(run.tables.invoices) : null,
      payments: run.tables.payments ? sourceJson(run.tables.payments) : null,
    }),
    ...(figures ? reportFiguresSections(run, figures) : {}),
  };
}

function sourceJson(source: TableSource<string>): JsonSource {
  const header = source.header;
  const columns: Record<string, { column: string; header: string }> = {};
  for (const [field, column] of [...source.columns.entries()].sort((a, b) => a[1] - b[1])) {
    const cell = header[column];
    columns[field] = { column: columnLetter(source.sheet.firstColumn + column), header: typeof cell === "string" ? cell : String(cell ?? "") };
  }
  return { sheet: source.sheet.name, headerRow: source.sheet.firstRow + source.headerIndex, columns };
}
