import { civilFromDay, dayFromCivil } from "../dates/civil";
import type { Ledger } from "../ledger/ledger";
import type { PaymentForecast } from "./forecastPayments";
import { ItemOutlook } from "./itemOutlook";
import { itemsByCustomer } from "./itemsByCustomer";

export interface CashPeriod {
  /** First and last day of the period (day numbers, inclusive). */
  readonly start: number;
  readonly end: number;
}

/** Expected collections per period of one currency, in minor units (expectations, not yet rounded money). */
export interface CashSeries {
  /** Index into ledger.currencies. */
  readonly currency: number;
  readonly periods: readonly CashPeriod[];
  readonly expected: Float64Array;
  /** 10th and 90th percentiles of the period's collections. */
  readonly p10: Float64Array;
  readonly p90: Float64Array;
  /** The naive schedule: every open amount collected on its due date (overdue ones in the first period). */
  readonly naive: Float64Array;
  /** Open amount of the currency's items on the as-of date. */
  readonly open: number;
}

export interface CashForecast {
  readonly asOf: number;
  /** One series per currency with open items, in ledger currency order. */
  readonly weekly: readonly CashSeries[];
  readonly monthly: readonly CashSeries[];
}

export interface CashForecastOptions {
  readonly weeks?: number;
  readonly months?: number;
}


/**
 * Expected collections of the open items per week (13, from the day after the as-of date) and per calendar month
 * (6, the first one partial unless the as-of date is a month end), per currency, with a P10–P90 range and the
 * naive due-date schedule beside them. Open items only: sales not yet invoiced are not forecast.
 *
 * Each item pays its open amount in period j with probability q_j from its outlook, times the share of
 * settlements that come as cash rather than credit notes. The range is analytic, not simulated: the period total
 * has mean Σ a·q and, because a customer tends to pay its invoices together, the variance of one customer's items
 * is taken as if they were perfectly correlated, Σ_customers (Σ_items a·√(q(1−q)))²; P10 and P90 are those of a
 * gamma distribution with that mean and variance — or, for a small book, the simulated distribution of the total
 * (see periodForecasts). O(items × periods) plus a bounded simulation; the same inputs give the same range.
 */
export function cashForecast(forecast: PaymentForecast, ledger: Ledger, options: CashForecastOptions = {}): CashForecast {
  const [weekly, monthly] = periodForecasts(forecast, ledger, cashPeriods(forecast.asOf, options));
  return { asOf: forecast.asOf, weekly: weekly!, monthly: monthly! };
}

/** The cash forecast's periods after `asOf`: [weeks (13), calendar months (6, the first one partial)]. */
export function cashPeriods(asOf: number, options: CashForecastOptions = {}): [CashPeriod[], CashPeriod[]] {
  const weekly: CashPeriod[] = [];
  for (let w = 0; w < (options.weeks ?? 13); w++) weekly.push({ start: asOf + 1 + 7 * w, end: asOf + 7 * (w + 1) });
  const monthly: CashPeriod[] = [];
  for (let m = 0, start = asOf + 1; m < (options.months ?? 6); m++) {
    const { year, month } = civilFromDay(start);
    const end = dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
    monthly.push({ start, end });
    start = end + 1;
  }
  return [weekly, monthly];
}

/**
 * Expected collections (with P10–P90 and the naive schedule) per currency for any periods, e.g. weeks from a
 * chosen start: days not after the as-of date expect nothing.
 */
export function collectionsByPeriod(forecast: PaymentForecast, ledger: Ledger, periods: readonly CashPeriod[]): CashSeries[] {
  return periodForecasts(forecast, ledger, [periods])[0]!;
}

/** A currency with at most this many open items gets its P10–P90 by simulation; larger books by the gamma. */
export const SIMULATION_ITEMS = 2000;
/** Draws of the simulation (fixed-seed, so the range is the same on every run). */
const DRAWS = 500;

/** Sets of periods forecast from one pass over the items (see CashAccumulator). */
function periodForecasts(forecast: PaymentForecast, ledger: Ledger, sets: ReadonlyArray<readonly CashPeriod[]>): CashSeries[][] {
  const order = itemsByCustomer(ledger, forecast.items);
  const cash = new CashAccumulator(forecast, ledger, sets, order);
  const outlook = new ItemOutlook(forecast.model);
  for (let r = 0; r < order.length; r++) {
    const i = forecast.items[order[r]!]!;
    if (forecast.open[order[r]!]! > 0) outlook.prepare(ledger.customer[i]!, ledger.disputed[i] === 1, ledger.due[i]!);
    cash.add(r, outlook);
  }
  return cash.finish();
}

