import { civilFromDay, dayFromCivil } from "../dates/civil";
import type { Applications } from "../ledger/applyCash";
import { KIND_PAYMENT, type Ledger } from "../ledger/ledger";
import { cashPeriods } from "./cashForecast";
import { fitPaymentModel } from "./fitPaymentModel";
import { resolveForecastOptions, type ForecastOptions } from "./forecastOptions";
import { predictWithCash } from "./forecastPayments";
import { NO_DAY, UNSETTLED, chronological, settlementHistory, type SettlementHistory } from "./settlementHistory";

export interface BacktestOptions extends ForecastOptions {
  /** Last day of the data; default: the latest document or application date. */
  readonly asOf?: number;
  /** Months of history before the first cutoff. */
  readonly warmupMonths?: number;
  /** Days each cutoff's items are followed for: an item not settled by then is censored. */
  readonly horizonDays?: number;
  /** Weeks of the cash forecast that are scored. */
  readonly weeks?: number;
  /** At most this many cutoffs, the latest ones: each refits the model. */
  readonly maxCutoffs?: number;
}

export const DEFAULT_WARMUP_MONTHS = 6;
/**
 * Three years of month ends: enough items to score the model on recent behaviour. A history reaching back decades
 * (an ERP export with one invoice from 1998, a date typed as 1900) would otherwise refit the model hundreds of
 * times for a backtest of the distant past.
 */
export const DEFAULT_MAX_CUTOFFS = 36;
export const DEFAULT_HORIZON_DAYS = 182;

export const BACKTEST_METHODS = ["model", "dueDate", "customerMean"] as const;
export type BacktestMethod = (typeof BACKTEST_METHODS)[number];

export interface MethodScore {
  readonly method: BacktestMethod;
  /** Mean absolute error in days over the scored items. */
  readonly mae: number;
  /** Share of scored items predicted within ±5 days. */
  readonly within5: number;
  /** Mean of predicted − actual, in days (negative: predicts too early). */
  readonly bias: number;
  readonly items: number;
}

export interface CalibrationRow {
  readonly days: 30 | 60 | 90;
  /** Mean predicted probability of collection within `days` of the cutoff, over every forecast item. */
  readonly predicted: number;
  /** Share of those items that were in fact settled within `days`. */
  readonly actual: number;
}

export interface CashScore {
  readonly currency: string;
  /** Weighted absolute percentage error Σ|forecast − actual| / Σ actual over every cutoff and week. */
  readonly wape: number;
  /** The same for the naive schedule (every open amount collected on its due date). */
  readonly naiveWape: number;
  /** Σ(forecast − actual) / Σ actual: positive when the forecast expects too much. */
  readonly bias: number;
  /** Share of weeks whose actual collections lay within the forecast's P10–P90 range. */
  readonly coverage: number;
  readonly weeks: number;
  /** Cash actually collected in the scored weeks, minor units. */
  readonly actual: number;
}

export interface BacktestResult {
  readonly asOf: number;
  readonly warmupMonths: number;
  readonly horizonDays: number;
  readonly cutoffs: readonly number[];
  /** Item forecasts made (one per item open at a cutoff). */
  readonly forecasts: number;
  /** Of those, settled within the horizon: the items the day errors are measured on. */
  readonly scored: number;
  /** Not settled within the horizon: no true date, left out of the day errors, kept in the calibration. */
  readonly censored: number;
  readonly methods: readonly MethodScore[];
  readonly calibration: readonly CalibrationRow[];
  readonly cash: readonly CashScore[];
}

/**
 * Backtests the payment model on the ledger's own history. At each month end from `warmupMonths` after the first
 * invoice until `horizonDays` before `asOf` (the latest `maxCutoffs` of them, 36 by default), it fits the model on what was known then (`fitPaymentModel` ignores
 * every later document and application), forecasts the items open then, and compares with the day each was
 * really settled. Two baselines are scored on exactly the same items: the due date (an overdue item "pays
 * tomorrow", the earliest day still possible), and the customer's amount-weighted mean delay over all its
 * history known then (the portfolio's for a customer with none), also no earlier than tomorrow.
 *
 * Items not settled within the horizon are censored: they have no true date, so they are left out of every day
 * error (for all three methods alike), counted, and scored instead through the model's p30/p60/p90 calibration,
 * which covers every item. The weekly cash forecast is scored against the cash actually applied to those items in
 * each of the first `weeks` weeks, beside the naive due-date schedule.
 */
