/**
 * Sizes of what crosses the wire between the add-in and Excel. Excel on the web refuses a request or a response of
 * more than 5 MB; we plan every sync to stay under `PAYLOAD_BUDGET_BYTES`, which leaves a fifth of the limit for
 * what our estimate does not see (the request's own envelope, object paths, ids).
 *
 * Sizes are UTF-8 bytes of the JSON text: "ł" counts 2, "€" 3. Decimal megabytes (the stricter reading of "MB").
 */

/** Excel on the web's cap on one request and on one response. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** What one sync may carry each way, by our estimate. */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;

/** Excel refuses to read more than 5 million cells at once; we stay at a fifth of that per sync. */
export const MAX_CELLS_PER_SYNC = 1_000_000;

/** Envelope of one queued action (action id, object path, property name), counted on top of its arguments. */
export const ACTION_OVERHEAD_BYTES = 200;

/**
 * UTF-8 length of a string, without encoding it.
 * @example utf8Length("zł")  //=> 3
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is 4 bytes for 2 UTF-16 units.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** UTF-8 bytes of a value's JSON text. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/**
 * JSON bytes of one row of cell values as Excel sends it (`["a",1,""]`) plus the comma that joins it to the next row.
 * Exact for strings, numbers and booleans.
 */
export function rowJsonBytes(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1) + 1;
  for (const value of row) bytes += cellJsonBytes(value);
  return bytes;
}

function cellJsonBytes(value: unknown): number {
  switch (typeof value) {
    case "string":
      return needsEscaping(value) ? jsonBytes(value) : utf8Length(value) + 2;
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    default:
      return jsonBytes(value ?? null);
  }
}

function needsEscaping(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c) return true;
  }
  return false;
}
