import { isoFromDay } from "../dates/civil";
import type { Language } from "../messages";
import type { Ledger } from "../ledger/ledger";
import type { Period } from "../periods/fiscalPeriods";
import { label, type LabelKey } from "./labels";
import { a1, type ColumnStyle, type ReportBlock, type ReportChart, type ReportSheet, type ReportText, type ReportValue } from "./model";
import { amountIn, major, roundTo } from "./money";
import type { PeriodFigures } from "./periodFigures";

const text: ColumnStyle = { kind: "text" };
const days: ColumnStyle = { kind: "days", numberFormat: "0.0" };
const percent: ColumnStyle = { kind: "percent" };

type AmountField = "opening" | "invoiced" | "credits" | "collected" | "writeOffs" | "closing" | "creditSales" | "expectedCreditLoss";
const AMOUNT_ROWS: ReadonlyArray<readonly [LabelKey, AmountField]> = [
  ["opening", "opening"], ["invoiced", "invoiced"], ["credits", "credits"], ["collected", "collected"],
  ["writeOffs", "writeOffs"], ["closing", "closing"], ["creditSales", "creditSales"], ["expectedCreditLoss", "expectedCreditLoss"],
];
type DayField = "dso" | "dsoCountback" | "bestPossibleDso" | "averageDaysDelinquent" | "cei" | "turnover";
const DAY_ROWS: ReadonlyArray<readonly [LabelKey, DayField]> = [
  ["dso", "dso"], ["dsoCountback", "dsoCountback"], ["bestPossibleDso", "bestPossibleDso"],
  ["averageDaysDelinquent", "averageDaysDelinquent"], ["cei", "cei"], ["turnover", "turnover"],
];

/**
 * A block of measures (rows) by period (columns) for one currency, as three stacked blocks so each keeps one
 * number format: amounts, day-like figures, shares. Returns the blocks and the row after them.
 */
export function periodBlocks(
  ledger: Ledger,
  figures: readonly PeriodFigures[],
  periodLabels: readonly string[],
  row: number,
  language: Language,
): { blocks: ReportBlock[]; next: number; closingRow: number } {
  const code = ledger.currencies[figures[0]!.currency]!;
  const header = [label("metric", language), ...periodLabels];
  const amounts: ReportValue[][] = AMOUNT_ROWS.map(([key, field]) => [label(key, language), ...figures.map((f) => major(f[field], code))]);
  const dayRows: ReportValue[][] = DAY_ROWS.map(([key, field]) => [label(key, language), ...figures.map((f) => roundTo(f[field], 1))]);
  const shares: ReportValue[][] = [[label("percentCurrent", language), ...figures.map((f) => roundTo(f.percentCurrent, 4))]];
  const width = figures.length;
  const amountBlock: ReportBlock = {
    row, column: 0, header, rows: amounts,
    columns: [text, ...Array.from({ length: width }, () => amountIn(code))],
    rowRoles: new Map([[5, "total"]]),
  };
  const dayBlock: ReportBlock = { row: row + 1 + amounts.length, column: 0, rows: dayRows, columns: [text, ...Array.from({ length: width }, () => days)] };
  const shareBlock: ReportBlock = { row: dayBlock.row + dayRows.length, column: 0, rows: shares, columns: [text, ...Array.from({ length: width }, () => percent)] };
  return { blocks: [amountBlock, dayBlock, shareBlock], next: shareBlock.row + shares.length + 1, closingRow: row + 1 + 5 };
}

/** The IFRS 7.35N disclosure for one currency at one date: rows rate, gross, ECL; columns by days past due. */
export function ifrsBlocks(ledger: Ledger, f: PeriodFigures, row: number, language: Language): { texts: ReportText[]; blocks: ReportBlock[]; next: number } {
  const code = ledger.currencies[f.currency]!;
  const header = [
    "", label("ifrsCurrent", language), label("ifrsMore30", language), label("ifrsMore60", language), label("ifrsMore90", language), label("total", language),
  ];
  const grossTotal = f.ifrsGross.reduce((a, b) => a + b, 0);
  const eclTotal = f.ifrsEcl.reduce((a, b) => a + b, 0);
  const rate = (ecl: number, gross: number) => (gross > 0 ? roundTo(ecl / gross, 4) : null);
  return {
    texts: [{ row, column: 0, text: `${label("ifrsTitle", language, isoFromDay(f.period.end))} — ${code}`, role: "subtitle" }],
    blocks: [
      {
        row: row + 1, column: 0, header,
        rows: [[label("expectedLossRate", language), ...f.ifrsEcl.map((e, i) => rate(e, f.ifrsGross[i]!)), rate(eclTotal, grossTotal)]],
        columns: [text, percent, percent, percent, percent, percent],
      },
      {
        row: row + 3, column: 0,
        rows: [
          [label("grossCarrying", language), ...f.ifrsGross.map((g) => major(g, code)), major(grossTotal, code)],
          [label("lifetimeEcl", language), ...f.ifrsEcl.map((e) => major(e, code)), major(eclTotal, code)],
        ],
        columns: [text, ...Array.from({ length: 5 }, () => amountIn(code))],
        rowRoles: new Map([[1, "total"]]),
      },
    ],
    next: row + 6,
  };
}

/** The figures of each currency, in currency order, for the given periods. */
export function byCurrency(figures: readonly PeriodFigures[]): PeriodFigures[][] {
  const groups = new Map<number, PeriodFigures[]>();
  for (const f of figures) groups.set(f.currency, [...(groups.get(f.currency) ?? []), f]);
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
}

/** AR Quarterly: roll-forward and KPIs per quarter and currency, the IFRS 7.35N aging at the last quarter end, a chart. */
export function quarterlySheet(ledger: Ledger, quarters: readonly Period[], figures: readonly PeriodFigures[], language: Language, kpiNote: string): ReportSheet {
  const texts: ReportText[] = [
    { row: 0, column: 0, text: label("quarterlyTitle", language, `${quarters[0]?.label ?? ""} – ${quarters.at(-1)?.label ?? ""}`), role: "title" },
    { row: 1, column: 0, text: kpiNote, role: "note" },
  ];
  const blocks: ReportBlock[] = [];
  const charts: ReportChart[] = [];
  let row = 3;
  const groups = byCurrency(figures);
  for (const group of groups) {
    const code = ledger.currencies[group[0]!.currency]!;
    texts.push({ row, column: 0, text: label("currencyBlock", language, code), role: "subtitle" });
    const labels = group.map((f) => f.period.label + (f.period.partial ? "*" : ""));
    const placed = periodBlocks(ledger, group, labels, row + 1, language);
    blocks.push(...placed.blocks);
    charts.push({
      kind: "column",
      title: label("closingChart", language, code),
      anchor: { row: row + 1, column: group.length + 2, rows: 16, columns: 8 },
      categories: a1(row + 1, 1, row + 1, group.length),
      series: [{ name: label("closing", language), values: a1(placed.closingRow, 1, placed.closingRow, group.length) }],
    });
    const ifrs = ifrsBlocks(ledger, group.at(-1)!, placed.next, language);
    texts.push(...ifrs.texts);
    blocks.push(...ifrs.blocks);
    row = Math.max(ifrs.next + 1, row + 19);
  }
  return {
    key: "quarterly",
    name: label("quarterlySheet", language),
    columnWidths: [34, ...Array.from({ length: 9 }, () => 15)],
    texts,
    blocks,
    charts,
    freeze: { rows: 0, columns: 1 },
    pageSetup: { orientation: "landscape", fitToWidth: true },
  };
}
