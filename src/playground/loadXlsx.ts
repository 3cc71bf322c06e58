import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WorkbookData } from "../engine/port";
import { FakeExcel } from "../excel/testing";
import { sheetGridsFromExcelJs } from "../xlsx/sheetGridsFromExcelJs";

/**
 * An .xlsx the user picked, in the in-memory Excel: its values as the Node reader reads them (the cell rules are
 * shared: src/xlsx/sheetGridsFromExcelJs.ts), date cells under a date format so the grid shows them as dates.
 * Everything happens in the page; the file goes nowhere.
 */
export async function loadXlsx(bytes: ArrayBuffer): Promise<FakeExcel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const excelJsDate1904 = workbook.properties.date1904 === true;
  const data: WorkbookData = { sheets: sheetGridsFromExcelJs(workbook, excelJsDate1904), date1904: await workbookDate1904(bytes) };
  const excel = FakeExcel.fromWorkbookData(data);
  for (const worksheet of workbook.worksheets) {
    const target = excel.sheet(worksheet.name);
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        if (cell.value instanceof Date) target.setNumberFormat(rowNumber - 1, columnNumber - 1, "yyyy-mm-dd");
      });
    });
  }
  return excel;
}

/**
 * The workbook's own date system, from `<workbookPr date1904>` in xl/workbook.xml: ExcelJS recognises only "1",
 * LibreOffice writes "true" (the Node reader does the same, in src/xlsx/readWorkbookManifest.ts).
 */
async function workbookDate1904(bytes: ArrayBuffer): Promise<boolean> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const attribute = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["']([^"']*)["']/.exec(xml)?.[1];
  return attribute !== undefined && /^\s*(1|true)\s*$/i.test(attribute);
}
