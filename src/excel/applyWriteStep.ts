import type { ConditionalFormat, ReportChart } from "../engine/report/model";
import { cellAddress, parseRectAddress } from "./a1";
import type { XlTable, XlWorksheet } from "./excelApi";
import type { WriteStep } from "./planSheetWrites";

export interface ApplyContext {
  /** The name a report table is created under (temporary until the swap). */
  readonly tableName: (reportName: string) => string;
  /** Called with every table created, to rename it at the swap. */
  readonly onTable: (reportName: string, table: XlTable) => void;
  readonly supports: (version: string) => boolean;
}

const TABLE_STYLE = "TableStyleMedium2";

/** Queues the actions of one write step on a sheet. Nothing is read back; nothing is synced here. */
export function applyWriteStep(sheet: XlWorksheet, step: WriteStep, context: ApplyContext): void {
  const rangeOf = (rect: { row: number; column: number; rows: number; columns: number }) =>
    sheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
  switch (step.kind) {
    case "numberFormat":
      // A 1×1 array sets every cell of the range (Excel's "single input copy"): one action per column, not per cell.
      rangeOf(step.rect).numberFormat = [[step.format]];
      return;
    case "values":
      rangeOf({ row: step.row, column: step.column, rows: step.rows.length, columns: step.columns }).values = step.rows;
      return;
    case "font": {
      const font = rangeOf(step.rect).format.font;
      if (step.font.bold !== undefined) font.bold = step.font.bold;
      if (step.font.italic !== undefined) font.italic = step.font.italic;
      if (step.font.size !== undefined) font.size = step.font.size;
      if (step.font.color !== undefined) font.color = step.font.color;
      return;
    }
    case "fill":
      rangeOf(step.rect).format.fill.color = step.color;
      return;
    case "alignRight":
      rangeOf(step.rect).format.horizontalAlignment = "Right";
      return;
    case "table": {
      const table = sheet.tables.add(rangeOf(step.rect), true);
      table.name = context.tableName(step.name);
      table.style = TABLE_STYLE;
      context.onTable(step.name, table);
      return;
    }
    case "conditionalFormat":
      if (context.supports("1.6")) addConditionalFormat(sheet, step.format);
      return;
    case "chart":
      addChart(sheet, step.chart, context.supports("1.7"));
      return;
    case "columnWidth":
      rangeOf({ row: 0, column: step.column, rows: 1, columns: 1 }).format.columnWidth = step.points;
      return;
    case "freeze":
      if (!context.supports("1.7")) return;
      if (step.rows > 0 && step.columns > 0) sheet.freezePanes.freezeAt(rangeOf({ row: 0, column: 0, rows: step.rows, columns: step.columns }));
      else if (step.rows > 0) sheet.freezePanes.freezeRows(step.rows);
      else sheet.freezePanes.freezeColumns(step.columns);
      return;
    case "pageSetup":
      if (!context.supports("1.9")) return;
      sheet.pageLayout.orientation = step.setup.orientation === "landscape" ? "Landscape" : "Portrait";
      // Fit to one page wide; 0 pages tall lets the rows flow onto as many pages as they need.
      if (step.setup.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      return;
    case "protect":
      // No password: the user lifts the protection in one click (Review > Unprotect Sheet).
      sheet.protection.protect({ ...step.options });
      return;
  }
}

/** A report's colour ("#5B9BD5", "5B9BD5" or "FF5B9BD5") as Office.js takes it: "#5B9BD5". */
export function officeColor(color: string): string {
  const hex = color.replace(/^#/, "");
  if (/^[0-9A-Fa-f]{8}$/.test(hex)) return `#${hex.slice(2).toUpperCase()}`;
  if (/^[0-9A-Fa-f]{6}$/.test(hex)) return `#${hex.toUpperCase()}`;
  throw new Error(`Colour "${color}" is not #RRGGBB, RRGGBB or AARRGGBB`);
}

function addConditionalFormat(sheet: XlWorksheet, format: ConditionalFormat): void {
  // A report may give several areas ("B5:B9 D5:D9"); Office.js takes one rectangle per range.
  for (const area of format.range.split(/[\s,]+/).filter((part) => part !== "")) {
    if (parseRectAddress(area) === undefined) throw new Error(`Conditional format range "${format.range}" is not A1-style`);
    const formats = sheet.getRange(area).conditionalFormats;
    switch (format.kind) {
      case "dataBar":
        formats.add("DataBar").dataBar.positiveFormat.fillColor = officeColor(format.color);
        break;
      case "greaterThan": {
        const cellValue = formats.add("CellValue").cellValue;
        cellValue.format.fill.color = officeColor(format.fill);
        cellValue.format.font.color = officeColor(format.fontColor);
        cellValue.rule = { formula1: String(format.value), operator: "GreaterThan" };
        break;
      }
      case "colorScale": {
        const [low, middle, high] = format.colors;
        formats.add("ColorScale").colorScale.criteria = {
          minimum: { type: "LowestValue", color: officeColor(low) },
          midpoint: { type: "Percentile", formula: "50", color: officeColor(middle) },
          maximum: { type: "HighestValue", color: officeColor(high) },
        };
        break;
      }
    }
  }
}

function addChart(sheet: XlWorksheet, chart: ReportChart, seriesApi: boolean): void {
  const [first, ...rest] = chart.series;
  if (first === undefined) return;
  const source = parseRectAddress(first.values);
  if (source === undefined) throw new Error(`Chart "${chart.title}": series range "${first.values}" is not A1-style`);
  // The first series' own range makes exactly one series; the others are added and pointed at their ranges.
  const added = sheet.charts.add(chart.kind === "column" ? "ColumnClustered" : "Line", sheet.getRange(first.values), source.rows === 1 ? "Rows" : "Columns");
  added.title.text = chart.title;
  const { row, column, rows, columns } = chart.anchor;
  added.setPosition(cellAddress(row, column), cellAddress(row + Math.max(rows, 1) - 1, column + Math.max(columns, 1) - 1));
  if (!seriesApi) return;
  const categories = sheet.getRange(chart.categories);
  const firstSeries = added.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setXAxisValues(categories);
  for (const series of rest) {
    const more = added.series.add(series.name);
    more.setValues(sheet.getRange(series.values));
    more.setXAxisValues(categories);
  }
}
