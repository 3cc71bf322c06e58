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
  const multiWord = multiWordSynonyms(synonyms);
  for (let column = 0; column < header.length; column++) {
    const cell = header[column];
    if (typeof cell !== "string") continue;
    const normalized = normalizeHeader(cell);
    if (normalized === "") continue;
    const bare = withoutCurrencyWords(normalized);
    // Containment is tested only when the header has a space: a one-word header cannot hold a multi-word synonym.
    const padded = normalized.includes(" ") ? ` ${normalized} ` : "";
    for (let fieldOrder = 0; fieldOrder < fields.length; fieldOrder++) {
      const field = fields[fieldOrder]!;
      const list = synonyms[field];
      let rank = list.indexOf(normalized);
      if (rank < 0 && bare !== normalized && bare !== "") rank = list.indexOf(bare);
      if (rank < 0 && padded !== "") {
        const wordy = multiWord.get(field)!;
        for (let k = 0; k < wordy.length; k++) {
          if (padded.includes(wordy[k]!.padded)) {
            rank = 1000 + wordy[k]!.index;
            break;
          }
        }
      }
      // Ties between fields for one column go to the field listed first (document before reference, …).
      if (rank >= 0) candidates.push({ field, column, rank: rank * 100 + fieldOrder });
    }
  }
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

/**
 * Per field, its synonyms of more than one word, padded with a space each side (" data wystawienia "), with their
 * place in the field's list: made once per synonym table, not for every header cell tried (header detection tries
 * the first 40 rows of every sheet, twice over).
 */
const multiWordCache = new WeakMap<object, Map<string, ReadonlyArray<{ padded: string; index: number }>>>();

function multiWordSynonyms<F extends string>(synonyms: Readonly<Record<F, readonly string[]>>): Map<string, ReadonlyArray<{ padded: string; index: number }>> {
  let table = multiWordCache.get(synonyms);
  if (!table) {
    table = new Map();
    for (const field of Object.keys(synonyms) as F[]) {
      const wordy: Array<{ padded: string; index: number }> = [];
      synonyms[field].forEach((synonym, index) => {
        if (synonym.includes(" ")) wordy.push({ padded: ` ${synonym} `, index });
      });
      table.set(field, wordy);
    }
    multiWordCache.set(synonyms, table);
  }
  return table;
}
