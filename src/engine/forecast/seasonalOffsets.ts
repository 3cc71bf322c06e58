import { MonthOfDay } from "./monthOfDay";
import type { Ledger } from "../ledger/ledger";
import { groupDelays } from "./delayCurves";
import { UNSETTLED, type SettlementHistory } from "./settlementHistory";
import { float64Column, int32Column, uint8Column } from "../ledger/columnArrays";

/** Items due at least this long before the as-of date form complete cohorts: nearly all that will be paid is paid. */
const COMPLETE_COHORT_DAYS = 91;
/** A month's offset must exceed this many standard errors of its median to count as seasonal rather than noise. */
const SEASON_SIGNIFICANCE = 3;

/**
 * Seasonal offsets per customer and calendar month of the due date (customer × 12 + month − 1), in days, from
 * complete past cohorts (items due at least COMPLETE_COHORT_DAYS before the as-of date, so a month whose late
 * payers are still open does not look prompt). A month's offset is the median delay of the customer's settled
 * items due in that month minus its median over all months; it counts only when it exceeds SEASON_SIGNIFICANCE
 * standard errors of a median (1.253 · IQR / 1.349 / √n — one late invoice is not a season) and is then shrunk by
 * n / (n + k). Robust statistics, because delays have long tails. O(n + customers × 12): one counting sort, then
 * two walks over each customer's delays in order.
 * @example a customer paying on time except 30 days late in July and August, two years running: offsets ≈ +30
 * for July and August (shrunk by 2 / (2 + k)), 0 elsewhere.
 */
export function seasonalOffsets(ledger: Ledger, history: SettlementHistory, strength: number): Int16Array {
  const customers = ledger.customers.length;
  const offsets = new Int16Array(customers * 12);
  const { debits, settledOn, asOf } = history;
  const { due: dueOf, customer } = ledger;
  let size = 0;
  for (let k = 0; k < debits.length; k++) if (settledOn[k] !== UNSETTLED && dueOf[debits[k]!]! <= asOf - COMPLETE_COHORT_DAYS) size++;
  if (size === 0) return offsets;
  const group = int32Column(size);
  const delay = int32Column(size);
  const month = float64Column(size);
  const months = new MonthOfDay(asOf - 3 * 366, asOf);
  let j = 0;
  for (let k = 0; k < debits.length; k++) {
    const i = debits[k]!;
    const due = dueOf[i]!;
    if (settledOn[k] === UNSETTLED || due > asOf - COMPLETE_COHORT_DAYS) continue;
    group[j] = customer[i]!;
    delay[j] = settledOn[k]! - due;
    // The month rides along in the weight slot: the sort carries it to each customer's run.
    month[j++] = months.of(due) - 1;
  }
  const sorted = groupDelays({ size, group, delay, event: uint8Column(size).fill(1), weight: month }, customers);
  const counts = new Int32Array(12);
  const seen = new Int32Array(12);
  const medians = new Float64Array(12);
  for (let c = 0; c < customers; c++) {
    const from = sorted.start[c]!;
    const to = sorted.start[c + 1]!;
    const n = to - from;
    if (n === 0) continue;
    const median = sorted.delay[from + ((n - 1) >> 1)]!;
    const sigma = Math.max(1, sorted.delay[from + Math.floor(0.75 * n)]! - sorted.delay[from + Math.floor(0.25 * n)]!) / 1.349;
    counts.fill(0);
    seen.fill(0);
    for (let q = from; q < to; q++) counts[sorted.weight[q]!]!++;
    // Walking the customer's delays in order, a month's (lower) median is its ⌊(count − 1) / 2⌋-th delay.
    for (let q = from; q < to; q++) {
      const m = sorted.weight[q]!;
      if (seen[m]! === (counts[m]! - 1) >> 1) medians[m] = sorted.delay[q]!;
      seen[m]!++;
    }
    for (let m = 0; m < 12; m++) {
      const inMonth = counts[m]!;
      if (inMonth === 0) continue;
      const deviation = medians[m]! - median;
      if (Math.abs(deviation) <= (SEASON_SIGNIFICANCE * 1.253 * sigma) / Math.sqrt(inMonth)) continue;
      offsets[c * 12 + m] = Math.round((inMonth / (inMonth + strength)) * deviation);
    }
  }
  return offsets;
}
