import type { Applications } from "../ledger/applyCash";
import { cumulativeFlows, sweepBalances } from "../ledger/balanceSweep";
import { documentOrder } from "../ledger/documentOrder";
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
 * One sweep over the ledger gives every day's balances.
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

  const figures = new Map<number, DayFigures[]>();
  const overdueByCustomer = new Map<number, Map<number, number>>();
  sweepBalances(ledger, applications, checkpoints, (d, live, liveCount, open) => {
    const balances = Array.from({ length: currencies }, () => ({ openCount: 0, open: 0, overdueCount: 0, overdue: 0 }));
    const track = d === day || d === previousDay;
    const byCustomer = new Map<number, number>();
    for (let r = 0; r < liveCount; r++) {
      const i = live[r]!;
      const o = open[i]!;
      const b = balances[ledger.currency[i]!]!;
      b.open += o;
      if (o <= 0) continue;
      b.openCount++;
      if (ledger.due[i]! < d) {
        b.overdueCount++;
        b.overdue += o;
        if (track) {
          const key = ledger.customer[i]! * currencies + ledger.currency[i]!;
          byCustomer.set(key, (byCustomer.get(key) ?? 0) + o);
        }
      }
    }
    if (track) overdueByCustomer.set(d, byCustomer);
    figures.set(
      d,
      balances.map((b, c) => ({
        collectedCount: onDay(d, c, KIND_PAYMENT, flows.counts),
        collected: 0 - onDay(d, c, KIND_PAYMENT, flows.sums),
        issuedCount: onDay(d, c, KIND_INVOICE, flows.counts),
        issued: onDay(d, c, KIND_INVOICE, flows.sums),
        ...b,
      })),
    );
  });

  const overdueToday = overdueByCustomer.get(day)!;
  const overdueBefore = overdueByCustomer.get(previousDay)!;
  const newlyOverdue = [...overdueToday.entries()]
    .filter(([key]) => !overdueBefore.has(key))
    .map(([key, overdue]) => ({ customer: Math.floor(key / currencies), currency: key % currencies, overdue }))
    .sort((a, b) => b.overdue - a.overdue || a.customer - b.customer);

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
