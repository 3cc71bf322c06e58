import type { Bucket } from "../aging/bucketLadder";
import type { Applications } from "../ledger/applyCash";
import { KIND_INVOICE, KIND_WRITE_OFF, type Ledger } from "../ledger/ledger";

export interface LossRate {
  /** Share never collected of the amounts that reached the bucket (0..1). */
  readonly rate: number;
  /** Minor units that reached the bucket, over the matured invoices of the history. */
  readonly reached: number;
  /** Minor units of those still unpaid at the horizon. */
  readonly lost: number;
  /** False when no amount reached the bucket: the rate is carried over from the bucket before it. */
  readonly observed: boolean;
}

/**
 * Loss rates per aging bucket from the workbook's own history (IFRS 9 simplified approach, provision matrix):
 * of the amounts that reached each bucket, the share never collected within `horizonDays` after the due date.
 * Only invoices whose due date + horizon lies on or before `asOf` count (their outcome is known), and only
 * payments and credits dated on or before `asOf`. An amount "reaches" a bucket when it is still unpaid on the
 * bucket's first day past due; every invoice reaches the first (not yet due) bucket with its full amount.
 *
 * @example one cohort of 100,000: 50,000 paid on time, 27,000 in 1–30 days late, 15,000 in 31–60, 6,000 in
 * 61–90, 2,000 never → rates 2 %, 4 %, 8.7 %, 25 %, 100 % (shared/DOMAIN.md).
 */
export function lossRates(
  ledger: Ledger,
  applications: Applications,
  asOf: number,
  buckets: readonly Bucket[],
  horizonDays: number,
  currency?: number,
): LossRate[] {
  // Applications by invoice, as a compact list (CSR), each invoice's in date order.
  const count = new Int32Array(ledger.count + 1);
  // A write-off closes an invoice without collecting it: it is not counted as cash in.
  const counts = (k: number) => applications.date[k]! <= asOf && ledger.kind[applications.credit[k]!] !== KIND_WRITE_OFF;
  for (let k = 0; k < applications.count; k++) if (counts(k)) count[applications.debit[k]! + 1]!++;
  for (let i = 0; i < ledger.count; i++) count[i + 1]! += count[i]!;
  const start = count.slice();
  const order = new Int32Array(count[ledger.count]!);
  for (let k = 0; k < applications.count; k++) {
    if (!counts(k)) continue;
    const debit = applications.debit[k]!;
    order[start[debit]!++] = k;
  }
  const reached = new Float64Array(buckets.length);
  const lost = new Float64Array(buckets.length);
  const firstDay = buckets.map((b) => (b.fromDays === null ? null : b.fromDays));
  for (let i = 0; i < ledger.count; i++) {
    if (ledger.kind[i] !== KIND_INVOICE || ledger.amount[i]! <= 0) continue;
    if (currency !== undefined && ledger.currency[i] !== currency) continue;
    const due = ledger.due[i]!;
    if (due + horizonDays > asOf) continue;
    const apps = Array.from(order.subarray(count[i]!, count[i + 1]!)).sort((a, b) => applications.date[a]! - applications.date[b]!);
    const openOn = (day: number) => {
      let open = ledger.amount[i]!;
      for (const k of apps) if (applications.date[k]! <= day) open -= applications.amount[k]!;
      return open;
    };
    const unpaid = Math.max(0, openOn(due + horizonDays));
    for (let b = 0; b < buckets.length; b++) {
      const from = firstDay[b];
      const open = from === null || from === undefined ? ledger.amount[i]! : Math.max(0, openOn(due + from));
      if (open <= 0) continue;
      reached[b]! += open;
      lost[b]! += Math.min(unpaid, open);
    }
  }
  const rates: LossRate[] = [];
  for (let b = 0; b < buckets.length; b++) {
    const observed = reached[b]! > 0;
    const carried = rates[b - 1]?.rate ?? 0;
    rates.push({ rate: observed ? lost[b]! / reached[b]! : carried, reached: reached[b]!, lost: lost[b]!, observed });
  }
  return rates;
}
