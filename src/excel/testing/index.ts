// src/excel/testing: a strict in-memory Excel for tests of src/excel — the subset of the Excel JavaScript API the
// adapter uses (src/excel/excelApi.ts), with Excel's loading rules, payload limits, formula coercion, name rules
// and injectable sync failures. See fakeExcel.ts for what it models and what it does not.
export { FakeExcel, type DumpedCell, type DumpedSheet, type FailureMode, type FakeExcelOptions, type SyncRecord } from "./fakeExcel";
export { FakeOfficeError } from "./fakeOfficeError";
export type { FakeSheetProtection, ProtectionOptions } from "./fakeWorkbook";
