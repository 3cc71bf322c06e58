// src/excel: the open workbook through Office.js. Reads sheets into the workbook port (src/engine/port.ts), writes
// report models (src/engine/report/model.ts) as report sheets that replace the previous ones as one step, keeps the
// pane's settings in the workbook. The only code that calls `Excel.run` (excelHost.ts); everything else takes a
// request context, typed against the subset of the API in excelApi.ts, so that tests run it on ./testing's
// in-memory Excel.
export { asXlContext, type XlContext } from "./excelApi";
export { officeExcelHost, supportedByManifest, MANIFEST_EXCEL_API, type ExcelHost } from "./excelHost";
export { SyncMeter } from "./syncMeter";
export { EXCEL_PAYLOAD_LIMIT_BYTES, PAYLOAD_BUDGET_BYTES } from "./payloadBytes";
export {
  discoverWorkbook,
  type DiscoveredSheet,
  type DiscoveredTable,
  type WorkbookDiscovery,
} from "./discoverWorkbook";
export { readWorkbookData, type ReadWorkbookDataOptions } from "./readWorkbookData";
export { writeReport, type WriteReportOptions, type WriteReportResult, type WrittenSheet } from "./writeReport";
export { recoverReports, type RecoverReportsResult } from "./recoverReports";
export {
  loadDeskSettings,
  saveDeskSettings,
  parseDeskSettings,
  DEFAULT_DESK_SETTINGS,
  DESK_SETTINGS_KEY,
  type AsOfRule,
  type DeskSettings,
} from "./deskSettings";
export { REPORTS_SETTING_KEY, RUN_SETTING_PREFIX } from "./ownership";
export { isValidSheetName, sanitizeSheetName, uniqueSheetName, isValidTableName } from "./sheetNames";
