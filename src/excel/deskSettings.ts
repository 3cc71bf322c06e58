import { DEFAULT_LADDER, type AgingBasis } from "../engine/aging/bucketLadder";
import type { DunningStage, DunningStep } from "../engine/collections/dunningLadder";
import type { DateOrder } from "../engine/dates/parseDateText";
import type { ApplyMode } from "../engine/ledger/applyCash";
import type { Language } from "../engine/messages";
import { DEFAULT_REPORT_SETTINGS, SHEET_KEYS, type CollectionsSettings, type ReportSettings, type SheetKey } from "../engine/report/reportSettings";
import type { InvoiceField, PaymentField } from "../engine/tables/columnSynonyms";
import type { XlContext } from "./excelApi";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./payloadBytes";
import { SyncMeter, syncMetered } from "./syncMeter";

/** The date the report is aged at. */
export type AsOfRule =
  | { readonly kind: "today" }
  /** The last day of the month before today's (closing a period). */
  | { readonly kind: "endOfPreviousMonth" }
  | { readonly kind: "fixed"; readonly date: string };

/**
 * What the user chose in the pane, kept in the workbook so the next run starts from it: sources, column mapping,
 * aging rules, report settings (interest and compensation among them), language. Sheet and header names of the
 * user's own workbook, numbers and choices — no personal data (no names, e-mails or amounts of customers).
 */
export interface DeskSettings {
  readonly version: 1;
  readonly sources: { readonly invoicesSheet?: string; readonly paymentsSheet?: string };
  /** Field → the header text of the column to use, where automatic detection chose wrongly. */
  readonly columnOverrides: {
    readonly invoices: Readonly<Partial<Record<InvoiceField, string>>>;
    readonly payments: Readonly<Partial<Record<PaymentField, string>>>;
  };
  readonly ladder: readonly number[];
  readonly basis: AgingBasis;
  readonly asOf: AsOfRule;
  readonly apply: ApplyMode;
  readonly collectionsAfterDays: number;
  readonly defaultCurrency: string;
  /** For dates like 03/04/2025 when the data cannot tell; absent: detect. */
  readonly dateOrder?: DateOrder;
  readonly language: Language;
  /** Report sheets, fiscal year, loss rates, collections: dunning ladder, statutory interest, compensation. */
  readonly report: ReportSettings;
}

export const DESK_SETTINGS_KEY = "receivablesDesk.settings";

export const DEFAULT_DESK_SETTINGS: DeskSettings = {
  version: 1,
  sources: {},
  columnOverrides: { invoices: {}, payments: {} },
  ladder: DEFAULT_LADDER,
  basis: "due",
  asOf: { kind: "today" },
  apply: "unapplied",
  collectionsAfterDays: 90,
  defaultCurrency: "EUR",
  language: "en",
  report: DEFAULT_REPORT_SETTINGS,
};

const INVOICE_FIELDS: readonly InvoiceField[] = [
  "document", "customer", "customerId", "date", "due", "terms", "amount", "currency", "type", "reference", "collector", "email", "phone", "disputed",
];
const PAYMENT_FIELDS: readonly PaymentField[] = ["date", "customer", "customerId", "amount", "currency", "invoiceRef", "reference", "document"];
const DUNNING_STAGES: readonly DunningStage[] = ["reminder", "second-notice", "final-notice", "agency"];

/**
 * Settings as stored (by any version of the add-in, or edited by hand): every field that is missing or invalid
 * takes its default; nothing throws.
 */
export function parseDeskSettings(value: unknown): DeskSettings {
  const d = DEFAULT_DESK_SETTINGS;
  const v = record(value);
  const sources = record(v["sources"]);
  const overrides = record(v["columnOverrides"]);
  const dateOrder = oneOf(v["dateOrder"], ["dmy", "mdy"] as const, undefined);
  return {
    version: 1,
    sources: {
      ...(nonEmptyString(sources["invoicesSheet"]) ? { invoicesSheet: sources["invoicesSheet"] } : {}),
      ...(nonEmptyString(sources["paymentsSheet"]) ? { paymentsSheet: sources["paymentsSheet"] } : {}),
    },
    columnOverrides: { invoices: fieldMap(overrides["invoices"], INVOICE_FIELDS), payments: fieldMap(overrides["payments"], PAYMENT_FIELDS) },
    ladder: isLadder(v["ladder"]) ? v["ladder"] : d.ladder,
    basis: oneOf(v["basis"], ["due", "invoice"] as const, d.basis),
    asOf: asOfRule(v["asOf"]) ?? d.asOf,
    apply: oneOf(v["apply"], ["unapplied", "oldest-first"] as const, d.apply),
    collectionsAfterDays: wholeNumber(v["collectionsAfterDays"], 0, 36_500) ?? d.collectionsAfterDays,
    defaultCurrency: typeof v["defaultCurrency"] === "string" && /^[A-Z]{3}$/.test(v["defaultCurrency"]) ? v["defaultCurrency"] : d.defaultCurrency,
    ...(dateOrder !== undefined ? { dateOrder } : {}),
    language: oneOf(v["language"], ["en", "pl"] as const, d.language),
    report: reportSettings(v["report"]),
  };
}

