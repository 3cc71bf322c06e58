import type { Ledger } from "../ledger/ledger";
import type { PaymentForecast } from "./forecastPayments";
import { NO_DAY } from "./settlementHistory";
import { int32Column } from "../ledger/columnArrays";

/**
 * Positions into the forecast's items by expected payment day (items with none last), then due date, customer
 * name and document: the order the sheet and the JSON list them in (ForecastReport.order). O(n log n).
 */
export function expectedOrder(ledger: Ledger, forecast: PaymentForecast): Int32Array {
  const { items, expectedDay } = forecast;
  const order = int32Column(items.length);
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
