import { DEFAULT_DUNNING_LADDER, type DunningStep } from "../collections/dunningLadder";

/** The report sheets, by stable key, in the order they are written. */
export const SHEET_KEYS = ["aging", "aging-detail", "daily", "quarterly", "annual", "collections", "forecast", "statements", "issues"] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export interface CollectionsSettings {
  readonly ladder: readonly DunningStep[];
  /** Statutory interest: reference rate + margin, in percent a year. The reference rate is published semi-annually: a setting, never a constant. */
  readonly referenceRatePercent: number;
  readonly marginPercent: number;
  readonly interest: boolean;
  /** The fixed compensation per late invoice (40 EUR under Directive 2011/7/EU). */
  readonly compensation: boolean;
  readonly compensationEur: number;
  /** Units of each currency per 1 EUR, to convert the compensation (e.g. { PLN: 4.25 }). */
  readonly eurRates: Readonly<Record<string, number>>;
}

export interface ReportSettings {
  readonly sheets: readonly SheetKey[];
  /** Month (1–12) the fiscal year starts in. */
  readonly fiscalYearStartMonth: number;
  /** Days after the due date by which an unpaid amount counts as never collected, for the loss rates. */
  readonly horizonDays: number;
  /** Loss rates set by the user per bucket (Not due, 1–30, 31–60, 61–90, 91+); null keeps the rate from history. */
  readonly lossRateOverrides: ReadonlyArray<number | null>;
  readonly collections: CollectionsSettings;
  /** Protect the report sheets (no password). Off by default. */
  readonly protectSheets?: boolean;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  sheets: SHEET_KEYS,
  fiscalYearStartMonth: 1,
  horizonDays: 365,
  lossRateOverrides: [],
  collections: {
    ladder: DEFAULT_DUNNING_LADDER,
    referenceRatePercent: 0,
    marginPercent: 8,
    interest: true,
    compensation: true,
    compensationEur: 40,
    eurRates: {},
  },
};
