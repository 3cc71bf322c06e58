import { GRID, MAX_DELAY, MIN_DELAY, kaplanMeierOf, settledQuantile, type GroupedDelays } from "./delayCurves";

/**
 * A prior for customers with a short history: customers differ above all in *where* they pay — a few days early,
 * on the due date, a month late — more than in how their payments scatter around that day. So the prior of a
 * customer is a mixture over its possible location μ (its median delay): the portfolio's distribution of
 * customer medians g(μ), reweighted by the likelihood of the customer's own observations, each location carrying
 * the portfolio's residual curve R (delays minus their customer's median) shifted by μ. One settlement 50 days
 * late makes a new customer a late payer at once, where a single shrunk curve would still call it prompt.
 */
export interface LocationPrior {
  /** Per customer: weighted median delay of its settled ordinary items; NO_MEDIAN with fewer than MIN_MEDIAN_ITEMS. */
  readonly median: Int32Array;
  /** Kaplan–Meier survival of delay − customer median on the grid (index residual − MIN_DELAY). */
  readonly residual: Float64Array;
  /** Bins of the customers' medians: the middle delay of each bin that holds any, and its share of customers. */
  readonly days: Int32Array;
  readonly share: Float64Array;
  /**
   * Log-likelihoods of one observation under R, by residual r clamped to the grid (index clampResidual(r)):
   * settled at r (log max(floor, R(r−1) − R(r))) and still open at r (log max(floor, R(r))). Tabled once, so that
   * weighing a customer's locations costs additions, not a logarithm per observation and location.
   */
  readonly logSettled: Float64Array;
  readonly logOpen: Float64Array;
}

/** median of a customer with too few settled items. */
export const NO_MEDIAN = -0x7fffffff;
/** A customer needs this many settled items for its median to join the prior. */
const MIN_MEDIAN_ITEMS = 3;
/** Width of the bins of customer medians. */
const LOCATION_BIN_DAYS = 3;
/** Customers with at least this many observations need no location prior: their own curve speaks. */
export const LOCATED_ENOUGH = 30;
/** The mixture keeps at most this many locations, each weighing at least MIN_COMPONENT of the heaviest. */
export const MAX_MIXTURE_COMPONENTS = 12;
const MIN_COMPONENT = 0.01;
/** Density floor in the likelihood of a settlement: no location is ruled out by one odd item. */
const DENSITY_FLOOR = 1e-4;

/**
 * Fits the location prior from the customers' ordinary groups in `customerDelays` (group customer × strata;
 * weights amount × recency): each customer's median, and the residual curve of all their items around their
 * customer's median. O(n + customers + GRID).
 */
export function fitLocationPrior(customerDelays: GroupedDelays, strata: number): LocationPrior {
  const customers = Math.floor(customerDelays.groups / strata);
  const median = new Int32Array(customers).fill(NO_MEDIAN);
  for (let c = 0; c < customers; c++) {
    const g = c * strata;
    if (customerDelays.events[g]! >= MIN_MEDIAN_ITEMS) median[c] = Math.min(MAX_DELAY, settledQuantile(customerDelays, g, 0.5, 0));
  }
  // Residuals are read from the customer groups (sorted, so no second sort) into a portfolio-wide histogram.
  const size = customerDelays.start[customers * strata]!;
  const residualGroup = new Int32Array(size).fill(1);
  const residualDelay = new Int32Array(size);
  for (let c = 0; c < customers; c++) {
    const m = median[c]!;
    for (let j = customerDelays.start[c * strata]!; j < customerDelays.start[c * strata + 1]!; j++) {
      residualGroup[j] = m === NO_MEDIAN ? 1 : 0;
      residualDelay[j] = m === NO_MEDIAN ? 0 : customerDelays.delay[j]! - m;
    }
  }
  for (let j = 0; j < size; j++) if (residualGroup[j] === 0 && customerDelays.delay[j]! > MAX_DELAY) residualDelay[j] = MAX_DELAY + 1;
  const residual = new Float64Array(GRID);
  kaplanMeierOf({ size, group: residualGroup, delay: residualDelay, event: customerDelays.event, weight: customerDelays.count }, 0, residual);

  const bins = Math.ceil(GRID / LOCATION_BIN_DAYS);
  const counts = new Float64Array(bins);
  let located = 0;
  for (let c = 0; c < customers; c++) {
    if (median[c] === NO_MEDIAN) continue;
    counts[Math.floor((Math.min(MAX_DELAY, Math.max(MIN_DELAY, median[c]!)) - MIN_DELAY) / LOCATION_BIN_DAYS)]!++;
    located++;
  }
  const days: number[] = [];
  const share: number[] = [];
  for (let b = 0; b < bins; b++) {
    if (counts[b] === 0) continue;
    days.push(MIN_DELAY + b * LOCATION_BIN_DAYS + (LOCATION_BIN_DAYS >> 1));
    share.push(counts[b]! / located);
  }
  const logSettled = new Float64Array(GRID + 2);
  const logOpen = new Float64Array(GRID + 2);
  for (let index = 0; index < GRID + 2; index++) {
    const r = index - 1 + MIN_DELAY;
    const later = residualAt(residual, r);
    logSettled[index] = Math.log(Math.max(DENSITY_FLOOR, residualAt(residual, r - 1) - later));
    logOpen[index] = Math.log(Math.max(DENSITY_FLOOR, later));
  }
  return { median, residual, days: Int32Array.from(days), share: Float64Array.from(share), logSettled, logOpen };
}

