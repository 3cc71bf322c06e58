import { GRID, MAX_DELAY, MIN_DELAY, posteriorSurvival } from "./delayCurves";
import { STRATA, STRATUM_DISPUTED, seasonalOrigin, type PaymentModel } from "./fitPaymentModel";
import { MAX_MIXTURE_COMPONENTS, mixComponents, mixtureComponents } from "./locationPrior";

/** Where an item's forecast comes from. */
export const BASIS_NAMES = ["customer", "blended", "portfolio"] as const;
export type Basis = (typeof BASIS_NAMES)[number];
export const BASIS_CUSTOMER = 0;
export const BASIS_BLENDED = 1;
export const BASIS_PORTFOLIO = 2;

/** Customer weight at or above which an item is said to be forecast from the customer's own history: it outweighs the prior. */
const CUSTOMER_BASIS_WEIGHT = 0.5;

/**
 * The outlook of one open item: its delay from its origin (due date shifted by the customer's seasonal offset)
 * follows its customer's posterior curve S (see delayCurves; the prior is the location mixture for a customer
 * with a short history, else the portfolio curve of its stratum). Still open x days after its origin, it is
 * settled by delay d with probability
 *   resume · (1 − S(d) / S(x)),
 * resume < 1 only for a customer that has stopped paying (see silence). One instance serves a whole batch: a
 * customer's curve is computed when the first of its items comes (`prepare`), so a batch ordered by customer
 * (itemsByCustomer) costs O(customers × GRID + items × log GRID) and allocates nothing per item.
 */
export class ItemOutlook {
  /** Days from the origin to the as-of date (negative: not yet due). */
  x = 0;
  /** The day delays count from. */
  origin = 0;
  /**
   * Weight of the customer's own items in the hazard just after x: n / (n + k · S_0(x)); 0 for a customer with
   * no settled item.
   */
  weight = 0;
  basis: number = BASIS_PORTFOLIO;
  private readonly survival = new Float64Array(GRID);
  private readonly atRisk = new Float64Array(GRID);
  private readonly mixture = new Float64Array(GRID);
  private readonly components = new Float64Array(2 * MAX_MIXTURE_COMPONENTS);
  private readonly scratch: Float64Array;
  private prior: Float64Array;
  private group = -STRATA - 1;
  private settledAny = false;
  private resume = 1;
  private atX = 1;

  constructor(private readonly model: PaymentModel) {
    this.prior = model.portfolioSurvival.subarray(0, GRID);
    this.scratch = new Float64Array(model.location.days.length);
  }

  /** Sets the item: its customer (ledger index, or −1 for none), whether it is disputed, and its due date. */
  prepare(customer: number, disputed: boolean, due: number): void {
    const { model } = this;
    const delays = model.customerDelays;
    const stratum = disputed ? STRATUM_DISPUTED : 0;
    const known = customer >= 0 && customer * STRATA < delays.groups;
    const g = known ? customer * STRATA + stratum : -1 - stratum;
    if (g !== this.group) {
      this.group = g;
      const portfolio = model.portfolioSurvival.subarray(stratum * GRID, (stratum + 1) * GRID);
      this.prior = (known && stratum === 0 ? this.mixtureOf(g) : undefined) ?? portfolio;
      posteriorSurvival(delays, known ? g : -1, this.prior, model.options.priorStrength, this.survival, this.atRisk);
      this.settledAny = known && delays.events[g]! > 0;
      this.resume = known ? model.resume[customer]! : 1;
    }
    this.origin = seasonalOrigin(model, known ? customer : -1, due);
    const x = model.asOf - this.origin;
    this.x = x;
    this.atX = this.survivalAt(x);
    const own = this.settledAny ? this.atRisk[clampIndex(x + 1)]! : 0;
    const prior = model.options.priorStrength * (x < MIN_DELAY ? 1 : this.prior[clampIndex(x)]!);
    this.weight = own > 0 ? own / (own + prior) : 0;
    this.basis = !this.settledAny ? BASIS_PORTFOLIO : this.weight >= CUSTOMER_BASIS_WEIGHT ? BASIS_CUSTOMER : BASIS_BLENDED;
  }

  /**
   * The location mixture of group g, in `this.mixture`. Weighed each time the group comes: a batch ordered by
   * customer (itemsByCustomer) brings each group once, the item and cash forecasts in one pass (predictWithCash).
   */
  private mixtureOf(g: number): Float64Array | undefined {
    const { model, components } = this;
    const count = mixtureComponents(model.location, model.customerDelays, g, components, this.scratch);
    return count === 0 ? undefined : mixComponents(model.location, components, count, this.mixture);
  }

  /** Probability the item is settled on or before `day` (0 for days not after the as-of date). */
  settledOn(day: number): number {
    return this.settledBy(day - this.origin);
  }

  /** Probability it is collected within `days` of the as-of date. */
  collectedWithin(days: number): number {
    return this.settledBy(this.x + days);
  }

  /**
   * Median payment day of the item given that it is paid at all (within MAX_DELAY days of its origin): the
   * point forecast that minimises the absolute error in days. NaN when the history holds no payment that late.
   */
  medianDay(): number {
    const end = this.survivalAt(MAX_DELAY);
    if (!(this.atX - end > 1e-12)) return Number.NaN;
    const target = (this.atX + end) / 2;
    let low = this.x + 1;
    let high = MAX_DELAY;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.survivalAt(mid) <= target) high = mid;
      else low = mid + 1;
    }
    return this.origin + low;
  }

  /** Probability the item is settled by `delay` days after its origin (0 for delays not after x). */
  private settledBy(delay: number): number {
    if (delay <= this.x || !(this.atX > 0)) return 0;
    return this.resume * (1 - this.survivalAt(delay) / this.atX);
  }

  private survivalAt(delay: number): number {
    return delay < MIN_DELAY ? 1 : this.survival[clampIndex(delay)]!;
  }
}

function clampIndex(delay: number): number {
  return delay - MIN_DELAY < GRID ? Math.max(0, delay - MIN_DELAY) : GRID - 1;
}