export function backtest(ledger: Ledger, applications: Applications, options: BacktestOptions = {}): BacktestResult {
  const settings = resolveForecastOptions(options);
  const asOf = options.asOf ?? lastDay(ledger, applications);
  const warmupMonths = options.warmupMonths ?? DEFAULT_WARMUP_MONTHS;
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const weeks = options.weeks ?? 13;
  const cutoffs = monthEnds(firstInvoiceDay(ledger), asOf, warmupMonths, horizonDays).slice(-(options.maxCutoffs ?? DEFAULT_MAX_CUTOFFS));

  // What really happened, as known on the last day.
  const final = settlementHistory(ledger, applications, asOf, settings.residueShare);
  const settledOn = new Int32Array(ledger.count).fill(UNSETTLED);
  for (let k = 0; k < final.debits.length; k++) settledOn[final.debits[k]!] = final.settledOn[k]!;

  const errorSum = new Float64Array(3);
  const signedSum = new Float64Array(3);
  const within = new Float64Array(3);
  const predicted = new Float64Array(3);
  const collected = new Float64Array(3);
  let forecasts = 0;
  let scored = 0;
  const cash = ledger.currencies.map(() => ({ error: 0, naiveError: 0, signed: 0, actual: 0, covered: 0, weeks: 0 }));
  const cashActual = new Float64Array(ledger.currencies.length * weeks);
  const isForecast = new Uint8Array(ledger.count);
  const order = chronological(applications);
  const guesses = new Float64Array(3);

  for (const cutoff of cutoffs) {
    // The weekly cash forecast comes from the same pass over the items as their forecasts.
    const { forecast, cash: weeklyCash } = predictWithCash(fitPaymentModel(ledger, applications, cutoff, settings), ledger, [cashPeriods(cutoff, { weeks, months: 0 })[0]]);
    const meanDelay = customerMeanDelays(ledger, forecast.model.history);
    for (let m = 0; m < forecast.items.length; m++) {
      const i = forecast.items[m]!;
      const actual = settledOn[i]!;
      forecasts++;
      predicted[0]! += forecast.p30[m]!;
      predicted[1]! += forecast.p60[m]!;
      predicted[2]! += forecast.p90[m]!;
      for (let h = 0; h < 3; h++) if (actual <= cutoff + 30 * (h + 1)) collected[h]!++;
      if (actual > cutoff + horizonDays) continue;
      scored++;
      const due = ledger.due[i]!;
      const own = meanDelay.customer[ledger.customer[i]!]!;
      const expected = forecast.expectedDay[m]!;
      // The model had no date only for items older than any payment it saw: "not within the horizon".
      guesses[0] = expected === NO_DAY ? cutoff + horizonDays : expected;
      guesses[1] = Math.max(due, cutoff + 1);
      guesses[2] = Math.max(due + Math.round(Number.isNaN(own) ? meanDelay.portfolio : own), cutoff + 1);
      for (let method = 0; method < 3; method++) {
        const error = guesses[method]! - actual;
        errorSum[method]! += Math.abs(error);
        signedSum[method]! += error;
        if (Math.abs(error) <= 5) within[method]!++;
      }
    }

    // Weekly cash: the forecast against the cash applied in each week to the items open at the cutoff.
    for (let m = 0; m < forecast.items.length; m++) isForecast[forecast.items[m]!] = 1;
    cashActual.fill(0);
    for (let r = 0; r < applications.count; r++) {
      const a = order ? order[r]! : r;
      const day = applications.date[a]!;
      if (day <= cutoff || day > cutoff + 7 * weeks) continue;
      const debit = applications.debit[a]!;
      if (isForecast[debit] !== 1 || ledger.kind[applications.credit[a]!] !== KIND_PAYMENT) continue;
      cashActual[ledger.currency[debit]! * weeks + Math.floor((day - cutoff - 1) / 7)]! += applications.amount[a]!;
    }
    for (let m = 0; m < forecast.items.length; m++) isForecast[forecast.items[m]!] = 0;
    for (const series of weeklyCash[0]!) {
      const score = cash[series.currency]!;
      for (let w = 0; w < weeks; w++) {
        const actual = cashActual[series.currency * weeks + w]!;
        score.error += Math.abs(series.expected[w]! - actual);
        score.naiveError += Math.abs(series.naive[w]! - actual);
        score.signed += series.expected[w]! - actual;
        score.actual += actual;
        score.weeks++;
        if (actual >= series.p10[w]! && actual <= series.p90[w]!) score.covered++;
      }
    }
  }

  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    asOf,
    warmupMonths,
    horizonDays,
    cutoffs,
    forecasts,
    scored,
    censored: forecasts - scored,
    methods: BACKTEST_METHODS.map((method, k) => ({
      method,
      mae: ratio(errorSum[k]!, scored),
      within5: ratio(within[k]!, scored),
      bias: ratio(signedSum[k]!, scored),
      items: scored,
    })),
    calibration: ([30, 60, 90] as const).map((days, h) => ({ days, predicted: ratio(predicted[h]!, forecasts), actual: ratio(collected[h]!, forecasts) })),
    cash: cash.flatMap((score, ccy) =>
      score.weeks === 0
        ? []
        : [
            {
              currency: ledger.currencies[ccy]!,
              wape: ratio(score.error, score.actual),
              naiveWape: ratio(score.naiveError, score.actual),
              bias: ratio(score.signed, score.actual),
              coverage: ratio(score.covered, score.weeks),
              weeks: score.weeks,
              actual: score.actual,
            },
          ],
    ),
  };
}

