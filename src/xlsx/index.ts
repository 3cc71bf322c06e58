// src/xlsx: files on disk. Reads .xlsx (ExcelJS in memory, or a SAX streaming reader for big files) and .csv into
// the workbook port (src/engine/port.ts), and writes the report model (src/engine/report/model.ts) as a new .xlsx,
// charts included (src/xlsx/charts). Uses exceljs, unzipper and saxes (readers) and jszip (adding chart parts to
// the written package; exceljs depends on it too).
export { readWorkbookFile, STREAMING_THRESHOLD_BYTES, type ReadWorkbookOptions } from "./readWorkbook";
export { readCsvFile, parseCsv, detectCsvDelimiter, decodeCsvBytes } from "./readCsv";
export {
  writeReportWorkbook,
  isValidTableName,
  STREAMING_WRITE_THRESHOLD_CELLS,
  type WriteReportOptions,
  type WrittenWorkbookStep,
} from "./writeReportWorkbook";
export { addChartParts } from "./charts";
