// src/xlsx/ooxml: the .xlsx package written directly as OOXML (SpreadsheetML parts as strings, zipped with
// node:zlib), from the sheets planned by src/xlsx/planReportSheet: no ExcelJS, no JSZip, rows streamed per sheet.
export { writeWorkbookPackage, type SheetToWrite, type PackageOptions } from "./writeWorkbookPackage";
export { ZipWriter, DEFAULT_DEFLATE_LEVEL } from "./zipWriter";
export { escapeXmlText, escapeXmlAttribute } from "./xmlEscape";
export { StyleSheet } from "./styleSheet";
export { SharedStrings } from "./sharedStrings";
export { tablePartXml } from "./tablePartXml";
export { worksheetXml } from "./worksheetXml";