/**
 * The customer-mean baseline: amount-weighted mean delay of each customer's settled debits (NaN for a customer
 * with none), and of the portfolio (amounts scaled by their currency's mean, so a euro weighs like 4 złoty).
 */
function customerMeanDelays(ledger: Ledger, history: SettlementHistory): { customer: Float64Array; portfolio: number } {
  const customers = ledger.customers.length;
  const sum = new Float64Array(customers);
  const weight = new Float64Array(customers);
  const currencyTotal = new Float64Array(ledger.currencies.length);
  const currencyItems = new Float64Array(ledger.currencies.length);
  for (let k = 0; k < history.debits.length; k++) {
    const i = history.debits[k]!;
    currencyTotal[ledger.currency[i]!]! += ledger.amount[i]!;
    currencyItems[ledger.currency[i]!]!++;
  }
  let portfolioSum = 0;
  let portfolioWeight = 0;
  for (let k = 0; k < history.debits.length; k++) {
    if (history.settledOn[k] === UNSETTLED) continue;
    const i = history.debits[k]!;
    const delay = history.settledOn[k]! - ledger.due[i]!;
    const amount = ledger.amount[i]!;
    sum[ledger.customer[i]!]! += amount * delay;
    weight[ledger.customer[i]!]! += amount;
    const scaled = amount / (currencyTotal[ledger.currency[i]!]! / currencyItems[ledger.currency[i]!]!);
    portfolioSum += scaled * delay;
    portfolioWeight += scaled;
  }
  const customer = new Float64Array(customers);
  for (let c = 0; c < customers; c++) customer[c] = weight[c]! > 0 ? sum[c]! / weight[c]! : Number.NaN;
  return { customer, portfolio: portfolioWeight > 0 ? portfolioSum / portfolioWeight : 0 };
}

function firstInvoiceDay(ledger: Ledger): number {
  let first = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ledger.count; i++) if (ledger.amount[i]! > 0 && ledger.date[i]! < first) first = ledger.date[i]!;
  return first;
}

function lastDay(ledger: Ledger, applications: Applications): number {
  let last = 0;
  for (let i = 0; i < ledger.count; i++) if (ledger.date[i]! > last) last = ledger.date[i]!;
  for (let a = 0; a < applications.count; a++) if (applications.date[a]! > last) last = applications.date[a]!;
  return last;
}

/**
 * Month ends from the end of the month `warmup` months after `first`'s month, while cutoff + horizon ≤ asOf.
 * @example first 2024-12-01, warmup 6, horizon 182, asOf 2026-11-30 → 2025-06-30 … 2026-05-31 (12 month ends).
 */
export function monthEnds(first: number, asOf: number, warmup: number, horizon: number): number[] {
  if (!Number.isFinite(first)) return [];
  const { year, month } = civilFromDay(first);
  const cutoffs: number[] = [];
  for (let k = warmup; ; k++) {
    const next = year * 12 + (month - 1) + k + 1;
    const end = dayFromCivil(Math.floor(next / 12), (next % 12) + 1, 1) - 1;
    if (end + horizon > asOf) break;
    cutoffs.push(end);
  }
  return cutoffs;
}