/**
 * The prior curve of group g (a customer's ordinary items) is the location mixture Σ_μ w(μ) R(t − μ) over the
 * heaviest locations, w(μ) ∝ g(μ) · Π likelihoods of the group's observations (a settlement at d:
 * R(d−μ−1) − R(d−μ); an item open at x: R(x−μ)). This finds its components, heaviest first, as pairs (location
 * day, unnormalised weight) in `components` (2 × MAX_MIXTURE_COMPONENTS numbers), and returns how many: 0 when
 * the group has LOCATED_ENOUGH observations or the portfolio has no located customer. O(locations × group size);
 * `scratch` holds at least `prior.days.length` numbers. mixComponents draws the curve (O(components × GRID)).
 */
export function mixtureComponents(prior: LocationPrior, delays: GroupedDelays, g: number, components: Float64Array, scratch: Float64Array): number {
  const { days, share, logSettled, logOpen } = prior;
  const from = delays.start[g]!;
  const to = delays.start[g + 1]!;
  const locations = days.length;
  if (to - from >= LOCATED_ENOUGH || locations === 0) return 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let m = 0; m < locations; m++) {
    const mu = days[m]!;
    let log = Math.log(share[m]!);
    for (let j = from; j < to; j++) {
      const index = clampResidual(delays.delay[j]! - mu);
      log += delays.event[j] === 1 ? logSettled[index]! : logOpen[index]!;
    }
    scratch[m] = log;
    if (log > best) best = log;
  }
  let count = 0;
  while (count < MAX_MIXTURE_COMPONENTS) {
    let pick = -1;
    for (let m = 0; m < locations; m++) if (scratch[m]! > Number.NEGATIVE_INFINITY && (pick < 0 || scratch[m]! > scratch[pick]!)) pick = m;
    if (pick < 0) break;
    const weight = Math.exp(scratch[pick]! - best);
    scratch[pick] = Number.NEGATIVE_INFINITY;
    if (weight < MIN_COMPONENT) break;
    components[2 * count] = days[pick]!;
    components[2 * count + 1] = weight;
    count++;
  }
  return count;
}

/** The mixture curve of `count` components (from mixtureComponents) written into `out` (GRID numbers). */
export function mixComponents(prior: LocationPrior, components: Float64Array, count: number, out: Float64Array): Float64Array {
  const { residual } = prior;
  out.fill(0);
  let total = 0;
  for (let component = 0; component < count; component++) {
    const shift = components[2 * component]! | 0;
    const weight = components[2 * component + 1]!;
    total += weight;
    // R shifted by μ: grid index b holds day b + MIN_DELAY, whose residual index is b − μ (before R's start: 1).
    // In three runs without a branch per day: before R's start (1), R itself, and R's last value past its end.
    const before = Math.min(GRID, Math.max(0, shift));
    const along = Math.min(GRID, shift + GRID);
    for (let b = 0; b < before; b++) out[b]! += weight;
    for (let b = before; b < along; b++) out[b]! += weight * residual[b - shift]!;
    const tail = weight * residual[GRID - 1]!;
    for (let b = along; b < GRID; b++) out[b]! += tail;
  }
  for (let b = 0; b < GRID; b++) out[b] = out[b]! / total;
  return out;
}

/**
 * Index into logSettled / logOpen of residual r: below the grid R is 1 and above it R is flat, so every r outside
 * [MIN_DELAY − 1, MIN_DELAY + GRID] has the likelihoods of the nearest end.
 */
function clampResidual(r: number): number {
  const index = r - MIN_DELAY + 1;
  return index < 0 ? 0 : index > GRID + 1 ? GRID + 1 : index;
}

function residualAt(residual: Float64Array, delay: number): number {
  return delay < MIN_DELAY ? 1 : residual[Math.min(GRID - 1, delay - MIN_DELAY)]!;
}
