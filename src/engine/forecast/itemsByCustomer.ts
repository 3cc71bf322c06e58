import type { Ledger } from "../ledger/ledger";
import { STRATA } from "./fitPaymentModel";
import { int32Column } from "../ledger/columnArrays";

/**
 * Positions into `items` ordered by customer, a customer's disputed items after its ordinary ones (a stable
 * counting sort, O(n + customers)), so that a batch computes each customer's curve once per stratum.
 */
export function itemsByCustomer(ledger: Ledger, items: Int32Array): Int32Array {
  const groups = ledger.customers.length * STRATA;
  const groupOf = int32Column(items.length);
  const start = new Int32Array(groups + 1);
  for (let m = 0; m < items.length; m++) {
    const i = items[m]!;
    groupOf[m] = ledger.customer[i]! * STRATA + ledger.disputed[i]!;
    start[groupOf[m]! + 1]!++;
  }
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const order = int32Column(items.length);
  for (let m = 0; m < items.length; m++) order[start[groupOf[m]!]!++] = m;
  return order;
}
