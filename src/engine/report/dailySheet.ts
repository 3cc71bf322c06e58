import { isoFromDay } from "../dates/civil";
import { serialFromDay } from "../dates/excelSerial";
import type { Language } from "../messages";
import type { Ledger } from "../ledger/ledger";
import type { DailyFigures, DayFigures } from "./dailyFigures";
import { label, type LabelKey } from "./labels";
import { a1, type ColumnStyle, type ReportBlock, type ReportChart, type ReportSheet, type ReportText, type ReportValue } from "./model";
import { amountIn, major } from "./money";

const text: ColumnStyle = { kind: "text" };
const integer: ColumnStyle = { kind: "integer" };
const plainAmount: ColumnStyle = { kind: "amount" };

const COUNT_ROWS: ReadonlyArray<readonly [LabelKey, keyof DayFigures]> = [
  ["collectedCount", "collectedCount"], ["issuedCount", "issuedCount"], ["openCount", "openCount"], ["overdueCount", "overdueCount"],
];
const AMOUNT_ROWS: ReadonlyArray<readonly [LabelKey, keyof DayFigures]> = [
  ["collectedAmount", "collected"], ["issuedAmount", "issued"], ["openAmount", "open"], ["overdueAmount", "overdue"],
];

/** AR Daily: the as-of day against the previous business day, newly overdue customers, top payers, and 30 days. */
export function dailySheet(ledger: Ledger, daily: DailyFigures, language: Language): ReportSheet {
  const texts: ReportText[] = [{ row: 0, column: 0, text: label("dailyTitle", language, isoFromDay(daily.day)), role: "title" }];
  const blocks: ReportBlock[] = [];
  const charts: ReportChart[] = [];
  const header = [label("metric", language), label("today", language), label("previousDay", language, isoFromDay(daily.previousDay)), label("change", language)];
  const active = ledger.currencies.map((_, c) => c).filter((c) => daily.series.some((s) => s.open[c] !== 0 || s.collected[c] !== 0));
  let row = 2;
  for (const c of active) {
    const code = ledger.currencies[c]!;
    const today = daily.today[c]!;
    const before = daily.previous[c]!;
    texts.push({ row, column: 0, text: label("currencyBlock", language, code), role: "subtitle" });
    blocks.push({
      row: row + 1, column: 0, header,
      rows: COUNT_ROWS.map(([key, field]) => [label(key, language), today[field], before[field], today[field] - before[field]]),
      columns: [text, integer, integer, integer],
    });
    blocks.push({
      row: row + 2 + COUNT_ROWS.length, column: 0,
      rows: AMOUNT_ROWS.map(([key, field]) => [label(key, language), major(today[field], code), major(before[field], code), major(today[field] - before[field], code)]),
      columns: [text, amountIn(code), amountIn(code), amountIn(code)],
    });
    row += 3 + COUNT_ROWS.length + AMOUNT_ROWS.length;
  }

  const customerName = (c: number) => ledger.customers[c]!.name;
  texts.push({ row, column: 0, text: label("newlyOverdue", language), role: "subtitle" });
  blocks.push({
    row: row + 1, column: 0,
    header: [label("customer", language), label("currency", language), label("overdue", language)],
    rows: daily.newlyOverdue.map((n) => [customerName(n.customer), ledger.currencies[n.currency]!, major(n.overdue, ledger.currencies[n.currency]!)]),
    columns: [text, text, plainAmount],
  });
  row += daily.newlyOverdue.length + 3;
  texts.push({ row, column: 0, text: label("topPayers", language), role: "subtitle" });
  blocks.push({
    row: row + 1, column: 0,
    header: [label("customer", language), label("currency", language), label("collectedAmount", language)],
    rows: daily.topPayers.map((p) => [customerName(p.customer), ledger.currencies[p.currency]!, major(p.amount, ledger.currencies[p.currency]!)]),
    columns: [text, text, plainAmount],
  });
  row += daily.topPayers.length + 3;

  texts.push({ row, column: 0, text: label("last30", language), role: "subtitle" });
  const seriesHeader: string[] = [label("day", language)];
  const seriesColumns: ColumnStyle[] = [{ kind: "date" }];
  for (const c of active) {
    const code = ledger.currencies[c]!;
    seriesHeader.push(`${label("collected", language)} ${code}`, `${label("openEnd", language)} ${code}`, `${label("overdueEndDay", language)} ${code}`);
    seriesColumns.push(amountIn(code), amountIn(code), amountIn(code));
  }
  const seriesRows: ReportValue[][] = daily.series.map((s) => [
    serialFromDay(s.day),
    ...active.flatMap((c) => {
      const code = ledger.currencies[c]!;
      return [major(s.collected[c]!, code), major(s.open[c]!, code), major(s.overdue[c]!, code)];
    }),
  ]);
  const tableRow = row + 1;
  blocks.push({ row: tableRow, column: 0, header: seriesHeader, rows: seriesRows, columns: seriesColumns });
  // The chart follows the currency with the largest balance today.
  const main = active.reduce((best, c) => (Math.abs(daily.today[c]!.open) > Math.abs(daily.today[best]!.open) ? c : best), active[0] ?? 0);
  const at = active.indexOf(main);
  if (at >= 0) {
    const first = tableRow + 1;
    const last = tableRow + seriesRows.length;
    charts.push({
      kind: "line",
      title: label("dailyChart", language, ledger.currencies[main]!),
      anchor: { row: tableRow, column: seriesHeader.length + 1, rows: 18, columns: 9 },
      categories: a1(first, 0, last, 0),
      series: [
        { name: seriesHeader[2 + at * 3]!, values: a1(first, 2 + at * 3, last, 2 + at * 3) },
        { name: seriesHeader[3 + at * 3]!, values: a1(first, 3 + at * 3, last, 3 + at * 3) },
      ],
    });
  }
  return {
    key: "daily",
    name: label("dailySheet", language),
    columnWidths: [34, 16, 24, 16, 16, 16, 16, 16, 16, 16],
    texts,
    blocks,
    charts,
    pageSetup: { orientation: "landscape", fitToWidth: true },
  };
}
