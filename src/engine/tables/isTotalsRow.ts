import type { CellValue } from "../port";
import { TOTAL_WORDS } from "./columnSynonyms";
import { isBlank } from "./readCells";
import { normalizeHeader } from "./normalizeHeader";

const TOTALS = new RegExp(`^(${TOTAL_WORDS.join("|")})( |$)`);

/**
 * A totals row ("Total", "Razem:", "Suma brutto") under a table: some text cell opens with a totals word and the
 * row has no date. Such rows are skipped, not counted: their figure is the sum of the rows above.
 * @example isTotalsRow(["Razem", null, null, 1234.5], 1) //=> true
 */
export function isTotalsRow(row: ReadonlyArray<CellValue>, dateColumn: number | undefined): boolean {
  if (dateColumn !== undefined && !isBlank(row[dateColumn])) return false;
  return row.some((cell) => typeof cell === "string" && TOTALS.test(normalizeHeader(cell)));
}
