import type { DateOrder } from "../dates/parseDateText";
import { slashDateOrders } from "../dates/parseDateText";
import type { SheetGrid } from "../port";

/**
 * The day/month order of a table's slash dates (03/04/2025), settled by the values themselves: a value such as
 * 25/03/2025 can only be day-first. When every value could be either, the fallback is used and `assumed` is set
 * so the user is told.
 * @example settleDateOrder(sheet, 3, [4, 5], "dmy") //=> { order: "mdy", assumed: false }  (a column holds 03/25/2025)
 */
export function settleDateOrder(
  sheet: SheetGrid,
  headerIndex: number,
  columns: readonly number[],
  fallback: DateOrder,
): { order: DateOrder; assumed: boolean } {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    for (const column of columns) {
      const cell = row[column];
      if (typeof cell !== "string") continue;
      const orders = slashDateOrders(cell);
      if (!orders) continue;
      if (orders.length === 2) ambiguous++;
      else if (orders[0] === "dmy") dayFirst++;
      else if (orders[0] === "mdy") monthFirst++;
    }
  }
  if (dayFirst > monthFirst) return { order: "dmy", assumed: false };
  if (monthFirst > dayFirst) return { order: "mdy", assumed: false };
  return { order: fallback, assumed: ambiguous > 0 };
}
