import { openAt, type Applications } from "../ledger/applyCash";
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
 */
export function dailyFigures(ledger: Ledger, applications: Applications, day: number, days = 30): DailyFigures {
  const previousDay = previousBusinessDay(day);
  const currencies = ledger.currencies.length;
  const dayFigures = (d: number, open: Float64Array): DayFigures[] => {
    const f = Array.from({ length: currencies }, () => ({ collectedCount: 0, collected: 0, issuedCount: 0, issued: 0, openCount: 0, open: 0, overdueCount: 0, overdue: 0 }));
    for (let i = 0; i < ledger.count; i++) {
      const c = f[ledger.currency[i]!]!;
      const kind = ledger.kind[i]!;
      if (ledger.date[i] === d) {
        if (kind === KIND_PAYMENT && ledger.amount[i]! < 0) {
          c.collectedCount++;
          c.collected -= ledger.amount[i]!;
        } else if (kind === KIND_INVOICE) {
          c.issuedCount++;
          c.issued += ledger.amount[i]!;
        }
      }
      const o = open[i]!;
      if (o === 0) continue;
      c.open += o;
      if (o > 0) {
        c.openCount++;
        if (ledger.due[i]! < d) {
          c.overdueCount++;
          c.overdue += o;
        }
      }
    }
    return f;
  };
  const openToday = openAt(ledger, applications, day);
  const openBefore = openAt(ledger, applications, previousDay);
  const today = dayFigures(day, openToday);
  const previous = dayFigures(previousDay, openBefore);

  const overdueBy = (open: Float64Array, d: number) => {
    const sums = new Map<number, number>();
    for (let i = 0; i < ledger.count; i++) {
      if (open[i]! > 0 && ledger.due[i]! < d) {
        const key = ledger.customer[i]! * currencies + ledger.currency[i]!;
        sums.set(key, (sums.get(key) ?? 0) + open[i]!);
      }
    }
    return sums;
  };
  const overdueToday = overdueBy(openToday, day);
  const overdueBefore = overdueBy(openBefore, previousDay);
  const newlyOverdue = [...overdueToday.entries()]
    .filter(([key]) => !overdueBefore.has(key))
    .map(([key, overdue]) => ({ customer: Math.floor(key / currencies), currency: key % currencies, overdue }))
    .sort((a, b) => b.overdue - a.overdue);

  const paid = new Map<number, number>();
  for (let i = 0; i < ledger.count; i++) {
    if (ledger.date[i] !== day || ledger.kind[i] !== KIND_PAYMENT || ledger.amount[i]! >= 0) continue;
    const key = ledger.customer[i]! * currencies + ledger.currency[i]!;
    paid.set(key, (paid.get(key) ?? 0) - ledger.amount[i]!);
  }
  const topPayers = [...paid.entries()]
    .map(([key, amount]) => ({ customer: Math.floor(key / currencies), currency: key % currencies, amount }))
    .sort((a, b) => b.amount - a.amount || a.customer - b.customer)
    .slice(0, TOP_PAYERS);

  const series: Array<DailyFigures["series"][number]> = [];
  for (let d = day - days + 1; d <= day; d++) {
    const f = d === day ? today : d === previousDay ? previous : dayFigures(d, openAt(ledger, applications, d));
    series.push({ day: d, collected: f.map((x) => x.collected), open: f.map((x) => x.open), overdue: f.map((x) => x.overdue) });
  }
  return { day, previousDay, today, previous, newlyOverdue, topPayers, series };
}
