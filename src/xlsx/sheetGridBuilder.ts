import type { CellValue, SheetGrid } from "../engine/port";

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * Collects the cells of one sheet in any order and hands back a `SheetGrid` anchored at A1 (`firstRow` and
 * `firstColumn` are 1): rows before the first used one are empty arrays, trailing blanks of each row and trailing
 * empty rows are dropped. Both readers (in-memory and streaming) go through it so that they cannot disagree on
 * the shape of a grid.
 */
export class SheetGridBuilder {
  private readonly rows: CellValue[][] = [];
  private readonly merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  // The row being set and the last column set in it; a new row starts as wide as the previous one (see `set`).
  private currentRow = 0;
  private currentWidth = 0;

  constructor(private readonly name: string) {}

  /** `row` and `column` are 1-based sheet coordinates. */
  set(row: number, column: number, value: CellValue): void {
    if (value === null) return;
    let cells = this.rows[row - 1];
    if (cells === undefined) {
      // A ledger's rows are as wide as each other: an array made as wide as the previous row at once holds a row
      // with no room to spare, where one grown by push keeps 17 slots for 6 cells (a third of the heap of a
      // 100,000-row read, and of the time its garbage collection takes).
      const width = row === this.currentRow + 1 ? this.currentWidth : 0;
      cells = width > 0 ? new Array<CellValue>(width).fill(null) : [];
      this.rows[row - 1] = cells;
    }
    if (row !== this.currentRow) {
      this.currentRow = row;
      this.currentWidth = 0;
    }
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
    if (column > this.currentWidth) this.currentWidth = column;
  }

  /**
   * A merged range (1-based, inclusive). Only its top-left cell keeps a value: Excel shows that one value across
   * the range and discards the others, and the in-memory ExcelJS model repeats the master's value in every slave.
   */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  build(): SheetGrid {
    for (const { top, left, bottom, right } of this.merges) {
      for (let row = top; row <= Math.min(bottom, this.rows.length); row++) {
        const cells = this.rows[row - 1];
        if (cells === undefined) continue;
        for (let column = left; column <= Math.min(right, cells.length); column++) {
          if (row !== top || column !== left) cells[column - 1] = null;
        }
      }
    }
    const rows: Array<readonly CellValue[]> = [];
    let lastUsed = -1;
    for (let index = 0; index < this.rows.length; index++) {
      const cells = this.rows[index];
      if (cells === undefined) {
        rows.push(EMPTY_ROW);
        continue;
      }
      let length = cells.length;
      while (length > 0 && cells[length - 1] === null) length--;
      cells.length = length;
      rows.push(length === 0 ? EMPTY_ROW : cells);
      if (length > 0) lastUsed = index;
    }
    rows.length = lastUsed + 1;
    return { name: this.name, rows, firstRow: 1, firstColumn: 1 };
  }
}
