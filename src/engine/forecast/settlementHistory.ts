import type { Applications } from "../ledger/applyCash";
import { KIND_PAYMENT, type Ledger } from "../ledger/ledger";
import { borrowInt32, float64Column, giveBack, int32Column } from "../ledger/columnArrays";

/** settledOn of a debit that is still open. */
export const UNSETTLED = 0x7fffffff;
/** A day that has not happened (no payment yet). */
export const NO_DAY = -1;

/** What was known about every debit on one day: when it was settled, or how much is still open. */
export interface SettlementHistory {
  readonly asOf: number;
  /** Ledger indexes of the debits (invoices, refunds: amount > 0) dated on or before `asOf`, in ledger order. */
  readonly debits: Int32Array;
  /** Day debits[k] was settled (its open amount fell within the residue), if on or before `asOf`; else UNSETTLED. */
  readonly settledOn: Int32Array;
  /** Open minor units of debits[k] as of `asOf` (0 or a residue when settled). */
  readonly open: Float64Array;
  /** Cash applied on or before `asOf`, and all applications (cash and credit notes), in minor units. */
  readonly cashApplied: number;
  readonly allApplied: number;
}

/**
 * Reads the debits' settlement state as of a day from the dated applications. Documents and applications dated
 * after `asOf` are ignored, so a forecast made from this knows only what was known then.
 *
 * A debit counts as settled on the day an application brought its open amount to at most `residueShare` of its
 * amount: a 0.01 residue left by a rounding customer is a settled invoice for forecasting, though aging still
 * shows it. A partly paid debit stays open with what is left.
 * @example an invoice of 100.00 paid 60.00 on day 10 and 40.00 on day 30: as of day 20 it is open (40.00);
 * as of day 30 it is settled on day 30.
 */
export function settlementHistory(ledger: Ledger, applications: Applications, asOf: number, residueShare: number): SettlementHistory {
  // Arrays into locals once: hot loops index typed arrays, not object properties.
  const { amount, date, kind, count } = ledger;
  // A working column (the backtest reads the history at up to 36 month ends): borrowed from the ledger.
  const position = borrowInt32(ledger, count).fill(-1);
  let n = 0;
  for (let i = 0; i < count; i++) if (amount[i]! > 0 && date[i]! <= asOf) position[i] = n++;
  const debits = int32Column(n);
  const open = float64Column(n);
  const settledOn = int32Column(n).fill(UNSETTLED);
  for (let i = 0; i < count; i++) {
    const k = position[i]!;
    if (k < 0) continue;
    debits[k] = i;
    open[k] = amount[i]!;
  }
  let cashApplied = 0;
  let allApplied = 0;
  const order = chronological(applications);
  const { debit, credit, date: appliedOn, amount: appliedAmount } = applications;
  for (let r = 0; r < applications.count; r++) {
    const a = order ? order[r]! : r;
    const day = appliedOn[a]!;
    if (day > asOf) continue;
    const k = position[debit[a]!]!;
    if (k < 0) continue;
    const applied = appliedAmount[a]!;
    open[k] = open[k]! - applied;
    allApplied += applied;
    if (kind[credit[a]!] === KIND_PAYMENT) cashApplied += applied;
    if (settledOn[k] === UNSETTLED && open[k]! <= amount[debits[k]!]! * residueShare) settledOn[k] = day;
  }
  giveBack(ledger, position);
  return { asOf, debits, settledOn, open, cashApplied, allApplied };
}

/**
 * Application indexes by date, or undefined when they are in date order already (as `applyCash` emits them);
 * anything else is sorted once.
 */
export function chronological(applications: Applications): Int32Array | undefined {
  let sorted = true;
  for (let a = 1; a < applications.count && sorted; a++) if (applications.date[a]! < applications.date[a - 1]!) sorted = false;
  if (sorted) return undefined;
  const order = int32Column(applications.count);
  for (let a = 0; a < applications.count; a++) order[a] = a;
  return order.sort((a, b) => applications.date[a]! - applications.date[b]! || a - b);
}