/**
 * The cash forecast of every set of periods, item by item in customer order (`order`, from itemsByCustomer), so
 * that it can ride along the pass that forecasts the items themselves: add(r, outlook) with the outlook prepared
 * for the item at position r. The expected amounts are exact. The range comes from the distribution of the
 * period total: for a small book (≤ SIMULATION_ITEMS items in the currency) by simulation — each customer draws
 * one uniform per draw, and each of its items pays in the period where that uniform falls in its cumulative
 * probabilities (a customer's items move together) — because a handful of invoices makes a lumpy total no smooth
 * curve describes; for a large book by a gamma distribution with the same mean and variance (the comonotone
 * variance above), which the many small parts make accurate.
 */
export class CashAccumulator {
  private readonly currencies: number;
  /** All periods of all sets side by side: set s, period j is column offset[s] + j. */
  private readonly offset: number[] = [];
  private readonly ends: number[] = [];
  private readonly columns: number;
  /** Open items per currency. */
  private readonly itemsOf: Int32Array;
  /** Cumulative cash probabilities of the simulated currencies' items, by row; row[r] is position r's (−1: none). */
  private readonly cumulative: Float64Array;
  private readonly row: Int32Array;
  private rows = 0;
  private readonly expected: Float64Array;
  private readonly naive: Float64Array;
  private readonly variance: Float64Array;
  /** Σ a·√(q(1−q)) of the current customer, squared into `variance` when its last item is done. */
  private readonly spread: Float64Array;
  private readonly openTotal: Float64Array;

  constructor(
    private readonly forecast: Pick<PaymentForecast, "items" | "open" | "asOf" | "model">,
    private readonly ledger: Ledger,
    private readonly sets: ReadonlyArray<readonly CashPeriod[]>,
    private readonly order: Int32Array,
  ) {
    const { items, open } = forecast;
    this.currencies = ledger.currencies.length;
    for (const periods of sets) {
      this.offset.push(this.ends.length);
      for (const period of periods) this.ends.push(period.end);
    }
    this.offset.push(this.ends.length);
    this.columns = this.ends.length;
    this.itemsOf = new Int32Array(this.currencies);
    for (let m = 0; m < items.length; m++) if (open[m]! > 0) this.itemsOf[ledger.currency[items[m]!]!]!++;
    let simulatedItems = 0;
    for (let ccy = 0; ccy < this.currencies; ccy++) if (this.simulated(ccy)) simulatedItems += this.itemsOf[ccy]!;
    this.cumulative = new Float64Array(simulatedItems * this.columns);
    this.row = new Int32Array(order.length).fill(-1);
    const cells = this.currencies * this.columns;
    this.expected = new Float64Array(cells);
    this.naive = new Float64Array(cells);
    this.variance = new Float64Array(cells);
    this.spread = new Float64Array(cells);
    this.openTotal = new Float64Array(this.currencies);
  }

  private simulated(ccy: number): boolean {
    return this.itemsOf[ccy]! > 0 && this.itemsOf[ccy]! <= SIMULATION_ITEMS;
  }

  /** The item at position r of `order`; `outlook` prepared for it when its open amount is positive. */
  add(r: number, outlook: ItemOutlook): void {
    const { ledger, order, ends, offset, columns, expected, spread, naive, cumulative, row } = this;
    const { items, open, asOf } = this.forecast;
    const m = order[r]!;
    const i = items[m]!;
    const amount = open[m]!;
    const ccy = ledger.currency[i]!;
    if (amount > 0) {
      const due = ledger.due[i]!;
      const share = this.forecast.model.cashShare;
      this.openTotal[ccy]! += amount;
      if (this.simulated(ccy)) row[r] = this.rows++;
      const naiveDay = Math.max(due, asOf + 1);
      for (let s = 0; s < this.sets.length; s++) {
        let before = 0;
        let naiveDone = false;
        for (let j = offset[s]!; j < offset[s + 1]!; j++) {
          const settled = outlook.settledOn(ends[j]!);
          const q = Math.max(0, settled - before) * share;
          before = settled;
          const cell = ccy * columns + j;
          expected[cell]! += amount * q;
          spread[cell]! += amount * Math.sqrt(q * (1 - q));
          if (row[r]! >= 0) cumulative[row[r]! * columns + j] = settled * share;
          if (!naiveDone && naiveDay <= ends[j]!) {
            naive[cell]! += amount;
            naiveDone = true;
          }
        }
      }
    }
    const next = r + 1 < order.length ? items[order[r + 1]!]! : -1;
    if (next < 0 || ledger.customer[next] !== ledger.customer[i]) {
      for (let cell = 0; cell < spread.length; cell++) {
        if (spread[cell] === 0) continue;
        this.variance[cell]! += spread[cell]! ** 2;
        spread[cell] = 0;
      }
    }
  }

