import type { Bucket } from "../aging/bucketLadder";
import type { Applications } from "../ledger/applyCash";
import { KIND_INVOICE, KIND_WRITE_OFF, type Ledger } from "../ledger/ledger";
import { int32Column } from "../ledger/columnArrays";

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
  // Applications by invoice, as a compact list (CSR). Cash application emits applications in date order, so
  // each invoice's list is in date order too and one forward walk answers "open on day d" for rising d.
  // A write-off closes an invoice without collecting it: it is not counted as cash in.
  const counts = (k: number) => applications.date[k]! <= asOf && ledger.kind[applications.credit[k]!] !== KIND_WRITE_OFF;
  const start = int32Column(ledger.count + 1);
  for (let k = 0; k < applications.count; k++) if (counts(k)) start[applications.debit[k]! + 1]!++;
  for (let i = 0; i < ledger.count; i++) start[i + 1]! += start[i]!;
  const fill = start.slice();
  const list = int32Column(start[ledger.count]!);
  for (let k = 0; k < applications.count; k++) if (counts(k)) list[fill[applications.debit[k]!]!++] = k;
  const reached = new Float64Array(buckets.length);
  const lost = new Float64Array(buckets.length);
  // The days after due to look at, rising: each bucket's first day, and the horizon.
  const checkDays = [...new Set([...buckets.flatMap((b) => (b.fromDays === null ? [] : [b.fromDays])), horizonDays])].sort((a, b) => a - b);
  const bucketCheck = buckets.map((b) => (b.fromDays === null ? -1 : checkDays.indexOf(b.fromDays)));
  const horizonCheck = checkDays.indexOf(horizonDays);
  const openOnCheck = new Float64Array(checkDays.length);
  for (let i = 0; i < ledger.count; i++) {
    if (ledger.kind[i] !== KIND_INVOICE || ledger.amount[i]! <= 0) continue;
    if (currency !== undefined && ledger.currency[i] !== currency) continue;
    const due = ledger.due[i]!;
    if (due + horizonDays > asOf) continue;
    let open = ledger.amount[i]!;
    let next = start[i]!;
    const end = start[i + 1]!;
    for (let c = 0; c < checkDays.length; c++) {
      while (next < end && applications.date[list[next]!]! <= due + checkDays[c]!) open -= applications.amount[list[next++]!]!;
      openOnCheck[c] = Math.max(0, open);
    }
    const unpaid = openOnCheck[horizonCheck]!;
    for (let b = 0; b < buckets.length; b++) {
      const reachedHere = bucketCheck[b]! < 0 ? ledger.amount[i]! : openOnCheck[bucketCheck[b]!]!;
      if (reachedHere <= 0) continue;
      reached[b]! += reachedHere;
      lost[b]! += Math.min(unpaid, reachedHere);
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
