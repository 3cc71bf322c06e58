import type { Applications } from "../ledger/applyCash";
import { CashAccumulator, type CashPeriod, type CashSeries } from "./cashForecast";
import type { Ledger } from "../ledger/ledger";
import { fitPaymentModel, type PaymentModel } from "./fitPaymentModel";
import type { ForecastOptions } from "./forecastOptions";
import { ItemOutlook } from "./itemOutlook";
import { itemsByCustomer } from "./itemsByCustomer";
import { NO_DAY, UNSETTLED } from "./settlementHistory";
import { float64Column, int32Column, uint8Column } from "../ledger/columnArrays";

/** Per open debit, in ledger order: when it is expected to be paid and how likely within 30/60/90 days. */
export interface PaymentForecast {
  readonly asOf: number;
  readonly model: PaymentModel;
  /** Ledger indexes of the debits open (beyond the residue) on `asOf`. */
  readonly items: Int32Array;
  /** Open minor units. */
  readonly open: Float64Array;
  /**
   * Expected payment day: the median given that it is paid, moved to the next weekday on which cash is received;
   * NO_DAY when the history holds no payment that late.
   */
  readonly expectedDay: Int32Array;
  /** Probability of collection within 30, 60 and 90 days of the as-of date. */
  readonly p30: Float64Array;
  readonly p60: Float64Array;
  readonly p90: Float64Array;
  /** Index into BASIS_NAMES. */
  readonly basis: Uint8Array;
  /** Weight of the customer's own history in the forecast (0 = portfolio only). */
  readonly customerWeight: Float64Array;
}

/**
 * Forecasts when each debit open on `asOf` will be paid, from the history known on `asOf` only: documents and
 * applications dated later are ignored. Deterministic; O(n log n).
 * @example forecastPayments(ledger, applications, dayFromCivil(2026, 11, 30)).p30 //=> Float64Array [0.83, …]
 */
export function forecastPayments(ledger: Ledger, applications: Applications, asOf: number, options: ForecastOptions = {}): PaymentForecast {
  return predictOpenItems(fitPaymentModel(ledger, applications, asOf, options), ledger);
}

/** The forecast of every open item from a fitted model (its own as-of date and history). */
export function predictOpenItems(model: PaymentModel, ledger: Ledger): PaymentForecast {
  return predictWithCash(model, ledger, []).forecast;
}

/**
 * The forecast of every open item and, from the same pass over the items, the cash forecast of each set of
 * periods (see CashAccumulator): each customer's curve is computed once for both.
 */
export function predictWithCash(model: PaymentModel, ledger: Ledger, sets: ReadonlyArray<readonly CashPeriod[]>): { forecast: PaymentForecast; cash: CashSeries[][] } {
  const { debits, settledOn, open: openAll } = model.history;
  let n = 0;
  for (let k = 0; k < debits.length; k++) if (settledOn[k] === UNSETTLED) n++;
  const items = int32Column(n);
  const open = float64Column(n);
  for (let k = 0, m = 0; k < debits.length; k++) {
    if (settledOn[k] !== UNSETTLED) continue;
    items[m] = debits[k]!;
    open[m++] = openAll[k]!;
  }
  const expectedDay = int32Column(n);
  const p30 = float64Column(n);
  const p60 = float64Column(n);
  const p90 = float64Column(n);
  const basis = uint8Column(n);
  const customerWeight = float64Column(n);
  const outlook = new ItemOutlook(model);
  const order = itemsByCustomer(ledger, items);
  const cash = sets.length > 0 ? new CashAccumulator({ items, open, asOf: model.asOf, model }, ledger, sets, order) : undefined;
  for (let r = 0; r < n; r++) {
    const m = order[r]!;
    const i = items[m]!;
    outlook.prepare(ledger.customer[i]!, ledger.disputed[i] === 1, ledger.due[i]!);
    const median = outlook.medianDay();
    expectedDay[m] = Number.isNaN(median) ? NO_DAY : nextCashDay(model, median);
    p30[m] = outlook.collectedWithin(30);
    p60[m] = outlook.collectedWithin(60);
    p90[m] = outlook.collectedWithin(90);
    basis[m] = outlook.basis;
    customerWeight[m] = outlook.weight;
    cash?.add(r, outlook);
  }
  return {
    forecast: { asOf: model.asOf, model, items, open, expectedDay, p30, p60, p90, basis, customerWeight },
    cash: cash ? cash.finish() : [],
  };
}

/** The day itself or the next weekday on which cash is received (a payment "due" on a Sunday lands on Monday). */
export function nextCashDay(model: PaymentModel, day: number): number {
  for (let step = 0; step < 7; step++) if (model.cashWeekdays[(day + step) % 7] === 1) return day + step;
  return day;
}
