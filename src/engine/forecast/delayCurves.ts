import { float64Column, int32Column, uint8Column } from "../ledger/columnArrays";

/**
 * Payment-delay curves (delay = days from an item's origin, its due date, to its settlement) on a dense grid of
 * whole days. An item still open is right-censored at its current delay: it says "later than this", so a
 * customer's unpaid items count as evidence that it pays late instead of being dropped (which would make every
 * customer look prompt).
 *
 * The portfolio curve is a weighted Kaplan–Meier estimate. A customer's curve is the Bayes estimate under a
 * Dirichlet-process prior centred on a prior curve with strength k (Susarla & Van Ryzin, 1976): at each day t its
 * hazard is
 *   h(t) = (e_c(t) + k · f_0(t)) / (r_c(t) + k · S_0(t−)),
 * with e_c, r_c the customer's settlements and items at risk on day t and f_0, S_0 the prior's density and
 * survival. Where the customer has many items at risk its own hazard rules; where it has none (a new customer,
 * or a tail it has never reached) the prior's does — empirical-Bayes shrinkage n / (n + k), day by day.
 */

/** Delays are whole days in [MIN_DELAY, MAX_DELAY]; an earlier payment counts as MIN_DELAY. */
export const MIN_DELAY = -60;
/** Settlement later than this many days after the origin is treated as never (censored at the edge). */
export const MAX_DELAY = 730;
/** Grid size: day t is at index t − MIN_DELAY. */
export const GRID = MAX_DELAY - MIN_DELAY + 1;

/** One observation per item: settled at `delay` (event 1) or still open `delay` days after its origin (event 0). */
export interface DelayObservations {
  readonly size: number;
  readonly group: Int32Array;
  readonly delay: Int32Array;
  readonly event: Uint8Array;
  readonly weight: Float64Array;
  /** A second weight carried along (recency alone, for counts and medians); `weight` when absent. */
  readonly count?: Float64Array;
}

/** Observations in groups, each group's sorted by delay (compressed rows: group g is start[g] .. start[g + 1]). */
export interface GroupedDelays {
  readonly groups: number;
  readonly start: Int32Array;
  /** Delay clipped to [MIN_DELAY, MAX_DELAY + 1] (MAX_DELAY + 1: still open beyond the grid). */
  readonly delay: Int32Array;
  readonly event: Uint8Array;
  readonly weight: Float64Array;
  readonly count: Float64Array;
  /** Settlements per group (unweighted). */
  readonly events: Int32Array;
}

/** Groups observations and sorts each group by delay: two stable counting sorts, O(n + groups + GRID). */
export function groupDelays(observations: DelayObservations, groups: number): GroupedDelays {
  // Arrays into locals: the observation objects come in several shapes, and the loops should not care.
  const { size, group, weight, delay, event } = observations;
  const count = observations.count ?? weight;
  const byDelay = sortByDelay(delay, size);
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < size; k++) start[group[k]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const cursor = start.slice(0, groups);
  const sortedDelay = int32Column(size);
  const sortedEvent = uint8Column(size);
  const sortedWeight = float64Column(size);
  const sortedCount = count === weight ? sortedWeight : float64Column(size);
  const events = new Int32Array(groups);
  for (let j = 0; j < size; j++) {
    const k = byDelay[j]!;
    const g = group[k]!;
    const at = cursor[g]!++;
    const d = clipDelay(delay[k]!);
    sortedDelay[at] = d;
    // Settled beyond the grid is, for the grid, still open at its edge.
    const settled = event[k] === 1 && d <= MAX_DELAY ? 1 : 0;
    sortedEvent[at] = settled;
    sortedWeight[at] = weight[k]!;
    if (sortedCount !== sortedWeight) sortedCount[at] = count[k]!;
    events[g]! += settled;
  }
  return { groups, start, delay: sortedDelay, event: sortedEvent, weight: sortedWeight, count: sortedCount, events };
}

/** Indexes 0 … size − 1 ordered by clipped delay (stable counting sort). */
function sortByDelay(delay: Int32Array, size: number): Int32Array {
  const delayStart = new Int32Array(GRID + 2);
  for (let k = 0; k < size; k++) delayStart[clipDelay(delay[k]!) - MIN_DELAY + 1]!++;
  for (let b = 0; b <= GRID; b++) delayStart[b + 1]! += delayStart[b]!;
  const order = int32Column(size);
  for (let k = 0; k < size; k++) order[delayStart[clipDelay(delay[k]!) - MIN_DELAY]!++] = k;
  return order;
}

