import { isoFromDay } from "../dates/civil";
import { minorUnitExponent } from "../money/currency";
import { majorFromMinor } from "../money/money";
import type { BacktestResult } from "./backtest";
import type { CashSeries } from "./cashForecast";
import type { ForecastReport } from "./forecastReport";
import { BASIS_NAMES, type Basis } from "./itemOutlook";
import { NO_DAY } from "./settlementHistory";

export interface ForecastItemJson {
  readonly document: string;
  readonly customer: string;
  readonly currency: string;
  /** Open amount, major units. */
  readonly open: number;
  readonly dueDate: string;
  /** ISO date; null when the history holds no payment that late. */
  readonly expectedDate: string | null;
  readonly p30: number;
  readonly p60: number;
  readonly p90: number;
  readonly basis: Basis;
}

export interface ForecastPeriodJson {
  readonly currency: string;
  readonly expected: number;
  readonly p10: number;
  readonly p90: number;
  readonly naive: number;
}

export interface ForecastJson {
  readonly asOf: string;
  readonly items: readonly ForecastItemJson[];
  readonly weekly: ReadonlyArray<ForecastPeriodJson & { readonly weekStart: string }>;
  readonly monthly: ReadonlyArray<ForecastPeriodJson & { readonly monthStart: string }>;
  readonly backtest: {
    readonly asOf: string;
    readonly warmupMonths: number;
    readonly cutoffs: readonly string[];
    readonly horizonDays: number;
    readonly forecasts: number;
    readonly scored: number;
    readonly censored: number;
    readonly methods: ReadonlyArray<{ method: string; mae: number; within5: number; bias: number; items: number }>;
    readonly calibration: ReadonlyArray<{ days: number; predicted: number; actual: number }>;
    readonly cash: ReadonlyArray<{ currency: string; wape: number; naiveWape: number; bias: number; coverage: number; weeks: number; actual: number }>;
  } | null;
}

/**
 * The forecast as plain JSON data: amounts in major units rounded to each currency's minor unit, dates as ISO
 * text, probabilities and errors rounded to 4 decimals. Items by expected date; periods by currency, then date.
 */
export function forecastJson(report: ForecastReport): ForecastJson {
  const { ledger, forecast, cash } = report;
  const items: ForecastItemJson[] = [];
  for (const m of report.order) {
    const i = forecast.items[m]!;
    const code = ledger.currencies[ledger.currency[i]!]!;
    const expected = forecast.expectedDay[m]!;
    items.push({
      document: ledger.document[i]!,
      customer: ledger.customers[ledger.customer[i]!]!.name,
      currency: code,
      open: majorFromMinor(Math.round(forecast.open[m]!), minorUnitExponent(code)),
      dueDate: isoFromDay(ledger.due[i]!),
      expectedDate: expected === NO_DAY ? null : isoFromDay(expected),
      p30: round4(forecast.p30[m]!),
      p60: round4(forecast.p60[m]!),
      p90: round4(forecast.p90[m]!),
      basis: BASIS_NAMES[forecast.basis[m]!]!,
    });
  }
  const periods = (series: CashSeries, j: number): ForecastPeriodJson => {
    const code = ledger.currencies[series.currency]!;
    const major = (minor: number) => majorFromMinor(Math.round(minor), minorUnitExponent(code));
    return { currency: code, expected: major(series.expected[j]!), p10: major(series.p10[j]!), p90: major(series.p90[j]!), naive: major(series.naive[j]!) };
  };
  return {
    asOf: isoFromDay(forecast.asOf),
    items,
    weekly: cash.weekly.flatMap((series) => series.periods.map((period, j) => ({ weekStart: isoFromDay(period.start), ...periods(series, j) }))),
    monthly: cash.monthly.flatMap((series) => series.periods.map((period, j) => ({ monthStart: isoFromDay(period.start), ...periods(series, j) }))),
    backtest: report.backtest ? backtestJson(report.backtest) : null,
  };
}

/** The backtest as plain JSON data (as in `forecastJson`). */
export function backtestJson(result: BacktestResult): NonNullable<ForecastJson["backtest"]> {
  return {
    asOf: isoFromDay(result.asOf),
    warmupMonths: result.warmupMonths,
    cutoffs: result.cutoffs.map(isoFromDay),
    horizonDays: result.horizonDays,
    forecasts: result.forecasts,
    scored: result.scored,
    censored: result.censored,
    methods: result.methods.map((m) => ({ method: m.method, mae: round4(m.mae), within5: round4(m.within5), bias: round4(m.bias), items: m.items })),
    calibration: result.calibration.map((c) => ({ days: c.days, predicted: round4(c.predicted), actual: round4(c.actual) })),
    cash: result.cash.map((c) => ({
      currency: c.currency,
      wape: round4(c.wape),
      naiveWape: round4(c.naiveWape),
      bias: round4(c.bias),
      coverage: round4(c.coverage),
      weeks: c.weeks,
      actual: majorFromMinor(Math.round(c.actual), minorUnitExponent(c.currency)),
    })),
  };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
