/** A rectangle of cells, 0-based and inclusive, like the report model's coordinates. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

// Excel's grid: 1,048,576 rows × 16,384 columns (A–XFD).
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const A1_RANGE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

/**
 * A range of the same sheet in A1 style ("B5:F5", "A5:A34", "$C$7", "F5:B5" is normalised), or null when the
 * text is not one — a sheet-qualified range ("'AR Aging'!B5:F5") is not: a chart's ranges name no sheet.
 * @example parseCellRange("B5:F5")  //=> { top: 4, left: 1, bottom: 4, right: 5 }
 * @example parseCellRange("Aging!B5")  //=> null
 */
export function parseCellRange(text: string): CellRange | null {
  const match = A1_RANGE.exec(text.trim());
  if (match === null) return null;
  const [, firstColumn = "", firstRow = "", lastColumn = firstColumn, lastRow = firstRow] = match;
  const rows = [Number(firstRow) - 1, Number(lastRow) - 1];
  const columns = [columnIndex(firstColumn), columnIndex(lastColumn)];
  if (rows.some((row) => row < 0 || row >= MAX_ROWS) || columns.some((column) => column >= MAX_COLUMNS)) return null;
  return {
    top: Math.min(...rows),
    bottom: Math.max(...rows),
    left: Math.min(...columns),
    right: Math.max(...columns),
  };
}

/** Cells in a range; a chart's ranges are one row or one column. */
export function rangeLength(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/** The cells of a one-row or one-column range, in order (left to right, or top to bottom). */
export function rangeCells(range: CellRange): Array<{ readonly row: number; readonly column: number }> {
  const cells: Array<{ row: number; column: number }> = [];
  for (let row = range.top; row <= range.bottom; row++) {
    for (let column = range.left; column <= range.right; column++) cells.push({ row, column });
  }
  return cells;
}

/**
 * The absolute, sheet-qualified reference a chart formula needs. The sheet name is always quoted (Excel accepts
 * quotes it does not need, and a name with a space, an apostrophe, a dash or a leading digit needs them), with
 * an apostrophe inside the name doubled.
 * @example rangeFormula("AR Aging", { top: 4, left: 1, bottom: 4, right: 5 })  //=> "'AR Aging'!$B$5:$F$5"
 * @example rangeFormula("Kowalski's", { top: 0, left: 0, bottom: 0, right: 0 })  //=> "'Kowalski''s'!$A$1"
 */
export function rangeFormula(sheetName: string, range: CellRange): string {
  const first = absoluteCell(range.top, range.left);
  const last = absoluteCell(range.bottom, range.right);
  return `'${sheetName.replace(/'/g, "''")}'!${first === last ? first : `${first}:${last}`}`;
}

function absoluteCell(row: number, column: number): string {
  return `$${columnLetters(column)}$${row + 1}`;
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}