/** Reads the settings saved in the workbook (defaults when there are none). One sync. */
export async function loadDeskSettings(context: XlContext, options: { readonly meter?: SyncMeter } = {}): Promise<DeskSettings> {
  const meter = options.meter ?? new SyncMeter();
  const setting = context.workbook.settings.getItemOrNullObject(DESK_SETTINGS_KEY).load("value");
  await syncMetered(context, meter, ACTION_OVERHEAD_BYTES);
  if (setting.isNullObject) return DEFAULT_DESK_SETTINGS;
  meter.noteResponse(jsonBytes(setting.value));
  return parseDeskSettings(setting.value);
}

/** Saves the settings into the workbook (they are kept when the user saves the file). One sync. */
export async function saveDeskSettings(context: XlContext, settings: DeskSettings, options: { readonly meter?: SyncMeter } = {}): Promise<void> {
  const meter = options.meter ?? new SyncMeter();
  // Stored as parsed: what is saved is what loads back, whatever the caller put in.
  const stored = parseDeskSettings(settings);
  context.workbook.settings.add(DESK_SETTINGS_KEY, stored);
  await syncMetered(context, meter, ACTION_OVERHEAD_BYTES + jsonBytes(stored));
}

function reportSettings(value: unknown): ReportSettings {
  const d = DEFAULT_REPORT_SETTINGS;
  const v = record(value);
  const sheets = Array.isArray(v["sheets"]) ? v["sheets"].filter((key): key is SheetKey => (SHEET_KEYS as readonly unknown[]).includes(key)) : [];
  const overrides = Array.isArray(v["lossRateOverrides"])
    ? v["lossRateOverrides"].map((rate) => (typeof rate === "number" && rate >= 0 && rate <= 1 ? rate : null))
    : d.lossRateOverrides;
  return {
    sheets: sheets.length > 0 ? [...new Set(sheets)] : d.sheets,
    fiscalYearStartMonth: wholeNumber(v["fiscalYearStartMonth"], 1, 12) ?? d.fiscalYearStartMonth,
    horizonDays: wholeNumber(v["horizonDays"], 1, 3_650) ?? d.horizonDays,
    lossRateOverrides: overrides,
    collections: collectionsSettings(v["collections"]),
  };
}

function collectionsSettings(value: unknown): CollectionsSettings {
  const d = DEFAULT_REPORT_SETTINGS.collections;
  const v = record(value);
  const ladder = Array.isArray(v["ladder"]) ? v["ladder"].filter(isDunningStep) : [];
  const rates = record(v["eurRates"]);
  return {
    ladder: ladder.length > 0 && ladder.every((step, i) => i === 0 || step.fromDays > ladder[i - 1]!.fromDays) ? ladder : d.ladder,
    referenceRatePercent: rate(v["referenceRatePercent"]) ?? d.referenceRatePercent,
    marginPercent: rate(v["marginPercent"]) ?? d.marginPercent,
    interest: typeof v["interest"] === "boolean" ? v["interest"] : d.interest,
    compensation: typeof v["compensation"] === "boolean" ? v["compensation"] : d.compensation,
    compensationEur: typeof v["compensationEur"] === "number" && v["compensationEur"] >= 0 && v["compensationEur"] < 1e6 ? v["compensationEur"] : d.compensationEur,
    eurRates: Object.fromEntries(
      Object.entries(rates).filter((entry): entry is [string, number] => /^[A-Z]{3}$/.test(entry[0]) && typeof entry[1] === "number" && entry[1] > 0 && Number.isFinite(entry[1])),
    ),
  };
}

function isDunningStep(value: unknown): value is DunningStep {
  const v = record(value);
  return typeof v["fromDays"] === "number" && Number.isInteger(v["fromDays"]) && (DUNNING_STAGES as readonly unknown[]).includes(v["stage"]);
}

function asOfRule(value: unknown): AsOfRule | undefined {
  const v = record(value);
  if (v["kind"] === "today" || v["kind"] === "endOfPreviousMonth") return { kind: v["kind"] };
  if (v["kind"] === "fixed" && typeof v["date"] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v["date"])) return { kind: "fixed", date: v["date"] };
  return undefined;
}

function isLadder(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 20 &&
    value.every((edge, i) => typeof edge === "number" && Number.isInteger(edge) && edge > 0 && (i === 0 || edge > (value[i - 1] as number)))
  );
}

function fieldMap<F extends string>(value: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const v = record(value);
  const map: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const header = v[field];
    if (nonEmptyString(header)) map[field] = header;
  }
  return map;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "" && value.length <= 255;
}

function oneOf<T extends string, D>(value: unknown, allowed: readonly T[], fallback: D): T | D {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

function rate(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined;
}
