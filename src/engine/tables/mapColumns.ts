import type { CellValue } from "../port";
import { normalizeHeader, withoutCurrencyWords } from "./normalizeHeader";

/**
 * Maps header cells to fields by synonyms. A header matches a synonym exactly, or after dropping currency words
 * ("Amount PLN"), or by containing a multi-word synonym as whole words ("Invoice date of issue"). Each field takes
 * the column whose synonym ranks highest; each column serves one field.
 * @example mapColumns(["Nr faktury", "Kontrahent"], INVOICE_SYNONYMS) //=> Map { "document" => 0, "customer" => 1 }
 */
export function mapColumns<F extends string>(
  header: ReadonlyArray<CellValue>,
  synonyms: Readonly<Record<F, readonly string[]>>,
): Map<F, number> {
  const candidates: Array<{ field: F; column: number; rank: number }> = [];
  const fields = Object.keys(synonyms) as F[];
  header.forEach((cell, column) => {
    if (typeof cell !== "string") return;
    const normalized = normalizeHeader(cell);
    if (normalized === "") return;
    const bare = withoutCurrencyWords(normalized);
    fields.forEach((field, fieldOrder) => {
      const list = synonyms[field];
      let rank = list.indexOf(normalized);
      if (rank < 0 && bare !== normalized && bare !== "") rank = list.indexOf(bare);
      if (rank < 0) {
        const padded = ` ${normalized} `;
        const contained = list.findIndex((s) => s.includes(" ") && padded.includes(` ${s} `));
        if (contained >= 0) rank = 1000 + contained;
      }
      // Ties between fields for one column go to the field listed first (document before reference, …).
      if (rank >= 0) candidates.push({ field, column, rank: rank * 100 + fieldOrder });
    });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const mapping = new Map<F, number>();
  const usedColumns = new Set<number>();
  for (const { field, column } of candidates) {
    if (mapping.has(field) || usedColumns.has(column)) continue;
    mapping.set(field, column);
    usedColumns.add(column);
  }
  return mapping;
}
