import { KIND_INVOICE, type Ledger } from "./ledger";

/**
 * The order in which documents happen: by date; on one day debits before credits (an invoice and its payment on
 * the same day settle), invoices before payments; then by customer, currency, amount and number — values, never
 * row positions, so that shuffling the rows of a sheet changes nothing.
 */
export function documentOrder(ledger: Ledger): Int32Array {
  const customerRank = rankOf(ledger.customers.map((c) => `${c.name}\u0000${c.id}`));
  const currencyRank = rankOf(ledger.currencies);
  const order = new Int32Array(ledger.count);
  for (let i = 0; i < ledger.count; i++) order[i] = i;
  const { date, kind, amount, customer, currency, document } = ledger;
  const kindRank = (i: number) => (amount[i]! > 0 ? 0 : kind[i] === KIND_INVOICE ? 1 : 1 + kind[i]!);
  order.sort(
    (a, b) =>
      date[a]! - date[b]! ||
      kindRank(a) - kindRank(b) ||
      customerRank[customer[a]!]! - customerRank[customer[b]!]! ||
      currencyRank[currency[a]!]! - currencyRank[currency[b]!]! ||
      amount[a]! - amount[b]! ||
      compareText(document[a]!, document[b]!) ||
      compareText(ledger.reference[a] ?? "", ledger.reference[b] ?? ""),
  );
  return order;
}

/** rank[i] = position of values[i] in sorted order. */
export function rankOf(values: readonly string[]): Int32Array {
  const indexes = values.map((_, i) => i).sort((a, b) => compareText(values[a]!, values[b]!));
  const rank = new Int32Array(values.length);
  indexes.forEach((index, position) => (rank[index] = position));
  return rank;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
