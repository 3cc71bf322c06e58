import type ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../engine/port";
import { serialFromExcelJsDate } from "./serialFromExcelJsDate";
import { SheetGridBuilder } from "./sheetGridBuilder";

/**
 * `ExcelJS.ValueType.Merge`, spelled out so that this module imports only ExcelJS's types: the Node reader loads
 * exceljs only when it needs its in-memory model.
 */
const MERGE_VALUE_TYPE: ExcelJS.ValueType = 1;

/**
 * The sheets of a workbook ExcelJS has loaded, in the port's terms (see `readWorkbookFile` for the rules). Shared by
 * the Node reader and the browser playground (which loads a picked file with `workbook.xlsx.load(arrayBuffer)`), so
 * the two cannot disagree on what a cell holds. Touches no file system: safe in a browser.
 *
 * `excelJsDate1904` must be the flag ExcelJS converted dates with (`workbook.properties.date1904 === true`), which
 * may differ from the workbook's own (ExcelJS recognises only date1904="1").
 */
export function sheetGridsFromExcelJs(workbook: ExcelJS.Workbook, excelJsDate1904: boolean): SheetGrid[] {
  return workbook.worksheets.map((worksheet) => {
    const grid = new SheetGridBuilder(worksheet.name);
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        // ExcelJS repeats the master's value in every cell of a merged range.
        if (cell.type === MERGE_VALUE_TYPE) return;
        grid.set(rowNumber, columnNumber, cellValueFromExcelJs(cell.value, excelJsDate1904));
      });
    });
    return grid.build();
  });
}

/**
 * One ExcelJS cell value in the port's terms; `date1904` is the flag ExcelJS converted dates with.
 * @example cellValueFromExcelJs({ formula: "A1*2", result: 4 }, false) //=> 4
 * @example cellValueFromExcelJs({ richText: [{ text: "Fak" }, { text: "tura" }] }, false) //=> "Faktura"
 */
export function cellValueFromExcelJs(value: unknown, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : null;
    case "string":
      return value === "" ? null : value;
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return null;
  }
  if (value instanceof Date) return serialFromExcelJsDate(value, date1904);
  const record = value as Record<string, unknown>;
  if (typeof record["error"] === "string") return { error: record["error"] };
  if (Array.isArray(record["richText"])) return textOfRuns(record["richText"]);
  if ("formula" in record || "sharedFormula" in record) {
    // A formula without a cached result (never calculated, or written by a library) has no value to report.
    return "result" in record ? cellValueFromExcelJs(record["result"], date1904) : null;
  }
  if ("hyperlink" in record || "text" in record) {
    // The text of a hyperlink cell can itself be rich text.
    return cellValueFromExcelJs(record["text"], date1904);
  }
  return null;
}

function textOfRuns(runs: readonly unknown[]): CellValue {
  const text = runs.map((run) => String((run as { text?: unknown }).text ?? "")).join("");
  return text === "" ? null : text;
}