/** A delay on the grid, or MAX_DELAY + 1 for "beyond the grid". */
function clipDelay(delay: number): number {
  return delay < MIN_DELAY ? MIN_DELAY : delay > MAX_DELAY ? MAX_DELAY + 1 : delay;
}

/**
 * Kaplan–Meier survival of group g on the grid: out[t − MIN_DELAY] = weighted share of the group not settled by
 * the end of day t after its origin.
 */
export function kaplanMeier(delays: GroupedDelays, g: number, out: Float64Array): void {
  posteriorSurvival(delays, g, undefined, 0, out, undefined);
}

/**
 * Survival of group g on the grid under the prior curve `prior` with strength k (plain Kaplan–Meier without a
 * prior or with k = 0). Events and censorings on the same day: the censored items were still open that day, so
 * they are at risk. `atRisk`, when given, receives the group's own weight at risk on each day. g = −1: no group,
 * the prior alone. O(GRID + group size).
 */
export function posteriorSurvival(
  delays: GroupedDelays,
  g: number,
  prior: Float64Array | undefined,
  k: number,
  out: Float64Array,
  atRisk: Float64Array | undefined,
): void {
  if (g < 0) {
    for (let b = 0; b < GRID; b++) out[b] = prior ? prior[b]! : 1;
    atRisk?.fill(0);
    return;
  }
  const { delay, event, weight } = delays;
  const from = delays.start[g]!;
  const to = delays.start[g + 1]!;
  let risk = 0;
  for (let j = from; j < to; j++) risk += weight[j]!;
  let survival = 1;
  let priorBefore = 1;
  let j = from;
  for (let b = 0; b < GRID; b++) {
    const t = b + MIN_DELAY;
    let settled = 0;
    let leaving = 0;
    for (; j < to && delay[j] === t; j++) {
      leaving += weight[j]!;
      if (event[j] === 1) settled += weight[j]!;
    }
    if (atRisk) atRisk[b] = risk;
    let numerator = settled;
    let denominator = risk;
    if (prior && k > 0) {
      const priorNow = prior[b]!;
      numerator += k * (priorBefore - priorNow);
      denominator += k * priorBefore;
      priorBefore = priorNow;
    }
    if (numerator > 0 && denominator > 0) survival *= Math.max(0, 1 - numerator / denominator);
    out[b] = survival;
    risk = Math.max(0, risk - leaving);
  }
}

/**
 * Kaplan–Meier survival on the grid of the observations q with group[q] === g, without sorting them: sums per
 * day, then one pass over the grid. O(n + GRID).
 */
export function kaplanMeierOf(observations: DelayObservations, g: number, out: Float64Array): void {
  const { size, group, delay, event, weight } = observations;
  const settledOn = new Float64Array(GRID + 1);
  const leavingOn = new Float64Array(GRID + 1);
  let risk = 0;
  for (let q = 0; q < size; q++) {
    if (group[q] !== g) continue;
    const raw = delay[q]!;
    const b = raw < MIN_DELAY ? 0 : raw > MAX_DELAY ? GRID : raw - MIN_DELAY;
    const w = weight[q]!;
    risk += w;
    leavingOn[b]! += w;
    if (event[q] === 1 && b < GRID) settledOn[b]! += w;
  }
  let survival = 1;
  for (let b = 0; b < GRID; b++) {
    if (settledOn[b]! > 0 && risk > 0) survival *= Math.max(0, 1 - settledOn[b]! / risk);
    out[b] = survival;
    risk = Math.max(0, risk - leavingOn[b]!);
  }
}

/**
 * Quantile of group g's settled delays (its observations are sorted), weighted by `count`; `fallback` when it
 * has none.
 * @example delays 2, 5, 9 settled with equal weights: quantile 0.5 → 5.
 */
export function settledQuantile(delays: GroupedDelays, g: number, quantile: number, fallback: number): number {
  const from = delays.start[g]!;
  const to = delays.start[g + 1]!;
  let total = 0;
  for (let j = from; j < to; j++) if (delays.event[j] === 1) total += delays.count[j]!;
  if (!(total > 0)) return fallback;
  let running = 0;
  for (let j = from; j < to; j++) {
    if (delays.event[j] !== 1) continue;
    running += delays.count[j]!;
    if (running >= quantile * total) return delays.delay[j]!;
  }
  return fallback;
}
