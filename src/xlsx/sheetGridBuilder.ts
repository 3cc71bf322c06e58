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

  constructor(private readonly name: string) {}

  /** `row` and `column` are 1-based sheet coordinates. */
  set(row: number, column: number, value: CellValue): void {
    if (value === null) return;
    let cells = this.rows[row - 1];
    if (cells === undefined) {
      cells = [];
      this.rows[row - 1] = cells;
    }
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
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
