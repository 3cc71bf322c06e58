// src/xlsx: files on disk. Reads .xlsx (ExcelJS in memory, or a SAX streaming reader for big files) and .csv into
// the workbook port (src/engine/port.ts), and writes the report model (src/engine/report/model.ts) as a new .xlsx.
// Uses exceljs and, through it, unzipper, saxes and jszip (tests only); package.json lists only exceljs, so an
// exceljs upgrade must keep those three installed, or they should be added as direct dependencies.
export { readWorkbookFile, STREAMING_THRESHOLD_BYTES, type ReadWorkbookOptions } from "./readWorkbook";
export { readCsvFile, parseCsv, detectCsvDelimiter, decodeCsvBytes } from "./readCsv";
export {
  writeReportWorkbook,
  isValidTableName,
  STREAMING_WRITE_THRESHOLD_CELLS,
  type WriteReportOptions,
  type WrittenWorkbookStep,
} from "./writeReportWorkbook";
