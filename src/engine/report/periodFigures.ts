import { bucketLadder } from "../aging/bucketLadder";
import { lossRates, type LossRate } from "../allowance/lossRates";
import { provisionMatrix } from "../allowance/provisionMatrix";
import {
  arTurnover, averageDaysDelinquent, bestPossibleDso, collectionEffectivenessIndex, dsoCountback, dsoStandard, percentCurrent,
} from "../kpis/kpis";
import type { Applications } from "../ledger/applyCash";
import { cumulativeFlows, sweepBalances } from "../ledger/balanceSweep";
import { KIND_CREDIT, KIND_INVOICE, KIND_PAYMENT, KIND_WRITE_OFF, type Ledger } from "../ledger/ledger";
import { monthsBack, type Period } from "../periods/fiscalPeriods";

/** The due-date ladder behind the KPIs and the allowance, whatever ladder the user chose for the aging sheets. */
export const KPI_LADDER = [30, 60, 90] as const;
/** IFRS 7.35N columns: Current (up to 30 days past due), more than 30, more than 60, more than 90. */
export const IFRS_COLUMNS = 4;

/** A period's roll-forward and KPIs for one currency. Money in minor units; ratios as plain numbers. */
export interface PeriodFigures {
  readonly period: Period;
  readonly currency: number;
  readonly opening: number;
  readonly invoiced: number;
  readonly credits: number;
  readonly collected: number;
  readonly writeOffs: number;
  /** opening + invoiced − credits − collected − writeOffs; equals the aging total at the period end. */
  readonly closing: number;
  /** Net credit sales: invoiced − credit notes. */
  readonly creditSales: number;
  /** Open amount not yet due at the period end (debits and credits alike). */
  readonly current: number;
  readonly overdue: number;
  readonly dso: number | undefined;
  readonly dsoCountback: number | undefined;
  readonly bestPossibleDso: number | undefined;
  readonly averageDaysDelinquent: number | undefined;
  readonly cei: number | undefined;
  readonly turnover: number | undefined;
  readonly percentCurrent: number | undefined;
  /** Gross debit balances per KPI_LADDER bucket (Not due, 1–30, 31–60, 61–90, 91+) at the period end. */
  readonly gross: readonly number[];
  /** Expected credit loss per KPI_LADDER bucket, and in total. */
  readonly ecl: readonly number[];
  readonly expectedCreditLoss: number;
  /** Gross and ECL in the IFRS 7.35N columns. */
  readonly ifrsGross: readonly number[];
  readonly ifrsEcl: readonly number[];
}

export interface PeriodOptions {
  /** Loss rates per KPI_LADDER bucket, per currency index; from `lossRatesFor` unless the user overrides them. */
  readonly rates: ReadonlyArray<readonly number[]>;
}

/** Loss rates from the history known at `asOf`, for the KPI ladder, for one currency. */
export function lossRatesFor(ledger: Ledger, applications: Applications, asOf: number, horizonDays: number, currency: number): LossRate[] {
  return lossRates(ledger, applications, asOf, bucketLadder([...KPI_LADDER], "due", "en"), horizonDays, currency);
}

/**
 * Roll-forward and KPIs for each period and currency. Documents flow into the period holding their date; the
 * closing balance is the sum of open items at the period end, which is what the aging shows on that day.
 * One sweep over the ledger serves every period (running sums at the period and month boundaries, balances at
 * the period ends).
 */
