// src/xlsx: files on disk. Reads .xlsx (our zip reader and XML tokenizer, src/xlsx/zip and src/xlsx/xml; ExcelJS as
// a fallback) and .csv into the workbook port (src/engine/port.ts), and writes the report model
// (src/engine/report/model.ts) as a new .xlsx, charts included, as OOXML written directly (src/xlsx/ooxml,
// src/xlsx/charts). Uses exceljs only as the readers' fallback, loaded only then.
export { readWorkbookFile, type ReadWorkbookOptions } from "./readWorkbook";
export { readCsvFile, parseCsv, detectCsvDelimiter, decodeCsvBytes } from "./readCsv";
export { writeReportWorkbook, isValidTableName, type WriteReportOptions, type WrittenWorkbookStep } from "./writeReportWorkbook";
