import { civilFromDay } from "../dates/civil";
import { MonthOfDay } from "./monthOfDay";
import type { Applications } from "../ledger/applyCash";
import { KIND_PAYMENT, type Ledger } from "../ledger/ledger";
import { GRID, groupDelays, kaplanMeierOf, type GroupedDelays } from "./delayCurves";
import { resolveForecastOptions, type ForecastOptions, type ResolvedForecastOptions } from "./forecastOptions";
import { fitLocationPrior, type LocationPrior } from "./locationPrior";
import { seasonalOffsets } from "./seasonalOffsets";
import { UNSETTLED, settlementHistory, type SettlementHistory } from "./settlementHistory";
import { resumeChances } from "./silence";
import { float64Column, int32Column, uint8Column } from "../ledger/columnArrays";

/** Curves per customer come in two strata: ordinary items (0) and items the source marks as disputed (1). */
export const STRATA = 2;
export const STRATUM_DISPUTED = 1;

/** A payment model fitted on what was known on `asOf`. Plain data: typed arrays, no closures. */
export interface PaymentModel {
  readonly asOf: number;
  readonly options: ResolvedForecastOptions;
  /**
   * Each customer's own delay observations in groups customer × STRATA + stratum. Weights: amount relative to
   * the customer's mean amount (to the power amountWeightPower), times recency.
   */
  readonly customerDelays: GroupedDelays;
  /**
   * Kaplan–Meier survival of the portfolio per stratum on the grid, [s·GRID, (s+1)·GRID) (weights: amount
   * relative to the currency's mean, times recency). With no disputed settlement the disputed curve is the
   * ordinary one.
   */
  readonly portfolioSurvival: Float64Array;
  /** The prior of ordinary items for customers with a short history (see locationPrior). */
  readonly location: LocationPrior;
  /** Per customer × 12 calendar months of the due date: days the customer pays later (or earlier) then. */
  readonly seasonal: Int16Array;
  /** Per customer: the probability it pays again (below 1 only for silent customers, see silence). */
  readonly resume: Float64Array;
  /** 1 for weekdays (day number mod 7; 0 = Saturday) on which cash is received; predictions avoid the others. */
  readonly cashWeekdays: Uint8Array;
  /** Share of applied amounts that came as cash rather than credit notes. */
  readonly cashShare: number;
  readonly history: SettlementHistory;
}

/**
 * Fits the payment model on what was known on `asOf` (later documents and applications are ignored). Every debit
 * dated by then is one observation of its customer's delay from its origin — the due date shifted by the
 * customer's seasonal offset for its month: settled (delay = settlement day − origin) or still open (censored
 * at asOf − origin). Observations weigh amount (to the power `amountWeightPower`) times recency (exponential,
 * half-life `halfLifeDays`, on the due date). O(n + customers + GRID) after the applications are in date order
 * (counting sorts throughout; a customer's payment days are sorted only if the sheet has them out of order).
 * @example fitPaymentModel(ledger, applications, dayFromCivil(2026, 11, 30)).cashWeekdays //=> Uint8Array [0, 0, 1, 1, 1, 1, 1] (no weekend receipts)
 */
