// src/xlsx/charts: native Excel charts, which ExcelJS cannot write. The report model's charts become DrawingML
// parts (a drawing per sheet, a chart part per chart, with cached values) added to the written .xlsx package by
// the after-write step `addChartParts`, which `writeReportWorkbook` runs whenever a sheet has charts.
export { addChartParts } from "./addChartParts";
export { chartPartXml } from "./chartPartXml";
export { drawingPartXml, type DrawingChart } from "./drawingPartXml";
export { insertDrawingElement } from "./insertDrawingElement";
export { planSheetCharts, chartRanges, type ChartPlan } from "./planSheetCharts";
export { parseCellRange, rangeFormula, type CellRange } from "./cellRange";
