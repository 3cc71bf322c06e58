import type { ReceivablesRun } from "../runReceivables";
import { forecastReport, type ForecastReport } from "../forecast/forecastReport";
import { forecastSheet } from "../forecast/forecastSheet";
import { applyCash } from "../ledger/applyCash";
import { fiscalQuarters, fiscalYear } from "../periods/fiscalPeriods";
import { agingDetailSheet, agingSummarySheet, issuesSheet } from "./agingSheets";
import { annualSheet, type AllowanceRow } from "./annualSheet";
import { collectionsSheet, collectionsWorklist, type CollectionsAccount } from "./collections";
import { collectorFigures, type CollectorFigures } from "./collectorFigures";
import { dailyFigures, type DailyFigures } from "./dailyFigures";
import { dailySheet } from "./dailySheet";
import { fitColumnWidths } from "./fitColumnWidths";
import { label } from "./labels";
import type { ReportSheet, ReportWorkbook } from "./model";
import { lossRatesFor, periodFigures, type PeriodFigures } from "./periodFigures";
import { quarterlySheet } from "./periodSheets";
import type { ReportSettings, SheetKey } from "./reportSettings";
import { statementsSheet } from "./statementsSheet";

type Run = Extract<ReceivablesRun, { ok: true }>;

/** Ledgers up to this many documents get the forecast's backtest in the report; larger ones, from `receivables backtest`. */
export const BACKTEST_IN_REPORT_MAX_DOCUMENTS = 50_000;

/** Every figure behind the report sheets, computed once and shared by the sheets and the JSON. */
export interface ReportFigures {
  readonly quarters: readonly PeriodFigures[];
  /** The fiscal year's quarters, then the year itself, per currency. */
  readonly annual: readonly PeriodFigures[];
  readonly allowance: readonly AllowanceRow[];
  readonly daily: DailyFigures;
  readonly collections: readonly CollectionsAccount[];
  readonly collectors: readonly CollectorFigures[] | undefined;
  /** Payment predictions, cash forecast and backtest; computed when the forecast sheet is asked for. */
  readonly forecast: ForecastReport | undefined;
}

/**
 * Computes the figures a report needs. KPIs, loss rates and the allowance look at balances with unapplied cash
 * and credits applied oldest-first within each customer — money already received is neither overdue nor at
 * risk — whatever the aging sheets show; the roll-forward totals are the same either way.
 */
export function reportFigures(run: Run, settings: ReportSettings): ReportFigures {
  const { ledger, aging } = run;
  const applications = run.options.apply === "oldest-first" ? run.applications : applyCash(ledger, "oldest-first");
  const asOf = aging.asOf;
  const allowance: AllowanceRow[] = ledger.currencies.map((_, currency) => {
    const rates = lossRatesFor(ledger, applications, asOf, settings.horizonDays, currency);
    const overridden = rates.map((_, b) => typeof settings.lossRateOverrides[b] === "number");
    return { currency, rates, used: rates.map((r, b) => (overridden[b] ? settings.lossRateOverrides[b]! : r.rate)), overridden };
  });
  const rates = allowance.map((a) => a.used);
  const quarters = fiscalQuarters(asOf, settings.fiscalYearStartMonth);
  const year = fiscalYear(asOf, settings.fiscalYearStartMonth);
  // One sweep of the ledger for the quarters and the year: the annual sheet shows the year's quarters, then the year.
  const periods = periodFigures(ledger, applications, [...quarters, year], { rates });
  const yearQuarters = new Set(quarters.filter((q) => q.start >= year.start));
  return {
    quarters: periods.filter((figure) => figure.period !== year),
    annual: periods.filter((figure) => figure.period === year || yearQuarters.has(figure.period)),
    allowance,
    daily: dailyFigures(ledger, applications, asOf),
    collections: collectionsWorklist(ledger, aging, settings.collections),
    collectors: collectorFigures(ledger, applications, year),
    // The forecast learns from the cash application the user chose, as `receivables backtest` does. Its backtest
    // refits the model at every past month end: part of the report up to BACKTEST_IN_REPORT_MAX_DOCUMENTS.
    forecast: settings.sheets.includes("forecast")
      ? forecastReport(ledger, run.applications, asOf, { backtest: ledger.count <= BACKTEST_IN_REPORT_MAX_DOCUMENTS })
      : undefined,
  };
}

/** The report workbook: the chosen sheets, in the standard order. */
export function buildReport(run: Run, settings: ReportSettings, figures: ReportFigures = reportFigures(run, settings)): ReportWorkbook {
  const { ledger, aging } = run;
  const { language } = run.options;
  const kpiNote = label("kpiNote", language);
  const year = fiscalYear(aging.asOf, settings.fiscalYearStartMonth);
  const builders: Record<SheetKey, () => ReportSheet> = {
    aging: () => agingSummarySheet(run),
    "aging-detail": () => agingDetailSheet(run),
    daily: () => dailySheet(ledger, figures.daily, language),
    quarterly: () => quarterlySheet(ledger, fiscalQuarters(aging.asOf, settings.fiscalYearStartMonth), figures.quarters, language, kpiNote),
    annual: () =>
      annualSheet({
        ledger, year, figures: figures.annual, allowance: figures.allowance, aging, collectors: figures.collectors,
        horizonDays: settings.horizonDays, language, kpiNote,
      }),
    collections: () => collectionsSheet(ledger, aging, figures.collections, settings.collections, language),
    forecast: () => forecastSheet(figures.forecast ?? forecastReport(ledger, run.applications, aging.asOf), language),
    statements: () => statementsSheet(ledger, aging, language),
    issues: () => issuesSheet(run),
  };
  const protect = settings.protectSheets === true;
  return { sheets: settings.sheets.map((key) => ({ ...fitColumnWidths(builders[key]()), ...(protect ? { protect } : {}) })) };
}
