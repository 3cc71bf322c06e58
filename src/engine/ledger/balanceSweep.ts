import type { Applications } from "./applyCash";
import { documentOrder } from "./documentOrder";
import type { Ledger } from "./ledger";
import { borrowFloat64, borrowInt32, giveBack } from "./columnArrays";

/**
 * Visits the documents open at the end of each of an ascending list of days, in one pass over the ledger:
 * documents enter on their date, applications move balances on theirs, and a document leaves the live list once
 * settled (a balance only ever moves toward zero, so it never comes back). The cost is the ledger once plus, per
 * day, the documents open on it — not the whole ledger per day.
 *
 * `visit(day, live, liveCount, open)`: live[0 .. liveCount) are the open documents' indexes; open[i] their signed
 * balances in minor units. The arrays are reused between visits: read them, do not keep them.
 */
export function sweepBalances(
  ledger: Ledger,
  applications: Applications,
  days: readonly number[],
  visit: (day: number, live: Int32Array, liveCount: number, open: Float64Array) => void,
): void {
  const order = documentOrder(ledger);
  const appOrder = chronological(ledger, applications);
  const open = borrowFloat64(ledger, ledger.count);
  const live = borrowInt32(ledger, ledger.count);
  let liveCount = 0;
  let nextDocument = 0;
  let nextApplication = 0;
  let previousDay = -Infinity;
  for (const day of days) {
    if (day < previousDay) throw new RangeError("sweepBalances: days must ascend");
    previousDay = day;
    while (nextDocument < ledger.count && ledger.date[order[nextDocument]!]! <= day) {
      const i = order[nextDocument++]!;
      open[i] = ledger.amount[i]!;
      live[liveCount++] = i;
    }
    while (nextApplication < applications.count && applications.date[appOrder[nextApplication]!]! <= day) {
      const k = appOrder[nextApplication++]!;
      const debit = applications.debit[k]!;
      const credit = applications.credit[k]!;
      open[debit] = open[debit]! - applications.amount[k]!;
      open[credit] = open[credit]! + applications.amount[k]!;
    }
    let kept = 0;
    for (let r = 0; r < liveCount; r++) {
      const i = live[r]!;
      if (open[i] !== 0) live[kept++] = i;
    }
    liveCount = kept;
    visit(day, live, liveCount, open);
  }
  giveBack(ledger, open);
  giveBack(ledger, live);
  giveBack(ledger, appOrder);
}

/**
 * Replays every balance change up to the last of an ascending list of days, without visiting the open documents:
 * `change(i, before, after)` for each document entering on its date (before 0) and each application moving a
 * debit or a credit, all dated on or before `days[d]`, then `reached(days[d], open)`; `open[i]` holds every balance
 * as of that day. For figures that can be kept up to date change by change (sums, counts), this costs the ledger
 * once, where `sweepBalances` also costs, per day, the documents open on it. `open` is reused: do not keep it.
 * (sweepBalances keeps its own copy of this loop: built on this one, `change` took two callback shapes, V8 stopped
 * inlining it, and at a million documents the daily view went from 0.47–0.50 to 0.64 s, the period sweep
 * 0.28–0.35 to 0.39–0.42 s.)
 */
export function replayBalances(
  ledger: Ledger,
  applications: Applications,
  days: readonly number[],
  change: (i: number, before: number, after: number) => void,
  reached: (day: number, open: Float64Array) => void,
): void {
  const order = documentOrder(ledger);
  const appOrder = chronological(ledger, applications);
  const open = borrowFloat64(ledger, ledger.count);
  let nextDocument = 0;
  let nextApplication = 0;
  let previousDay = -Infinity;
  for (const day of days) {
    if (day < previousDay) throw new RangeError("replayBalances: days must ascend");
    previousDay = day;
    while (nextDocument < ledger.count && ledger.date[order[nextDocument]!]! <= day) {
      const i = order[nextDocument++]!;
      open[i] = ledger.amount[i]!;
      change(i, 0, open[i]!);
    }
    while (nextApplication < applications.count && applications.date[appOrder[nextApplication]!]! <= day) {
      const k = appOrder[nextApplication++]!;
      const debit = applications.debit[k]!;
      const credit = applications.credit[k]!;
      const debitBefore = open[debit]!;
      open[debit] = debitBefore - applications.amount[k]!;
      change(debit, debitBefore, open[debit]!);
      const creditBefore = open[credit]!;
      open[credit] = creditBefore + applications.amount[k]!;
      change(credit, creditBefore, open[credit]!);
    }
    reached(day, open);
  }
  giveBack(ledger, open);
  giveBack(ledger, appOrder);
}

/** Application indexes by date: cash application emits them in date order already, so this is usually free. */
function chronological(ledger: Ledger, applications: Applications): Int32Array {
  const order = borrowInt32(ledger, applications.count);
  let sorted = true;
  for (let k = 0; k < applications.count; k++) {
    order[k] = k;
    if (k > 0 && applications.date[k]! < applications.date[k - 1]!) sorted = false;
  }
  if (!sorted) order.sort((a, b) => applications.date[a]! - applications.date[b]! || a - b);
  return order;
}

/**
 * Running sums of signed amounts and counts per currency and document kind, as of the end of each ascending day:
 * sums[(d × currencies + c) × kinds + kind], where kind is the ledger kind, and payments split into receipts
 * (kind 2) and refunds (kind `kinds − 1`).
 */
export function cumulativeFlows(ledger: Ledger, days: readonly number[]): { sums: Float64Array; counts: Float64Array; kinds: number } {
  const kinds = 5;
  const currencies = ledger.currencies.length;
  const sums = new Float64Array(days.length * currencies * kinds);
  const counts = new Float64Array(days.length * currencies * kinds);
  const running = new Float64Array(currencies * kinds);
  const runningCounts = new Float64Array(currencies * kinds);
  const order = documentOrder(ledger);
  let next = 0;
  days.forEach((day, d) => {
    while (next < ledger.count && ledger.date[order[next]!]! <= day) {
      const i = order[next++]!;
      const kind = ledger.kind[i] === 2 && ledger.amount[i]! > 0 ? kinds - 1 : ledger.kind[i]!;
      const slot = ledger.currency[i]! * kinds + kind;
      running[slot] = running[slot]! + ledger.amount[i]!;
      runningCounts[slot] = runningCounts[slot]! + 1;
    }
    sums.set(running, d * currencies * kinds);
    counts.set(runningCounts, d * currencies * kinds);
  });
  return { sums, counts, kinds };
}
