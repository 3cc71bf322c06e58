import type { CellValue } from "../engine/port";

/**
 * The texts Excel shows for its error values; `Range.values` returns an error cell as one of these strings, exactly
 * as it returns a text cell holding the same characters. `Range.valueTypes` ("Error") tells them apart.
 */
export const EXCEL_ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!", "#EXTERNAL!",
]);

/** Whether a string read from `values` may be an error value (to be confirmed with `valueTypes`). */
export function mayBeExcelError(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("#") && EXCEL_ERROR_TEXTS.has(value);
}

/**
 * One value from `Range.values` in the port's terms: "" is an empty cell (null); `isError` (from `valueTypes`) makes
 * an error text an error value. Anything else Excel may send (rich values) becomes null.
 * @example cellValueFromExcel("#N/A", true)   //=> { error: "#N/A" }
 * @example cellValueFromExcel("#N/A", false)  //=> "#N/A"
 */
export function cellValueFromExcel(value: unknown, isError: boolean): CellValue {
  switch (typeof value) {
    case "string":
      if (value === "") return null;
      return isError ? { error: value } : value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "boolean":
      return value;
    default:
      return null;
  }
}
