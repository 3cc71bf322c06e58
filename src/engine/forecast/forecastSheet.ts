import { isoFromDay } from "../dates/civil";
import { serialFromDay } from "../dates/excelSerial";
import type { Language } from "../messages";
import { minorUnitExponent } from "../money/currency";
import { majorFromMinor } from "../money/money";
import type { ColumnStyle, ReportBlock, ReportChart, ReportSheet, ReportText, ReportValue } from "../report/model";
import { columnLetter } from "../tables/columnLetter";
import type { CashSeries } from "./cashForecast";
import type { ForecastReport } from "./forecastReport";
import { BASIS_NAMES } from "./itemOutlook";
import { forecastLabel, type ForecastLabelKey } from "./labels";
import { NO_DAY } from "./settlementHistory";
import { firstDebitDay } from "./forecastOrder";

const text: ColumnStyle = { kind: "text" };
const amount: ColumnStyle = { kind: "amount" };
const date: ColumnStyle = { kind: "date" };
const percent: ColumnStyle = { kind: "percent" };
const days: ColumnStyle = { kind: "days", numberFormat: "0.00" };
const count: ColumnStyle = { kind: "integer" };

/** The weekly chart sits right of the weekly table, this wide and tall (cells). */
const CHART_COLUMN = 6;
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;

/**
 * The "AR Forecast" sheet ("Prognoza wpływów"): per currency the next 13 weeks (expected, P10, P90 and the naive
 * schedule by due date) with a line chart of expected vs naive, then the next 6 months; the backtest (model vs
 * baselines, calibration of p30/p60/p90, weekly cash error); and the open items with their expected payment date
 * and probabilities as an Excel table (last, so that its length does not matter). Figures come from the report;
 * this only lays them out.
 */
