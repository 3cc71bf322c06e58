import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { ReportWorkbook } from "../engine/report/model";
import { planSheetCharts } from "./charts/planSheetCharts";
import { writeWorkbookPackage } from "./ooxml/writeWorkbookPackage";
import { planReportSheet } from "./planReportSheet";
import { ReportCellStyles } from "./reportCellStyles";

/** A step run on the finished .xlsx, still under its temporary name (a check, a signature, an extra part). */
export type WrittenWorkbookStep = (file: string, report: ReportWorkbook) => Promise<void>;

export interface WriteReportOptions {
  /** Run on the written file, in order, before it is renamed to `path`. */
  readonly afterWrite?: readonly WrittenWorkbookStep[];
}

/**
 * Writes a report workbook as a new .xlsx at `path` (replacing a file of that name, never editing one): texts
 * (title, subtitle, note), blocks (bold header, number formats per column, bold total rows), native Excel
 * tables, column widths, frozen panes, conditional formats, the page setup (landscape and fit to width unless
 * the sheet says otherwise), sheet protection and native charts. The package's XML is written directly from the
 * sheets' plans, rows streamed and deflated as they are made (src/xlsx/ooxml), so memory does not grow with an
 * object per cell. Dates are written as serial numbers under a date format, never as JS Dates, so no time zone can
 * shift them; strings are always text cells, never formulas. The file appears under its name only once complete.
 *
 * Throws for a report that cannot be drawn as described (invalid or duplicate sheet or table names,
 * overlapping blocks, chart or conditional-format ranges that are not ranges): those are bugs in the report, not
 * in the user's data.
 * @example await writeReportWorkbook(agingReport, "out/aging-2025-01-31.xlsx")
 */
export async function writeReportWorkbook(
  report: ReportWorkbook,
  path: string,
  options: WriteReportOptions = {},
): Promise<void> {
  checkNames(report);
  const styles = new ReportCellStyles();
  const sheets = report.sheets.map((sheet) => ({
    plan: planReportSheet(sheet, styles),
    charts: sheet.charts.length > 0 ? planSheetCharts(sheet) : [],
  }));

  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeWorkbookPackage(sheets, temporary);
    for (const step of options.afterWrite ?? []) await step(temporary, report);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** Excel's rules for sheet and table names; a breach is a bug in the report description. */
function checkNames(report: ReportWorkbook): void {
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of report.sheets) {
    const name = sheet.name;
    if (name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`Invalid sheet name "${name}": 1–31 characters, none of : \\ / ? * [ ], not starting or ending with '`);
    }
    // Excel reserves "History" (change tracking).
    if (name.toLowerCase() === "history") throw new Error(`Invalid sheet name "${name}": reserved by Excel`);
    if (sheetNames.has(name.toLowerCase())) throw new Error(`Duplicate sheet name "${name}"`);
    sheetNames.add(name.toLowerCase());
    for (const block of sheet.blocks) {
      if (!block.table) continue;
      const tableName = block.table.name;
      if (!isValidTableName(tableName)) {
        throw new Error(
          `Invalid table name "${tableName}": a letter, _ or \\ first, then letters, digits, _ or .; no spaces, not a cell reference`,
        );
      }
      if (tableNames.has(tableName.toLowerCase())) throw new Error(`Duplicate table name "${tableName}"`);
      tableNames.add(tableName.toLowerCase());
    }
  }
}

/**
 * Excel's rules for a table (defined) name: up to 255 characters; first a letter, `_` or `\`; then letters,
 * digits, `_` and `.`; not a cell reference in A1 ("AB12") or R1C1 ("R2C3", "R", "C") style.
 * @example isValidTableName("AgingDetail")  //=> true
 * @example isValidTableName("FV2025")       //=> false  (column FV, row 2025)
 */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return false;
  return true;
}
