/**
 * Excel's rules for sheet and table names, and how a report sheet gets a name nobody else holds.
 *
 * Sheet names: 1–31 characters, none of `: \ / ? * [ ]`, not starting or ending with an apostrophe, "History"
 * reserved, unique ignoring case. Table names: a letter, `_` or `\` first, then letters, digits, `_` and `.`; not a
 * cell reference; unique in the workbook ignoring case.
 */

export const MAX_SHEET_NAME_LENGTH = 31;

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/g;

/** The key under which a name is compared: Excel compares sheet and table names ignoring case. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Whether Excel accepts `name` as a sheet name (uniqueness aside).
 * @example isValidSheetName("AR Aging")  //=> true
 * @example isValidSheetName("Q1/Q2")     //=> false
 */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME_LENGTH &&
    !new RegExp(SHEET_NAME_FORBIDDEN.source).test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    nameKey(name) !== "history"
  );
}

/**
 * A valid sheet name as close to `desired` as possible: forbidden characters become "_", apostrophes at the ends go,
 * the length is cut to 31.
 * @example sanitizeSheetName("Aging: 2025/01")  //=> "Aging_ 2025_01"
 */
export function sanitizeSheetName(desired: string): string {
  let name = desired.replace(SHEET_NAME_FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim();
  if (name.length > MAX_SHEET_NAME_LENGTH) name = name.slice(0, MAX_SHEET_NAME_LENGTH).trimEnd();
  if (name === "") name = "Report";
  if (nameKey(name) === "history") name = `${name} (2)`;
  return name;
}

/**
 * `desired` (sanitized) if no name in `taken` (name keys) holds it, else "desired (2)", "desired (3)", ... shortening
 * the base so that the suffix fits in 31 characters.
 * @example uniqueSheetName("AR Aging", new Set(["ar aging"]))  //=> "AR Aging (2)"
 */
export function uniqueSheetName(desired: string, taken: ReadonlySet<string>): string {
  const base = sanitizeSheetName(desired);
  if (!taken.has(nameKey(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(nameKey(name))) return name;
  }
}

/**
 * Excel's rules for a table name: up to 255 characters; first a letter, `_` or `\`; then letters, digits, `_` and
 * `.`; not a cell reference in A1 ("AB12") or R1C1 ("R2C3", "R", "C") style.
 * @example isValidTableName("ArOpenItems")  //=> true
 * @example isValidTableName("FV2025")       //=> false  (column FV, row 2025)
 */
export function isValidTableName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false;
  if (/^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return false;
  return true;
}

/**
 * `desired` if free, else "desired2", "desired3", ... (Excel's own way of numbering a copied table).
 * @example uniqueTableName("ArOpenItems", new Set(["aropenitems"]))  //=> "ArOpenItems2"
 */
export function uniqueTableName(desired: string, taken: ReadonlySet<string>): string {
  if (!taken.has(nameKey(desired))) return desired;
  for (let n = 2; ; n++) {
    const name = `${desired}${n}`;
    if (!taken.has(nameKey(name)) && isValidTableName(name)) return name;
  }
}
