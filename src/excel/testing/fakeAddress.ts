/** A1 addresses inside the fake (kept apart from the adapter's own helpers on purpose). */
import { FakeOfficeError, errorCodes } from "./fakeOfficeError";
import { GRID_COLUMNS, GRID_ROWS, type Rect } from "./fakeWorkbook";

export function letters(column: number): string {
  let text = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

export function a1(rect: Rect): string {
  const start = `${letters(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return start;
  return `${start}:${letters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/** A sheet name as Excel writes it in an address: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${a1(rect)}`;
}

/** Splits "'My Sheet'!A1:B2" into the sheet name (if any) and the cell part. */
export function splitSheetPrefix(address: string): { sheet: string | null; cells: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, cells: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cells: address.slice(bang + 1) };
}

/** "B2" or "B2:D9" (optionally with $). Whole rows or columns ("A:A") are not modelled. */
export function parseCells(cells: string): Rect {
  const parts = cells.split(":");
  const corners = parts.map((part) => {
    const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(part.trim());
    if (match === null) return null;
    let column = 0;
    for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
    return { row: Number(match[2]) - 1, column: column - 1 };
  });
  const [a, b] = corners;
  if (parts.length > 2 || a === undefined || a === null || b === null) {
    throw new FakeOfficeError(errorCodes.invalidArgument, `"${cells}" is not a cell or rectangle address the fake models`);
  }
  const end = b ?? a;
  const rect = {
    row: Math.min(a.row, end.row),
    column: Math.min(a.column, end.column),
    rows: Math.abs(a.row - end.row) + 1,
    columns: Math.abs(a.column - end.column) + 1,
  };
  checkRect(rect);
  return rect;
}

export function checkRect(rect: Rect): void {
  const ok =
    Number.isInteger(rect.row) && Number.isInteger(rect.column) && Number.isInteger(rect.rows) && Number.isInteger(rect.columns) &&
    rect.row >= 0 && rect.column >= 0 && rect.rows >= 1 && rect.columns >= 1 &&
    rect.row + rect.rows <= GRID_ROWS && rect.column + rect.columns <= GRID_COLUMNS;
  if (!ok) throw new FakeOfficeError(errorCodes.invalidArgument, `range ${JSON.stringify(rect)} is outside the grid`);
}
