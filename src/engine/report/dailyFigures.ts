import type { Applications } from "../ledger/applyCash";
import { cumulativeFlows, replayBalances } from "../ledger/balanceSweep";
import { documentOrder, rankOf } from "../ledger/documentOrder";
import { KIND_INVOICE, KIND_PAYMENT, type Ledger } from "../ledger/ledger";
import { previousBusinessDay } from "../periods/fiscalPeriods";

/** One day's figures for one currency. Money in minor units. */
export interface DayFigures {
  readonly collectedCount: number;
  readonly collected: number;
  readonly issuedCount: number;
  readonly issued: number;
  readonly openCount: number;
  readonly open: number;
  readonly overdueCount: number;
  readonly overdue: number;
}

export interface DailyFigures {
  readonly day: number;
  readonly previousDay: number;
  /** By currency index. */
  readonly today: readonly DayFigures[];
  readonly previous: readonly DayFigures[];
  /** Customers with overdue invoices at the end of `day` and none at the end of `previousDay`. */
  readonly newlyOverdue: ReadonlyArray<{ customer: number; currency: number; overdue: number }>;
  readonly topPayers: ReadonlyArray<{ customer: number; currency: number; amount: number }>;
  /** The last `days` days, oldest first: collected that day, open and overdue at its end, per currency. */
  readonly series: ReadonlyArray<{ day: number; collected: readonly number[]; open: readonly number[]; overdue: readonly number[] }>;
}

const TOP_PAYERS = 5;

/**
 * The daily view: today against the previous business day, customers newly overdue, the day's top payers, and a
 * 30-day history of collections and balances. Overdue means an invoice (or other debit) open past its due date.
 * One replay of the ledger gives every day's balances.
 */
