import { readFile, stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue, WorkbookData } from "../engine/port";
import { readWorkbookManifest } from "./readWorkbookManifest";
import { readWorkbookStreaming } from "./readWorkbookStreaming";
import { serialFromExcelJsDate } from "./serialFromExcelJsDate";
import { SheetGridBuilder } from "./sheetGridBuilder";
import { openZipPackage } from "./zipPackage";

/**
 * Above this size the streaming reader is used by default. ExcelJS's in-memory model costs about 0.55 GB and
 * 5.7 s for 100,000 rows × 8 columns (a ~4 MB file); the streaming reader keeps only the values.
 */
export const STREAMING_THRESHOLD_BYTES = 8 * 1024 * 1024;

export interface ReadWorkbookOptions {
  /** Force (true) or forbid (false) the streaming reader; by default it is used for files over 8 MB. */
  readonly streaming?: boolean;
}

/**
 * Reads an .xlsx into the workbook port: every sheet in workbook order, values as Excel stores them.
 *
 * - Numbers stay numbers; a date cell is its serial in the workbook's own date system (`date1904` says which).
 * - Text stays exactly as stored (leading zeros and spaces kept); empty text is `null`, like an empty cell.
 * - A formula gives its cached result (`null` when the file has none); rich text and hyperlinks give their text;
 *   an error value gives `{ error: "#N/A" }`.
 * - In a merged range only the top-left cell has a value.
 * - Rows start at A1 (`firstRow` = `firstColumn` = 1); trailing blanks are dropped.
 *
 * By default files over 8 MB, and files ExcelJS's in-memory model fails on, go through the streaming reader.
 * The file is only read; nothing is ever written back to it.
 * @example (await readWorkbookFile("ledger.xlsx")).sheets[0]?.rows[0]  //=> ["Invoice", "Customer", "Due", "Amount"]
 */
export async function readWorkbookFile(path: string, options: ReadWorkbookOptions = {}): Promise<WorkbookData> {
  if (options.streaming !== undefined) {
    return options.streaming ? readWorkbookStreaming(path) : readWorkbookInMemory(path);
  }
  if ((await stat(path)).size > STREAMING_THRESHOLD_BYTES) return readWorkbookStreaming(path);
  try {
    return await readWorkbookInMemory(path);
  } catch (inMemoryError) {
    // ExcelJS's model parses every part (styles, drawings, comments) and has been seen to fail on a chart plus a
    // comment; the streaming reader reads only the workbook, shared strings and sheets. The first error is the
    // one reported when both fail.
    try {
      return await readWorkbookStreaming(path);
    } catch {
      throw inMemoryError;
    }
  }
}

async function readWorkbookInMemory(path: string): Promise<WorkbookData> {
  const bytes = await readFile(path);
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's Buffer type predates Node 20's generic Buffer.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  // ExcelJS recognises only date1904="1"; the flag reported comes from the workbook part itself, while the Dates
  // ExcelJS made must be inverted with the flag ExcelJS used.
  const { date1904 } = await readWorkbookManifest(await openZipPackage(bytes));
  const excelJsDate1904 = workbook.properties.date1904 === true;

  const sheets = workbook.worksheets.map((worksheet) => {
    const grid = new SheetGridBuilder(worksheet.name);
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        // ExcelJS repeats the master's value in every cell of a merged range.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        grid.set(rowNumber, columnNumber, cellValueFromExcelJs(cell.value, excelJsDate1904));
      });
    });
    return grid.build();
  });
  return { sheets, date1904 };
}

/** One ExcelJS cell value in the port's terms; `date1904` is the flag ExcelJS converted dates with. */
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
