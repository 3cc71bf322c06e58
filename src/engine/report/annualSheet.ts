import type { Aging } from "../aging/ageLedger";
import { bucketLadder } from "../aging/bucketLadder";
import type { LossRate } from "../allowance/lossRates";
import type { Language } from "../messages";
import type { Ledger } from "../ledger/ledger";
import type { Period } from "../periods/fiscalPeriods";
import type { CollectorFigures } from "./collectorFigures";
import { label } from "./labels";
import type { ColumnStyle, ReportBlock, ReportSheet, ReportText } from "./model";
import { amountIn, major, roundTo } from "./money";
import { KPI_LADDER, type PeriodFigures } from "./periodFigures";
import { byCurrency, ifrsBlocks, periodBlocks } from "./periodSheets";

const text: ColumnStyle = { kind: "text" };
const percent: ColumnStyle = { kind: "percent" };
const TOP_CUSTOMERS = 10;

export interface AllowanceRow {
  readonly currency: number;
  readonly rates: readonly LossRate[];
  /** The rates used: from history, carried, or set by the user. */
  readonly used: readonly number[];
  readonly overridden: readonly boolean[];
}


/**
 * AR Annual: the fiscal year with its quarters as columns, the year-end aging in the IFRS 7.35N layout, the
 * allowance for expected credit losses by provision matrix, the top 10 customers, and collector performance.
 */
export function annualSheet(input: {
  ledger: Ledger;
  year: Period;
  figures: readonly PeriodFigures[];
  allowance: readonly AllowanceRow[];
  aging: Aging;
  collectors: readonly CollectorFigures[] | undefined;
  horizonDays: number;
  language: Language;
  kpiNote: string;
}): ReportSheet {
  const { ledger, year, language } = input;
  const texts: ReportText[] = [
    { row: 0, column: 0, text: label("annualTitle", language, year.label + (year.partial ? "*" : "")), role: "title" },
    { row: 1, column: 0, text: input.kpiNote, role: "note" },
  ];
  const blocks: ReportBlock[] = [];
  let row = 3;
  for (const group of byCurrency(input.figures)) {
    const code = ledger.currencies[group[0]!.currency]!;
    texts.push({ row, column: 0, text: label("currencyBlock", language, code), role: "subtitle" });
    const labels = group.map((f) => (f.period.label === year.label ? label("year", language) : f.period.label.replace(/^\d+-/, "")));
    const placed = periodBlocks(ledger, group, labels, row + 1, language);
    blocks.push(...placed.blocks);
    const ifrs = ifrsBlocks(ledger, group.at(-1)!, placed.next, language);
    texts.push(...ifrs.texts);
    blocks.push(...ifrs.blocks);
    row = ifrs.next + 1;
  }

  const bucketLabels = bucketLadder([...KPI_LADDER], "due", language).map((b) => b.label);
  for (const allowance of input.allowance) {
    const code = ledger.currencies[allowance.currency]!;
    const yearEnd = input.figures.find((f) => f.currency === allowance.currency && f.period.label === year.label);
    if (!yearEnd) continue;
    texts.push({ row, column: 0, text: `${label("allowanceTitle", language, String(input.horizonDays))} — ${code}`, role: "subtitle" });
    const rows = allowance.rates.map((r, b) => [
      bucketLabels[b]!,
      major(r.reached, code),
      major(r.lost, code),
      roundTo(allowance.used[b], 4),
      label(allowance.overridden[b] ? "rateSource.user" : r.observed ? "rateSource.history" : "rateSource.carried", language),
      major(yearEnd.gross[b]!, code),
      major(yearEnd.ecl[b]!, code),
    ]);
    rows.push([label("total", language), null, null, null, null, major(yearEnd.gross.reduce((a, b) => a + b, 0), code), major(yearEnd.expectedCreditLoss, code)]);
    blocks.push({
      row: row + 1, column: 0,
      header: [label("bucket", language), label("reached", language), label("neverCollected", language), label("lossRate", language), label("rateSource", language), label("gross", language), label("expectedCreditLoss", language)],
      rows,
      columns: [text, amountIn(code), amountIn(code), percent, text, amountIn(code), amountIn(code)],
      rowRoles: new Map([[rows.length - 1, "total"]]),
    });
    row += rows.length + 3;
  }

  // Concentration: the largest open balances per currency.
  const totals = new Map(input.aging.totals.map((t) => [t.currency, t.open]));
  for (const [currency, total] of totals) {
    if (total <= 0) continue;
    const code = ledger.currencies[currency]!;
    const top = input.aging.customers.filter((c) => c.currency === currency && c.open > 0).sort((a, b) => b.open - a.open).slice(0, TOP_CUSTOMERS);
    let cumulative = 0;
    texts.push({ row, column: 0, text: label("topCustomers", language, code), role: "subtitle" });
    blocks.push({
      row: row + 1, column: 0,
      header: [label("customer", language), label("open", language), label("share", language), label("cumulativeShare", language)],
      rows: top.map((c) => {
        cumulative += c.open;
        return [ledger.customers[c.customer]!.name, major(c.open, code), roundTo(c.open / total, 4), roundTo(cumulative / total, 4)];
      }),
      columns: [text, amountIn(code), percent, percent],
    });
    row += top.length + 3;
  }

  if (input.collectors && input.collectors.length > 0) {
    texts.push({ row, column: 0, text: label("collectorTitle", language, year.label), role: "subtitle" });
    blocks.push({
      row: row + 1, column: 0,
      header: [label("collector", language), label("currency", language), label("collected", language), label("overdueStart", language), label("overdueEnd", language), label("overdueReduced", language), label("cei", language)],
      rows: input.collectors.map((c) => {
        const code = ledger.currencies[c.currency]!;
        return [c.collector || label("unassigned", language), code, major(c.collected, code), major(c.overdueAtStart, code), major(c.overdueAtEnd, code), major(c.overdueAtStart - c.overdueAtEnd, code), roundTo(c.cei, 1)];
      }),
      // Mixed currencies in one table: amounts show plainly, the currency column says which.
      columns: [text, text, { kind: "amount" }, { kind: "amount" }, { kind: "amount" }, { kind: "amount" }, { kind: "days", numberFormat: "0.0" }],
    });
  }
  return {
    key: "annual",
    name: label("annualSheet", language),
    columnWidths: [34, 16, 16, 16, 16, 16, 16, 16],
    texts,
    blocks,
    charts: [],
    freeze: { rows: 0, columns: 1 },
    pageSetup: { orientation: "landscape", fitToWidth: true },
  };
}