export function dailyFigures(ledger: Ledger, applications: Applications, day: number, days = 30): DailyFigures {
  const previousDay = previousBusinessDay(day);
  const currencies = ledger.currencies.length;
  const window = Array.from({ length: days }, (_, k) => day - days + 1 + k);
  const checkpoints = [...new Set([previousDay, ...window])].sort((a, b) => a - b);
  const flowDays = [...new Set(checkpoints.flatMap((d) => [d - 1, d]))].sort((a, b) => a - b);
  const flows = cumulativeFlows(ledger, flowDays);
  const flowAt = new Map(flowDays.map((d, index) => [d, index]));
  const onDay = (d: number, c: number, kind: number, of: Float64Array) =>
    of[(flowAt.get(d)! * currencies + c) * flows.kinds + kind]! - of[(flowAt.get(d - 1)! * currencies + c) * flows.kinds + kind]!;

  // Balances kept up to date change by change as the ledger is replayed, rather than the open documents counted
  // again on each of the 31 days (at a million documents that was most of the daily view's time). On day d a debit
  // is overdue when open and due before d; as the days pass, debits falling due inside the window join the overdue.
  const running = Array.from({ length: currencies }, () => ({ openCount: 0, open: 0, overdueCount: 0, overdue: 0 }));
  const first = checkpoints[0]!;
  const fallingDue = dueBetween(ledger, first, checkpoints[checkpoints.length - 1]!);
  let overdueFrom = first;
  let checkpoint = 0;
  const figures = new Map<number, DayFigures[]>();
  const overdueByCustomer = new Map<number, Map<number, number>>();
  replayBalances(
    ledger,
    applications,
    checkpoints,
    (i, before, after) => {
      const b = running[ledger.currency[i]!]!;
      b.open += after - before;
      const was = before > 0;
      const is = after > 0;
      if (was !== is) b.openCount += is ? 1 : -1;
      if (ledger.due[i]! < overdueFrom) {
        b.overdue += (is ? after : 0) - (was ? before : 0);
        if (was !== is) b.overdueCount += is ? 1 : -1;
      }
    },
    (d, open) => {
      if (d === day || d === previousDay) overdueByCustomer.set(d, overdueOfCustomers(ledger, open, d));
      figures.set(
        d,
        running.map((b, c) => ({
          collectedCount: onDay(d, c, KIND_PAYMENT, flows.counts),
          collected: 0 - onDay(d, c, KIND_PAYMENT, flows.sums),
          issuedCount: onDay(d, c, KIND_INVOICE, flows.counts),
          issued: onDay(d, c, KIND_INVOICE, flows.sums),
          ...b,
        })),
      );
      // The next checkpoint's overdue: debits due from d up to the day before it, open now.
      const next = checkpoints[++checkpoint];
      if (next === undefined) return;
      for (let due = d; due < next; due++) {
        for (let k = fallingDue.start[due - first]!; k < fallingDue.start[due - first + 1]!; k++) {
          const i = fallingDue.documents[k]!;
          if (open[i]! <= 0) continue;
          const b = running[ledger.currency[i]!]!;
          b.overdue += open[i]!;
          b.overdueCount++;
        }
      }
      overdueFrom = next;
    },
  );

  const currencyRank = rankOf(ledger.currencies);
  const overdueToday = overdueByCustomer.get(day)!;
  const overdueBefore = overdueByCustomer.get(previousDay)!;
  const newlyOverdue = [...overdueToday.entries()]
    .filter(([key]) => !overdueBefore.has(key))
    .map(([key, overdue]) => ({ customer: Math.floor(key / currencies), currency: key % currencies, overdue }))
    // Ties (one customer overdue by the same amount in two currencies) go by currency code.
    .sort((a, b) => b.overdue - a.overdue || a.customer - b.customer || currencyRank[a.currency]! - currencyRank[b.currency]!);

  // The day's receipts: documents are in date order, so they are one run.
  const order = documentOrder(ledger);
  const paid = new Map<number, number>();
  for (let k = firstOnOrAfter(ledger, order, day); k < order.length && ledger.date[order[k]!] === day; k++) {
    const i = order[k]!;
    if (ledger.kind[i] !== KIND_PAYMENT || ledger.amount[i]! >= 0) continue;
    const key = ledger.customer[i]! * currencies + ledger.currency[i]!;
    paid.set(key, (paid.get(key) ?? 0) - ledger.amount[i]!);
  }
  const topPayers = [...paid.entries()]
    .map(([key, amount]) => ({ customer: Math.floor(key / currencies), currency: key % currencies, amount }))
    .sort((a, b) => b.amount - a.amount || a.customer - b.customer)
    .slice(0, TOP_PAYERS);

  const series = window.map((d) => {
    const f = figures.get(d)!;
    return { day: d, collected: f.map((x) => x.collected), open: f.map((x) => x.open), overdue: f.map((x) => x.overdue) };
  });
  return { day, previousDay, today: figures.get(day)!, previous: figures.get(previousDay)!, newlyOverdue, topPayers, series };
}

/** Overdue minor units on day d per customer and currency (key customer × currencies + currency). */
function overdueOfCustomers(ledger: Ledger, open: Float64Array, d: number): Map<number, number> {
  const currencies = ledger.currencies.length;
  const byCustomer = new Map<number, number>();
  for (let i = 0; i < ledger.count; i++) {
    const o = open[i]!;
    if (o <= 0 || ledger.due[i]! >= d) continue;
    const key = ledger.customer[i]! * currencies + ledger.currency[i]!;
    byCustomer.set(key, (byCustomer.get(key) ?? 0) + o);
  }
  return byCustomer;
}

/** The documents due on each day from `first` up to the day before `last`, as compressed rows by due day. */
function dueBetween(ledger: Ledger, first: number, last: number): { start: Int32Array; documents: Int32Array } {
  const days = Math.max(0, last - first);
  const start = new Int32Array(days + 1);
  for (let i = 0; i < ledger.count; i++) {
    const due = ledger.due[i]!;
    if (due >= first && due < last) start[due - first + 1]!++;
  }
  for (let t = 0; t < days; t++) start[t + 1]! += start[t]!;
  const documents = new Int32Array(start[days]!);
  const fill = start.slice(0, days);
  for (let i = 0; i < ledger.count; i++) {
    const due = ledger.due[i]!;
    if (due >= first && due < last) documents[fill[due - first]!++] = i;
  }
  return { start, documents };
}

/** Position in the date order of the first document dated on or after `day` (binary search). */
function firstOnOrAfter(ledger: Ledger, order: Int32Array, day: number): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ledger.date[order[middle]!]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}
