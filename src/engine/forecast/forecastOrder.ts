import type { Ledger } from "../ledger/ledger";
import type { ForecastReport } from "./forecastReport";
import { NO_DAY } from "./settlementHistory";

/** Sorted once per report: the sheet and the JSON both list the items in this order. */
const orders = new WeakMap<ForecastReport, Int32Array>();

/**
 * Positions into the forecast's items by expected payment day (items with none last), then due date, customer
 * name and document: the order the sheet and the JSON list them in. O(n log n), once per report; read it, do not
 * change it.
 */
export function expectedOrder(report: ForecastReport): Int32Array {
  let order = orders.get(report);
  if (!order) orders.set(report, (order = sortedByExpectedDay(report)));
  return order;
}

function sortedByExpectedDay(report: ForecastReport): Int32Array {
  const { forecast, ledger } = report;
  const { items, expectedDay } = forecast;
  const order = new Int32Array(items.length);
  for (let m = 0; m < items.length; m++) order[m] = m;
  const key = (m: number) => (expectedDay[m] === NO_DAY ? Number.MAX_SAFE_INTEGER : expectedDay[m]!);
  return order.sort(
    (a, b) =>
      key(a) - key(b) ||
      ledger.due[items[a]!]! - ledger.due[items[b]!]! ||
      compareText(ledger.customers[ledger.customer[items[a]!]!]!.name, ledger.customers[ledger.customer[items[b]!]!]!.name) ||
      compareText(ledger.document[items[a]!]!, ledger.document[items[b]!]!) ||
      items[a]! - items[b]!,
  );
}

/** The date of the first debit known on `asOf`: where the history the model learnt from begins. */
export function firstDebitDay(ledger: Ledger, asOf: number): number {
  let first = asOf;
  for (let i = 0; i < ledger.count; i++) if (ledger.amount[i]! > 0 && ledger.date[i]! < first) first = ledger.date[i]!;
  return first;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
