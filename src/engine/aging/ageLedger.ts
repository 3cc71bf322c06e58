import type { Language } from "../messages";
import { openAt, type Applications } from "../ledger/applyCash";
import { rankOf } from "../ledger/documentOrder";
import type { Ledger } from "../ledger/ledger";
import { bucketIndex, bucketLadder, type AgingBasis, type Bucket } from "./bucketLadder";
import { float64Column, giveBack, int32Column, uint8Column } from "../ledger/columnArrays";

export type AccountStatus = "current" | "overdue" | "collections";

export interface AgingOptions {
  readonly asOf: number;
  readonly basis: AgingBasis;
  readonly ladder: readonly number[];
  /** An account goes to collections when its oldest overdue item is more days past due than this. */
  readonly collectionsAfterDays: number;
  readonly language: Language;
}

export interface CustomerAging {
  readonly customer: number;
  readonly currency: number;
  /** Minor units. */
  readonly open: number;
  readonly buckets: readonly number[];
  /** Days past due (always from the due date) of the oldest overdue debit; 0 when nothing is overdue. */
  readonly oldestOverdueDays: number;
  readonly overdue: number;
  readonly status: AccountStatus;
  /** This customer's open items are items[itemStart .. itemEnd). */
  readonly itemStart: number;
  readonly itemEnd: number;
}

export interface CurrencyTotals {
  readonly currency: number;
  readonly open: number;
  readonly buckets: readonly number[];
  readonly overdue: number;
}

export interface Aging {
  readonly asOf: number;
  readonly basis: AgingBasis;
  readonly buckets: readonly Bucket[];
  /** Ledger indexes of open items, grouped by customer (by name) and currency, oldest due first. */
  readonly items: Int32Array;
  /** Signed open minor units of items[k]. */
  readonly open: Float64Array;
  /** Days past due (or since the invoice date, by basis) of items[k]; credits are aged by their own date. */
  readonly days: Int32Array;
  readonly bucket: Uint8Array;
  readonly customers: readonly CustomerAging[];
  readonly totals: readonly CurrencyTotals[];
}

/**
 * Ages every open item as of `asOf` and sums per customer and currency. The bucket totals equal the open
 * balance, per customer and in total, by construction: every open item lands in exactly one bucket.
 */
export function ageLedger(ledger: Ledger, applications: Applications, options: AgingOptions): Aging {
  const { asOf, basis } = options;
  const buckets = bucketLadder(options.ladder, basis, options.language);
  const openAll = openAt(ledger, applications, asOf);
  const customerRank = rankOf(ledger.customers.map((c) => `${c.name}\u0000${c.id}`));
  const currencyRank = rankOf(ledger.currencies);
  const ids: number[] = [];
  for (let i = 0; i < ledger.count; i++) if (openAll[i] !== 0) ids.push(i);
  const { customer, currency, due, date, document } = ledger;
  const since = basis === "due" ? due : date;
  ids.sort(
    (a, b) =>
      customerRank[customer[a]!]! - customerRank[customer[b]!]! ||
      currencyRank[currency[a]!]! - currencyRank[currency[b]!]! ||
      since[a]! - since[b]! ||
      date[a]! - date[b]! ||
      (document[a]! < document[b]! ? -1 : document[a]! > document[b]! ? 1 : 0) ||
      openAll[a]! - openAll[b]!,
  );
  const n = ids.length;
  const items = Int32Array.from(ids);
  const open = float64Column(n);
  const days = int32Column(n);
  const bucket = uint8Column(n);
  for (let k = 0; k < n; k++) {
    const i = items[k]!;
    open[k] = openAll[i]!;
    days[k] = asOf - since[i]!;
    bucket[k] = bucketIndex(buckets, days[k]!);
  }
  giveBack(ledger, openAll);

  const customers: CustomerAging[] = [];
  const totals = new Map<number, { open: number; buckets: number[]; overdue: number }>();
  for (let start = 0; start < n; ) {
    const c = customer[items[start]!]!;
    const ccy = currency[items[start]!]!;
    let end = start;
    let sum = 0;
    let overdue = 0;
    let oldest = 0;
    const sums = new Array<number>(buckets.length).fill(0);
    for (; end < n && customer[items[end]!] === c && currency[items[end]!] === ccy; end++) {
      sum += open[end]!;
      sums[bucket[end]!]! += open[end]!;
      // Overdue is always measured from the due date, whatever the aging basis.
      const pastDue = asOf - due[items[end]!]!;
      if (open[end]! > 0 && pastDue > 0) {
        overdue += open[end]!;
        if (pastDue > oldest) oldest = pastDue;
      }
    }
    const status: AccountStatus = oldest > options.collectionsAfterDays ? "collections" : oldest > 0 ? "overdue" : "current";
    customers.push({ customer: c, currency: ccy, open: sum, buckets: sums, oldestOverdueDays: oldest, overdue, status, itemStart: start, itemEnd: end });
    const total = totals.get(ccy) ?? { open: 0, buckets: new Array<number>(buckets.length).fill(0), overdue: 0 };
    total.open += sum;
    total.overdue += overdue;
    sums.forEach((s, b) => (total.buckets[b]! += s));
    totals.set(ccy, total);
    start = end;
  }
  return {
    asOf,
    basis,
    buckets,
    items,
    open,
    days,
    bucket,
    customers,
    totals: [...totals.entries()]
      .sort((a, b) => currencyRank[a[0]]! - currencyRank[b[0]]!)
      .map(([ccy, t]) => ({ currency: ccy, ...t })),
  };
}