export function fitPaymentModel(ledger: Ledger, applications: Applications, asOf: number, options: ForecastOptions = {}): PaymentModel {
  const settings = resolveForecastOptions(options);
  const history = settlementHistory(ledger, applications, asOf, settings.residueShare);
  const { debits, settledOn } = history;
  const n = debits.length;
  const { amount, due, customer, currency, disputed } = ledger;
  const customers = ledger.customers.length;
  const currencyMean = meanAmounts(debits, amount, currency, ledger.currencies.length);
  const customerMean = meanAmounts(debits, amount, customer, customers);
  const seasonal = seasonalOffsets(ledger, history, settings.seasonPriorStrength);
  const decay = Math.LN2 / settings.halfLifeDays;
  const power = settings.amountWeightPower;

  const group = int32Column(n);
  const stratum = int32Column(n);
  const delay = int32Column(n);
  const event = uint8Column(n);
  const weight = float64Column(n);
  const pooled = float64Column(n);
  const count = float64Column(n);
  let firstDue = Number.POSITIVE_INFINITY;
  let lastDue = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    firstDue = Math.min(firstDue, due[debits[k]!]!);
    lastDue = Math.max(lastDue, due[debits[k]!]!);
  }
  const months = new MonthOfDay(firstDue, lastDue);
  let disputedSettled = 0;
  for (let k = 0; k < n; k++) {
    const i = debits[k]!;
    const c = customer[i]!;
    const settled = settledOn[k] !== UNSETTLED;
    const recency = Math.exp(-decay * Math.max(0, asOf - due[i]!));
    stratum[k] = disputed[i]!;
    group[k] = c * STRATA + stratum[k]!;
    delay[k] = (settled ? settledOn[k]! : asOf) - (due[i]! + seasonal[c * 12 + months.of(due[i]!) - 1]!);
    event[k] = settled ? 1 : 0;
    weight[k] = scaled(amount[i]! / customerMean[c]!, power) * recency;
    pooled[k] = scaled(amount[i]! / currencyMean[currency[i]!]!, power) * recency;
    count[k] = recency;
    if (settled && stratum[k] === STRATUM_DISPUTED) disputedSettled++;
  }
  const customerDelays = groupDelays({ size: n, group, delay, event, weight, count }, customers * STRATA);
  const portfolio = { size: n, group: stratum, delay, event, weight: pooled };
  const portfolioSurvival = new Float64Array(STRATA * GRID);
  kaplanMeierOf(portfolio, 0, portfolioSurvival.subarray(0, GRID));
  // Disputed items learn from disputed history when there is any; otherwise from the ordinary items.
  if (disputedSettled > 0) kaplanMeierOf(portfolio, STRATUM_DISPUTED, portfolioSurvival.subarray(GRID));
  else portfolioSurvival.copyWithin(GRID, 0, GRID);
  const location = fitLocationPrior(customerDelays, STRATA);

  return {
    asOf,
    options: settings,
    customerDelays,
    portfolioSurvival,
    location,
    seasonal,
    resume: resumeChances(ledger, history, settings.silenceDays, decay),
    cashWeekdays: cashWeekdays(ledger, applications, asOf),
    cashShare: history.allApplied > 0 ? history.cashApplied / history.allApplied : 1,
    history,
  };
}

/**
 * The day delays of an item due on `due` count from: the due date plus its customer's seasonal offset for the
 * month (−1: unknown customer, no offset).
 */
export function seasonalOrigin(model: PaymentModel, customer: number, due: number): number {
  if (customer < 0) return due;
  return due + model.seasonal[customer * 12 + civilFromDay(due).month - 1]!;
}

/**
 * Weekdays (day number mod 7) on which cash is received: those with at least a fifth of the busiest weekday's
 * cash applications — banks do not book on the others (weekends, mostly). All days when there is no cash yet.
 */
function cashWeekdays(ledger: Ledger, applications: Applications, asOf: number): Uint8Array {
  const counts = new Float64Array(7);
  const { kind } = ledger;
  const { date, credit } = applications;
  let total = 0;
  for (let a = 0; a < applications.count; a++) {
    const day = date[a]!;
    if (day > asOf || kind[credit[a]!] !== KIND_PAYMENT) continue;
    counts[day % 7]!++;
    total++;
  }
  let busiest = 0;
  for (let w = 0; w < 7; w++) busiest = Math.max(busiest, counts[w]!);
  const days = new Uint8Array(7);
  for (let w = 0; w < 7; w++) days[w] = total === 0 || counts[w]! >= busiest / 5 ? 1 : 0;
  return days;
}

/** Mean amount per key (currency or customer) of the debits; 1 where a key has none. */
function meanAmounts(debits: Int32Array, amount: Float64Array, key: Int32Array, keys: number): Float64Array {
  const total = new Float64Array(keys);
  const count = new Float64Array(keys);
  for (let k = 0; k < debits.length; k++) {
    const i = debits[k]!;
    total[key[i]!]! += amount[i]!;
    count[key[i]!]!++;
  }
  for (let j = 0; j < keys; j++) total[j] = count[j]! > 0 ? total[j]! / count[j]! : 1;
  return total;
}

function scaled(relative: number, power: number): number {
  return power === 1 ? relative : power === 0 ? 1 : Math.pow(relative, power);
}
