// src/xlsx/charts: native Excel charts. The report model's charts become DrawingML parts (a drawing per sheet, a
// chart part per chart, with cached values) that writeReportWorkbook writes into the package (src/xlsx/ooxml).
export { chartPartXml } from "./chartPartXml";
export { drawingPartXml, type DrawingChart } from "./drawingPartXml";
export { planSheetCharts, chartRanges, type ChartPlan } from "./planSheetCharts";
export { parseCellRange, rangeFormula, type CellRange } from "./cellRange";
