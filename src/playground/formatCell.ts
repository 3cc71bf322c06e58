import { isoFromDay } from "../engine/dates/civil";
import { dayFromSerial } from "../engine/dates/excelSerial";
import type { StoredCell } from "../excel/testing/fakeWorkbook";

/**
 * A cell as the grid shows it: numbers under the few formats the reports and the sample use (dates, amounts,
 * percentages, whole numbers), everything else as Excel's General would roughly show it.
 * @example formatCell(46356, "yyyy-mm-dd", false) //=> "2026-11-30"
 * @example formatCell(1234.5, "#,##0.00;-#,##0.00", false) //=> "1,234.50"
 */
export function formatCell(cell: StoredCell | undefined, numberFormat: string, date1904: boolean): string {
  if (cell === undefined) return "";
  if (typeof cell === "object") return "error" in cell ? cell.error : cell.formula;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "string") return cell;
  if (/y{2}|d{1,2}.m{1,2}|m{1,2}.d{1,2}/i.test(numberFormat)) {
    const day = dayFromSerial(cell, date1904);
    return day.ok ? isoFromDay(day.day) : String(cell);
  }
  if (numberFormat.includes("%")) {
    const decimals = /\.(0+)%/.exec(numberFormat)?.[1]?.length ?? 0;
    return `${(cell * 100).toFixed(decimals)}%`;
  }
  if (numberFormat.startsWith("#,##0")) {
    const decimals = /^#,##0\.(0+)/.exec(numberFormat)?.[1]?.length ?? 0;
    return cell.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  if (numberFormat === "0") return cell.toFixed(0);
  // General: up to 11 significant characters, as Excel's column would.
  return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(10)));
}