export function periodFigures(ledger: Ledger, applications: Applications, periods: readonly Period[], options: PeriodOptions): PeriodFigures[] {
  const currencies = ledger.currencies.length;
  const monthsOf = new Map(periods.map((p) => [p, monthsBack(p.end, 24)]));
  const boundaries = [...new Set(periods.flatMap((p) => [p.start - 1, p.end, ...monthsOf.get(p)!.flatMap((m) => [m.start - 1, m.end])]))].sort((a, b) => a - b);
  const at = new Map(boundaries.map((day, index) => [day, index]));
  const flows = cumulativeFlows(ledger, boundaries);
  const cumulative = (day: number, c: number, kind: number) => flows.sums[(at.get(day)! * currencies + c) * flows.kinds + kind]!;
  const between = (from: number, to: number, c: number, kind: number) => cumulative(to, c, kind) - cumulative(from, c, kind);

  const ends = [...new Set(periods.map((p) => p.end))].sort((a, b) => a - b);
  const agingByDay = new Map<number, AgingTotals[]>();
  sweepBalances(ledger, applications, ends, (day, live, liveCount, open) => agingByDay.set(day, agingTotals(ledger, day, live, liveCount, open)));

  const figures: PeriodFigures[] = [];
  for (const period of periods) {
    const aging = agingByDay.get(period.end)!;
    const days = period.end - period.start + 1;
    const before = period.start - 1;
    for (let c = 0; c < currencies; c++) {
      let opening = 0;
      for (let kind = 0; kind < flows.kinds; kind++) opening += cumulative(before, c, kind);
      const invoiced = between(before, period.end, c, KIND_INVOICE);
      // "0 −" rather than unary minus: no −0 in the figures.
      const credits = 0 - between(before, period.end, c, KIND_CREDIT);
      const collected = 0 - (between(before, period.end, c, KIND_PAYMENT) + between(before, period.end, c, flows.kinds - 1));
      const writeOffs = 0 - between(before, period.end, c, KIND_WRITE_OFF);
      const balances = aging[c]!;
      if (opening === 0 && invoiced === 0 && credits === 0 && collected === 0 && writeOffs === 0 && balances.total === 0) continue;
      const closing = opening + invoiced - credits - collected - writeOffs;
      const creditSales = invoiced - credits;
      const months = monthsOf.get(period)!.map((m) => ({
        sales: between(m.start - 1, m.end, c, KIND_INVOICE) + between(m.start - 1, m.end, c, KIND_CREDIT),
        days: m.end - m.start + 1,
      }));
      const dso = dsoStandard(closing, creditSales, days);
      const bestPossible = bestPossibleDso(balances.current, creditSales, days);
      const ecl = provisionMatrix(balances.gross, options.rates[c] ?? []);
      figures.push({
        period,
        currency: c,
        opening, invoiced, credits, collected, writeOffs, closing, creditSales,
        current: balances.current,
        overdue: balances.overdue,
        dso,
        dsoCountback: closing > 0 ? dsoCountback(closing, months) : 0,
        bestPossibleDso: bestPossible,
        averageDaysDelinquent: averageDaysDelinquent(dso, bestPossible),
        cei: collectionEffectivenessIndex(opening, creditSales, closing, balances.current),
        turnover: arTurnover(creditSales, opening, closing),
        percentCurrent: percentCurrent(balances.current, closing),
        gross: balances.gross,
        ecl: ecl.buckets,
        expectedCreditLoss: ecl.total,
        ifrsGross: toIfrs(balances.gross),
        ifrsEcl: toIfrs(ecl.buckets),
      });
    }
  }
  return figures;
}

/** KPI_LADDER buckets → IFRS columns: Not due and 1–30 are both "Current". */
function toIfrs(buckets: readonly number[]): number[] {
  return [buckets[0]! + buckets[1]!, buckets[2]!, buckets[3]!, buckets[4]!];
}

export interface AgingTotals {
  total: number;
  current: number;
  overdue: number;
  gross: number[];
}

/** Per currency on one day, from the open documents: total open, not-due, overdue debits, gross debits per KPI bucket. */
export function agingTotals(ledger: Ledger, day: number, live: Int32Array, liveCount: number, open: Float64Array): AgingTotals[] {
  const totals: AgingTotals[] = ledger.currencies.map(() => ({ total: 0, current: 0, overdue: 0, gross: [0, 0, 0, 0, 0] }));
  for (let r = 0; r < liveCount; r++) {
    const i = live[r]!;
    const amount = open[i]!;
    const t = totals[ledger.currency[i]!]!;
    t.total += amount;
    const pastDue = day - ledger.due[i]!;
    if (pastDue <= 0) t.current += amount;
    if (amount <= 0) continue;
    if (pastDue > 0) t.overdue += amount;
    const bucket = pastDue <= 0 ? 0 : pastDue <= KPI_LADDER[0] ? 1 : pastDue <= KPI_LADDER[1] ? 2 : pastDue <= KPI_LADDER[2] ? 3 : 4;
    t.gross[bucket]! += amount;
  }
  return totals;
}
