import { bucketLadder } from "../aging/bucketLadder";
import { lossRates, type LossRate } from "../allowance/lossRates";
import { provisionMatrix } from "../allowance/provisionMatrix";
import { civilFromDay } from "../dates/civil";
import {
  arTurnover, averageDaysDelinquent, bestPossibleDso, collectionEffectivenessIndex, dsoCountback, dsoStandard, percentCurrent,
} from "../kpis/kpis";
import { openAt, type Applications } from "../ledger/applyCash";
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
 */
export function periodFigures(ledger: Ledger, applications: Applications, periods: readonly Period[], options: PeriodOptions): PeriodFigures[] {
  const currencies = ledger.currencies.length;
  const monthly = monthlyNetSales(ledger);
  const figures: PeriodFigures[] = [];
  for (const period of periods) {
    const flows = new Float64Array(currencies * 5); // opening, invoiced, credits, collected, writeOffs
    for (let i = 0; i < ledger.count; i++) {
      const date = ledger.date[i]!;
      if (date > period.end) continue;
      const base = ledger.currency[i]! * 5;
      const amount = ledger.amount[i]!;
      if (date < period.start) {
        flows[base]! += amount;
        continue;
      }
      const kind = ledger.kind[i]!;
      if (kind === KIND_INVOICE) flows[base + 1]! += amount;
      else if (kind === KIND_CREDIT) flows[base + 2]! -= amount;
      else if (kind === KIND_PAYMENT) flows[base + 3]! -= amount;
      else if (kind === KIND_WRITE_OFF) flows[base + 4]! -= amount;
    }
    const aging = agingAt(ledger, applications, period.end);
    const days = period.end - period.start + 1;
    for (let c = 0; c < currencies; c++) {
      const [opening, invoiced, credits, collected, writeOffs] = Array.from(flows.subarray(c * 5, c * 5 + 5)) as [number, number, number, number, number];
      const at = aging[c]!;
      if (opening === 0 && invoiced === 0 && credits === 0 && collected === 0 && writeOffs === 0 && at.total === 0) continue;
      const closing = opening + invoiced - credits - collected - writeOffs;
      const creditSales = invoiced - credits;
      const months = monthsBack(period.end, 24).map((m) => ({ sales: monthly.get(monthKey(m.start) * currencies + c) ?? 0, days: m.end - m.start + 1 }));
      const dso = dsoStandard(closing, creditSales, days);
      const bestPossible = bestPossibleDso(at.current, creditSales, days);
      const ecl = provisionMatrix(at.gross, options.rates[c] ?? []);
      figures.push({
        period,
        currency: c,
        opening, invoiced, credits, collected, writeOffs, closing, creditSales,
        current: at.current,
        overdue: at.overdue,
        dso,
        dsoCountback: closing > 0 ? dsoCountback(closing, months) : 0,
        bestPossibleDso: bestPossible,
        averageDaysDelinquent: averageDaysDelinquent(dso, bestPossible),
        cei: collectionEffectivenessIndex(opening, creditSales, closing, at.current),
        turnover: arTurnover(creditSales, opening, closing),
        percentCurrent: percentCurrent(at.current, closing),
        gross: at.gross,
        ecl: ecl.buckets,
        expectedCreditLoss: ecl.total,
        ifrsGross: toIfrs(at.gross),
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

interface AgingTotals {
  total: number;
  current: number;
  overdue: number;
  gross: number[];
}

/** Per currency on one day: total open, not-due, overdue debits, and gross debits per KPI bucket. */
export function agingAt(ledger: Ledger, applications: Applications, day: number): AgingTotals[] {
  const open = openAt(ledger, applications, day);
  const totals: AgingTotals[] = ledger.currencies.map(() => ({ total: 0, current: 0, overdue: 0, gross: [0, 0, 0, 0, 0] }));
  for (let i = 0; i < ledger.count; i++) {
    const amount = open[i]!;
    if (amount === 0) continue;
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

function monthKey(day: number): number {
  const { year, month } = civilFromDay(day);
  return year * 12 + month - 1;
}

/** Net credit sales (invoices − credit notes) per calendar month and currency: key monthKey × currencies + currency. */
function monthlyNetSales(ledger: Ledger): Map<number, number> {
  const sales = new Map<number, number>();
  const currencies = ledger.currencies.length;
  for (let i = 0; i < ledger.count; i++) {
    const kind = ledger.kind[i]!;
    if (kind !== KIND_INVOICE && kind !== KIND_CREDIT) continue;
    const key = monthKey(ledger.date[i]!) * currencies + ledger.currency[i]!;
    sales.set(key, (sales.get(key) ?? 0) + ledger.amount[i]!);
  }
  return sales;
}