export function forecastSheet(report: ForecastReport, language: Language): ReportSheet {
  const { ledger, forecast, cash } = report;
  const label = (key: ForecastLabelKey, ...args: ReadonlyArray<string | number>) => forecastLabel(key, language, ...args);
  const texts: ReportText[] = [
    { row: 0, column: 0, text: label("forecastTitle", isoFromDay(forecast.asOf)), role: "title" },
    { row: 1, column: 0, text: label("forecastSubtitle", isoFromDay(firstDebitDay(ledger, forecast.asOf))), role: "subtitle" },
  ];
  const blocks: ReportBlock[] = [];
  const charts: ReportChart[] = [];
  let row = 3;

  const periodBlock = (series: CashSeries, startLabel: ForecastLabelKey): ReportBlock => {
    const exponent = minorUnitExponent(ledger.currencies[series.currency]!);
    const major = (minor: number) => majorFromMinor(Math.round(minor), exponent);
    return {
      row,
      column: 0,
      header: [label(startLabel), label("expected"), label("p10"), label("p90"), label("naive")],
      rows: series.periods.map((period, j) => [
        serialFromDay(period.start),
        major(series.expected[j]!),
        major(series.p10[j]!),
        major(series.p90[j]!),
        major(series.naive[j]!),
      ]),
      columns: [date, amount, amount, amount, amount],
    };
  };

  for (const series of cash.weekly) {
    const code = ledger.currencies[series.currency]!;
    texts.push({ row, column: 0, text: label("weeklyHeading", code), role: "subtitle" });
    row++;
    const block = periodBlock(series, "weekStart");
    blocks.push(block);
    // Data rows are block.row + 1 … block.row + n (1-based: + 2 … + n + 1).
    const first = block.row + 2;
    const last = block.row + 1 + block.rows.length;
    const range = (column: number) => `${columnLetter(column + 1)}${first}:${columnLetter(column + 1)}${last}`;
    charts.push({
      kind: "line",
      title: label("chartTitle", code),
      anchor: { row: row - 1, column: CHART_COLUMN, rows: CHART_ROWS, columns: CHART_COLUMNS },
      categories: range(0),
      series: [
        { name: label("expected"), values: range(1) },
        { name: label("naive"), values: range(4) },
      ],
    });
    row += Math.max(block.rows.length + 1, CHART_ROWS) + 1;
  }
  for (const series of cash.monthly) {
    texts.push({ row, column: 0, text: label("monthlyHeading", ledger.currencies[series.currency]!), role: "subtitle" });
    row++;
    const block = periodBlock(series, "monthStart");
    blocks.push(block);
    row += block.rows.length + 2;
  }

  texts.push({ row, column: 0, text: label("backtestHeading"), role: "subtitle" });
  row++;
  const result = report.backtest;
  if (!result) {
    texts.push({ row, column: 0, text: label("backtestSkipped"), role: "note" });
    row += 2;
  } else if (result.cutoffs.length === 0) {
    texts.push({ row, column: 0, text: label("noBacktest", result.warmupMonths, result.horizonDays), role: "note" });
    row += 2;
  } else {
    texts.push({
      row,
      column: 0,
      text: label(
        "backtestNote",
        result.cutoffs.length,
        isoFromDay(result.cutoffs[0]!),
        isoFromDay(result.cutoffs[result.cutoffs.length - 1]!),
        result.forecasts,
        result.scored,
        result.horizonDays,
        result.censored,
      ),
      role: "note",
    });
    row++;
    blocks.push({
      row,
      column: 0,
      header: [label("method"), label("mae"), label("within5"), label("bias"), label("items")],
      rows: result.methods.map((m) => [label(`method.${m.method}`), m.mae, m.within5, m.bias, m.items]),
      columns: [text, days, percent, days, count],
    });
    row += result.methods.length + 2;
    blocks.push({
      row,
      column: 0,
      header: [label("horizon"), label("predicted"), label("actual")],
      rows: result.calibration.map((c) => [c.days, c.predicted, c.actual]),
      columns: [count, percent, percent],
    });
    row += result.calibration.length + 2;
    if (result.cash.length > 0) {
      blocks.push({
        row,
        column: 0,
        header: [label("currency"), label("wape"), label("naiveWape"), label("coverage"), label("weeks")],
        rows: result.cash.map((c) => [c.currency, c.wape, c.naiveWape, c.coverage, c.weeks]),
        columns: [text, percent, percent, percent, count],
      });
      row += result.cash.length + 2;
    }
  }

  texts.push({ row, column: 0, text: label("itemsHeading"), role: "subtitle" });
  row++;
  const rows: ReportValue[][] = [];
  // Per basis and per currency once, not per item: a label is a template filled by a regular expression.
  const basisLabels = BASIS_NAMES.map((name) => label(`basis.${name}`));
  const exponents = ledger.currencies.map((code) => minorUnitExponent(code));
  for (const m of report.order) {
    const i = forecast.items[m]!;
    const code = ledger.currencies[ledger.currency[i]!]!;
    const expected = forecast.expectedDay[m]!;
    rows.push([
      ledger.document[i]!,
      ledger.customers[ledger.customer[i]!]!.name,
      code,
      majorFromMinor(Math.round(forecast.open[m]!), exponents[ledger.currency[i]!]!),
      serialFromDay(ledger.due[i]!),
      expected === NO_DAY ? null : serialFromDay(expected),
      forecast.p30[m]!,
      forecast.p60[m]!,
      forecast.p90[m]!,
      basisLabels[forecast.basis[m]!]!,
    ]);
  }
  blocks.push({
    row,
    column: 0,
    header: [
      label("document"), label("customer"), label("currency"), label("open"), label("dueDate"), label("expectedDate"),
      label("within30"), label("within60"), label("within90"), label("basis"),
    ],
    rows,
    columns: [text, text, text, amount, date, date, percent, percent, percent, text],
    table: { name: "ArForecastItems" },
  });

  return {
    key: "forecast",
    name: label("forecastSheet"),
    columnWidths: [22, 34, 16, 16, 16, 15, 15, 15, 15, 12],
    texts,
    blocks,
    charts,
  };
}
