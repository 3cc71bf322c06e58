/** A1-style addresses for 0-based cell coordinates, the report model's convention. */

/** A rectangle of cells: 0-based top-left corner and a size of at least one cell each way. */
export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * Column letters of a 0-based column.
 * @example columnLetters(27)  //=> "AB"
 */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * A1 name of a 0-based cell.
 * @example cellAddress(3, 1)  //=> "B4"
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/**
 * A1 address of a rectangle: "B4" for one cell, "B4:D10" otherwise.
 * @example rectAddress({ row: 3, column: 1, rows: 7, columns: 3 })  //=> "B4:D10"
 */
export function rectAddress(rect: CellRect): string {
  const start = cellAddress(rect.row, rect.column);
  if (rect.rows === 1 && rect.columns === 1) return start;
  return `${start}:${cellAddress(rect.row + rect.rows - 1, rect.column + rect.columns - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * Parses "B4" or "B4:D10" (with or without `$`, without a sheet name) into a rectangle; undefined when it is not
 * such an address or lies outside the grid.
 * @example parseRectAddress("B4:D10")  //=> { row: 3, column: 1, rows: 7, columns: 3 }
 */
export function parseRectAddress(address: string): CellRect | undefined {
  const [first, second, extra] = address.split(":");
  if (first === undefined || extra !== undefined) return undefined;
  const a = parseCell(first);
  const b = second === undefined ? a : parseCell(second);
  if (a === undefined || b === undefined) return undefined;
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return { row, column, rows: Math.abs(a.row - b.row) + 1, columns: Math.abs(a.column - b.column) + 1 };
}

function parseCell(text: string): { row: number; column: number } | undefined {
  const match = CELL.exec(text.trim());
  if (match === null) return undefined;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(match[2]) - 1;
  column -= 1;
  if (row < 0 || row >= SHEET_ROWS || column >= SHEET_COLUMNS) return undefined;
  return { row, column };
}