  /** Per set of periods, one series per currency with open items. */
  finish(): CashSeries[][] {
    const { ledger, offset, columns, expected, variance, naive, itemsOf } = this;
    return this.sets.map((periods, s) => {
      const series: CashSeries[] = [];
      for (let ccy = 0; ccy < this.currencies; ccy++) {
        if (itemsOf[ccy] === 0) continue;
        const from = ccy * columns + offset[s]!;
        const mean = expected.slice(from, from + periods.length);
        const p10 = new Float64Array(periods.length);
        const p90 = new Float64Array(periods.length);
        if (this.simulated(ccy)) {
          simulateRange(this.forecast, ledger, this.order, this.row, this.cumulative, columns, offset[s]!, periods.length, ccy, p10, p90);
        } else {
          for (let j = 0; j < periods.length; j++) {
            p10[j] = gammaQuantile(mean[j]!, variance[from + j]!, 0.1);
            p90[j] = gammaQuantile(mean[j]!, variance[from + j]!, 0.9);
          }
        }
        series.push({ currency: ccy, periods, expected: mean, p10, p90, naive: naive.slice(from, from + periods.length), open: this.openTotal[ccy]! });
      }
      return series;
    });
  }
}

/**
 * P10 and P90 of each period's collections of one currency by DRAWS fixed-seed draws: a customer draws one
 * uniform u per draw, and each of its items pays in the first period whose cumulative cash probability reaches
 * u (or after the horizon). O(DRAWS × items × log periods).
 */
function simulateRange(
  forecast: Pick<PaymentForecast, "items" | "open">,
  ledger: Ledger,
  order: Int32Array,
  row: Int32Array,
  cumulative: Float64Array,
  columns: number,
  first: number,
  periods: number,
  currency: number,
  p10: Float64Array,
  p90: Float64Array,
): void {
  // The currency's items, in customer order: their rows in `cumulative`, amounts and customers.
  const mine: number[] = [];
  for (let r = 0; r < order.length; r++) if (row[r]! >= 0 && ledger.currency[forecast.items[order[r]!]!] === currency) mine.push(r);
  const rows = Int32Array.from(mine, (r) => row[r]!);
  const amounts = Float64Array.from(mine, (r) => forecast.open[order[r]!]!);
  const customers = Int32Array.from(mine, (r) => ledger.customer[forecast.items[order[r]!]!]!);
  const totals = new Float64Array(DRAWS * periods);
  const random = seededRandom(0x5eed + currency);
  for (let draw = 0; draw < DRAWS; draw++) {
    let u = 0;
    for (let n = 0; n < rows.length; n++) {
      if (n === 0 || customers[n] !== customers[n - 1]) u = random();
      const base = rows[n]! * columns + first;
      // Paid after the horizon (or never) this draw; else the first period whose cumulative exceeds u.
      if (u >= cumulative[base + periods - 1]!) continue;
      let low = 0;
      let high = periods - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (u < cumulative[base + mid]!) high = mid;
        else low = mid + 1;
      }
      totals[draw * periods + low]! += amounts[n]!;
    }
  }
  const sample = new Float64Array(DRAWS);
  for (let j = 0; j < periods; j++) {
    for (let draw = 0; draw < DRAWS; draw++) sample[draw] = totals[draw * periods + j]!;
    sample.sort();
    p10[j] = sample[Math.floor(0.1 * (DRAWS - 1))]!;
    p90[j] = sample[Math.ceil(0.9 * (DRAWS - 1))]!;
  }
}

/** Mulberry32: a small, fast PRNG with a fixed seed, so that a simulation gives the same numbers on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Quantile (probability p) of a gamma distribution with the given mean and variance: skewed to the right and
 * never negative, as a period's collections are. Inverts the regularised incomplete gamma function by bisection
 * (deterministic, a few dozen steps), exact also for the very skewed case of one large invoice with a small
 * chance of being paid in a week, whose P90 may well be 0.
 * @example gammaQuantile(100, 100, 0.5) //=> 99.67 (the median of a gamma with shape 100 is a little below its mean)
 */
export function gammaQuantile(mean: number, variance: number, p: number): number {
  if (!(mean > 0)) return 0;
  if (!(variance > 0)) return mean;
  const shape = (mean * mean) / variance;
  const scale = variance / mean;
  let low = 0;
  let high = mean;
  while (regularizedGamma(shape, high / scale) < p) high *= 2;
  for (let step = 0; step < 100 && high - low > 1e-9 * mean; step++) {
    const mid = (low + high) / 2;
    if (regularizedGamma(shape, mid / scale) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** P(a, x): the regularised lower incomplete gamma function (series below a + 1, continued fraction above). */
function regularizedGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Lentz's continued fraction for Q(a, x).
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 500; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** ln Γ(a) for a > 0 (Lanczos, g = 7). */
function logGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const x = a - 1;
  let sum = LANCZOS[0]!;
  for (let k = 1; k < LANCZOS.length; k++) sum += LANCZOS[k]! / (x + k);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
