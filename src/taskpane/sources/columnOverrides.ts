import type { CellValue, SheetGrid, WorkbookData } from "../../engine/port";
import { INVOICE_SYNONYMS, PAYMENT_SYNONYMS, type TableKind } from "../../engine/tables/columnSynonyms";
import { findTable, HEADER_SEARCH_ROWS } from "../../engine/tables/detectTables";
import { mapColumns } from "../../engine/tables/mapColumns";
import type { DeskSettings } from "../../excel";

export type ColumnOverrides = DeskSettings["columnOverrides"];

/** Which sheet each table is on, when known. */
export interface SourceSheets {
  readonly invoicesSheet?: string;
  readonly paymentsSheet?: string;
}

const SYNONYMS = { invoices: INVOICE_SYNONYMS, payments: PAYMENT_SYNONYMS } as const;

/**
 * The workbook as the engine should see it when the user has said which column holds a field: the header row of
 * each source sheet relabelled in memory so that the engine's own detection maps the chosen columns. The workbook in
 * Excel is not touched; only the copy handed to `runReceivables` changes.
 *
 * Why relabel rather than pass a mapping: `runReceivables` detects columns itself and takes no mapping. A chosen
 * column's header becomes the field's first synonym with the original text in brackets ("amount (Kwota brutto zł)"):
 * `normalizeHeader` drops bracketed notes, so it maps to the field, while `headerCurrency` still reads the currency
 * named in it. A column that loses its field is bracketed whole ("(Kwota netto)"), which maps to nothing. Cell
 * positions do not move, so issues still point at the user's cells.
 *
 * An override whose header text no longer appears in the header row is ignored (the sheet was edited since).
 * @example
 * // Header "Nr | Kontrahent | Data | Brutto | Netto", the user picks "Netto" for the amount:
 * withColumnOverrides(workbook, { invoicesSheet: "FV" }, { invoices: { amount: "Netto" }, payments: {} })
 * //=> the FV header becomes "Nr | Kontrahent | Data | (Brutto) | amount (Netto)"
 */
export function withColumnOverrides(workbook: WorkbookData, sources: SourceSheets, overrides: ColumnOverrides): WorkbookData {
  let sheets = workbook.sheets;
  for (const kind of ["invoices", "payments"] as const) {
    const name = kind === "invoices" ? sources.invoicesSheet : sources.paymentsSheet;
    const chosen = overrides[kind] as Readonly<Record<string, string | undefined>>;
    if (name === undefined || Object.keys(chosen).length === 0) continue;
    sheets = sheets.map((sheet) => (sameName(sheet.name, name) ? relabelHeader(sheet, kind, chosen) : sheet));
  }
  return sheets === workbook.sheets ? workbook : { ...workbook, sheets };
}

/** The column (index into the header row) a header text names, or -1. */
export function columnOfHeader(header: ReadonlyArray<CellValue>, text: string): number {
  const wanted = text.trim();
  return header.findIndex((cell) => cell !== null && typeof cell !== "object" && String(cell).trim() === wanted);
}

function relabelHeader(sheet: SheetGrid, kind: TableKind, chosen: Readonly<Record<string, string | undefined>>): SheetGrid {
  const synonyms: Readonly<Record<string, readonly string[]>> = SYNONYMS[kind];
  const headerIndex = findTable(sheet, kind, synonyms)?.headerIndex ?? rowNamingMost(sheet, Object.values(chosen));
  if (headerIndex === undefined) return sheet;
  const original = sheet.rows[headerIndex] ?? [];
  const targets = new Map<string, number>();
  for (const [field, text] of Object.entries(chosen)) {
    const column = text === undefined ? -1 : columnOfHeader(original, text);
    if (column >= 0 && synonyms[field] !== undefined) targets.set(field, column);
  }
  if (targets.size === 0) return sheet;

  const header: CellValue[] = [...original];
  const targetColumns = new Set(targets.values());
  const textOf = (column: number) => String(original[column] ?? "");
  for (const [field, column] of targets) header[column] = `${synonyms[field]![0]!} (${textOf(column)})`;
  // A column that still wins a chosen field (its header matches the field as well) is bracketed out, until every
  // chosen field maps where the user said. Each round brackets one more column, so this ends.
  for (let round = 0; round <= header.length; round++) {
    const mapping = mapColumns(header, synonyms);
    const wrong = [...targets].find(([field, column]) => mapping.get(field) !== column);
    if (wrong === undefined) break;
    const rival = mapping.get(wrong[0]);
    if (rival === undefined || targetColumns.has(rival)) break; // nothing left to take away: the chosen column cannot map
    header[rival] = `(${textOf(rival)})`;
  }
  const rows = sheet.rows.map((row, r) => (r === headerIndex ? header : row));
  return { ...sheet, rows };
}

/** The row among the first HEADER_SEARCH_ROWS naming the most of `texts`; undefined when none names any. */
function rowNamingMost(sheet: SheetGrid, texts: ReadonlyArray<string | undefined>): number | undefined {
  let best: { index: number; count: number } | undefined;
  for (let index = 0; index < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); index++) {
    const row = sheet.rows[index] ?? [];
    const count = texts.filter((text) => text !== undefined && columnOfHeader(row, text) >= 0).length;
    if (count > 0 && (best === undefined || count > best.count)) best = { index, count };
  }
  return best?.index;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
