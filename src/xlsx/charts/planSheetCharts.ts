import type { ReportChart, ReportSheet, ReportValue } from "../../engine/report/model";
import { planReportSheet } from "../planReportSheet";
import { ReportCellStyles } from "../reportCellStyles";
import { parseCellRange, rangeCells, rangeFormula, rangeLength, type CellRange } from "./cellRange";

/** A chart ready to be written: its formulas, and the values they point at, cached for viewers that do not recalculate. */
export interface ChartPlan {
  readonly kind: ReportChart["kind"];
  readonly title: string;
  readonly anchor: ReportChart["anchor"];
  /**
   * Text categories are a string reference; number categories (dates above all) a number reference with the
   * cells' number format, so that the axis shows 2026-11-01 and not the serial 46327.
   */
  readonly categories:
    | { readonly kind: "text"; readonly formula: string; readonly labels: ReadonlyArray<string | null> }
    | { readonly kind: "number"; readonly formula: string; readonly formatCode: string; readonly values: ReadonlyArray<number | null> };
  readonly series: ReadonlyArray<{
    readonly name: string;
    readonly formula: string;
    /** Number format of the values' cells, for the value axis and the cache. */
    readonly formatCode: string;
    readonly values: ReadonlyArray<number | null>;
  }>;
}

interface ChartRanges {
  readonly categories: CellRange;
  readonly series: readonly CellRange[];
}

/**
 * Checks a chart of a report sheet and returns its ranges. Throws, naming the sheet and the chart, for what is a
 * bug in the report description: an anchor that is not a rectangle of whole cells, a range that is not one row
 * or one column of the same sheet, no series, or series whose length differs from the categories'.
 */
export function chartRanges(sheetName: string, chart: ReportChart): ChartRanges {
  const where = `Report sheet "${sheetName}", chart "${chart.title}"`;
  if (chart.kind !== "column" && chart.kind !== "line") throw new Error(`${where}: unknown kind ${String(chart.kind)}`);
  const { row, column, rows, columns } = chart.anchor;
  if (![row, column, rows, columns].every((n) => Number.isInteger(n)) || row < 0 || column < 0 || rows < 1 || columns < 1) {
    throw new Error(`${where}: the anchor must be whole cells (row, column ≥ 0; rows, columns ≥ 1)`);
  }
  const oneLine = (text: string, what: string): CellRange => {
    const range = parseCellRange(text);
    if (range === null || (range.top !== range.bottom && range.left !== range.right)) {
      throw new Error(`${where}: ${what} "${text}" must be one row or one column of the same sheet, like B5:F5`);
    }
    return range;
  };
  const categories = oneLine(chart.categories, "categories");
  if (chart.series.length === 0) throw new Error(`${where}: a chart needs at least one series`);
  const series = chart.series.map(({ name, values }) => {
    const range = oneLine(values, `values of series "${name}"`);
    if (rangeLength(range) !== rangeLength(categories)) {
      throw new Error(`${where}: series "${name}" has ${rangeLength(range)} values for ${rangeLength(categories)} categories`);
    }
    return range;
  });
  return { categories, series };
}

/**
 * The charts of a report sheet with their formulas and cached values, taken from the cells the sheet writes (so
 * the cache is what Excel would compute): category labels as text, or as numbers with their format when every
 * label is a number (dates); series values as numbers (a cell that is empty or not a number is left out of the
 * cache, as Excel shows it: a gap).
 */
export function planSheetCharts(sheet: ReportSheet): ChartPlan[] {
  const ranges = sheet.charts.map((chart) => chartRanges(sheet.name, chart));
  const cells = sourceCells(sheet, ranges.flatMap((r) => [r.categories, ...r.series]));
  const at = (row: number, column: number) => cells.get(cellKey(row, column));

  return sheet.charts.map((chart, index) => {
    const { categories, series } = ranges[index]!;
    return {
      kind: chart.kind,
      title: chart.title,
      anchor: chart.anchor,
      categories: categoriesOf(rangeFormula(sheet.name, categories), rangeCells(categories).map(({ row, column }) => at(row, column))),
      series: chart.series.map(({ name }, s) => {
        const cellsOfSeries = rangeCells(series[s]!).map(({ row, column }) => at(row, column));
        return { name, formula: rangeFormula(sheet.name, series[s]!), ...numbersOf(cellsOfSeries) };
      }),
    };
  });
}

interface SourceCell {
  readonly value: ReportValue;
  readonly numFmt: string | undefined;
}

/** The written cells inside the given ranges, read from the sheet's plan up to the last row any range needs. */
function sourceCells(sheet: ReportSheet, ranges: readonly CellRange[]): Map<string, SourceCell> {
  const cells = new Map<string, SourceCell>();
  if (ranges.length === 0) return cells;
  const lastRow = Math.max(...ranges.map((range) => range.bottom));
  const inside = (row: number, column: number) =>
    ranges.some((range) => range.top <= row && row <= range.bottom && range.left <= column && column <= range.right);
  for (const { row, cells: rowCells } of planReportSheet(sheet, new ReportCellStyles()).rows()) {
    if (row > lastRow) break;
    for (const { column, value, style } of rowCells) {
      if (inside(row, column)) cells.set(cellKey(row, column), { value, numFmt: style.numFmt });
    }
  }
  return cells;
}

function categoriesOf(formula: string, cells: ReadonlyArray<SourceCell | undefined>): ChartPlan["categories"] {
  const present = cells.filter((cell) => cell !== undefined && cell.value !== null);
  if (present.length > 0 && present.every((cell) => typeof cell?.value === "number")) {
    return { kind: "number", formula, ...numbersOf(cells) };
  }
  return { kind: "text", formula, labels: cells.map((cell) => labelOf(cell?.value ?? null)) };
}

/** Numbers of a range (a cell that is empty or not a number is a gap) and the number format of the first. */
function numbersOf(cells: ReadonlyArray<SourceCell | undefined>): { formatCode: string; values: Array<number | null> } {
  const formatCode = cells.find((cell) => typeof cell?.value === "number")?.numFmt ?? "General";
  return { formatCode, values: cells.map((cell) => (typeof cell?.value === "number" ? cell.value : null)) };
}

function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

function labelOf(value: ReportValue): string | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
