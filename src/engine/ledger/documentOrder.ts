import { KIND_INVOICE, type Ledger } from "./ledger";
import { int32Column } from "./columnArrays";

/** The order is computed once per ledger and shared (cash application runs once per mode). */
const cache = new WeakMap<Ledger, Int32Array>();
const positions = new WeakMap<Ledger, Int32Array>();

/**
 * The inverse of documentOrder: position[i] is where document i comes, so "did invoice v happen before the
 * document at position k" is `position[v] < k`, with no flag to set on every document visited.
 */
export function documentPositions(ledger: Ledger): Int32Array {
  const cached = positions.get(ledger);
  if (cached) return cached;
  const order = documentOrder(ledger);
  const position = int32Column(order.length);
  for (let k = 0; k < order.length; k++) position[order[k]!] = k;
  positions.set(ledger, position);
  return position;
}

/**
 * The order in which documents happen: by date; on one day debits before credits (an invoice and its payment on
 * the same day settle), invoices before payments; then by customer, currency, amount and number — values, never
 * row positions, so that shuffling the rows of a sheet changes nothing.
 *
 * Speed: the leading keys (date, kind rank, customer rank when it fits) and the document index are packed into
 * one double and sorted natively — O(n log n) with no comparator calls; only runs that tie on those keys are
 * sorted further by comparator, and such runs are short.
 */
export function documentOrder(ledger: Ledger): Int32Array {
  const cached = cache.get(ledger);
  if (cached) return cached;
  const n = ledger.count;
  const order = int32Column(n);
  if (n === 0) return order;
  const customerRank = rankOf(ledger.customers.map((c) => `${c.name}\u0000${c.id}`));
  const currencyRank = rankOf(ledger.currencies);
  const { date, kind, amount, customer, currency, document, reference } = ledger;
  const kindRank = (i: number) => (amount[i]! > 0 ? 0 : kind[i] === KIND_INVOICE ? 1 : 1 + kind[i]!);

  let minDate = Infinity;
  let maxDate = -Infinity;
  for (let i = 0; i < n; i++) {
    if (date[i]! < minDate) minDate = date[i]!;
    if (date[i]! > maxDate) maxDate = date[i]!;
  }
  const indexBits = bitsFor(n);
  const dateBits = bitsFor(maxDate - minDate + 1);
  const customerBits = bitsFor(ledger.customers.length);
  const withCustomer = dateBits + 3 + customerBits + indexBits <= 52;
  const indexScale = 2 ** indexBits;
  const customerScale = withCustomer ? 2 ** customerBits : 1;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lead = ((date[i]! - minDate) * 8 + kindRank(i)) * customerScale + (withCustomer ? customerRank[customer[i]!]! : 0);
    packed[i] = lead * indexScale + i;
  }
  packed.sort();
  for (let k = 0; k < n; k++) order[k] = packed[k]! % indexScale;

  // Runs that tie on the packed keys: finish the order by the remaining keys.
  const compare = (a: number, b: number) =>
    customerRank[customer[a]!]! - customerRank[customer[b]!]! ||
    currencyRank[currency[a]!]! - currencyRank[currency[b]!]! ||
    amount[a]! - amount[b]! ||
    compareText(document[a]!, document[b]!) ||
    compareText(reference[a] ?? "", reference[b] ?? "");
  for (let start = 0; start < n; ) {
    const lead = Math.floor(packed[start]! / indexScale);
    let end = start + 1;
    while (end < n && Math.floor(packed[end]! / indexScale) === lead) end++;
    if (end - start > 1) order.subarray(start, end).sort(compare);
    start = end;
  }
  cache.set(ledger, order);
  return order;
}

function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(count + 1)));
}

/** rank[i] = position of values[i] in sorted order. */
export function rankOf(values: readonly string[]): Int32Array {
  const indexes = values.map((_, i) => i).sort((a, b) => compareText(values[a]!, values[b]!));
  const rank = int32Column(values.length);
  indexes.forEach((index, position) => (rank[index] = position));
  return rank;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
