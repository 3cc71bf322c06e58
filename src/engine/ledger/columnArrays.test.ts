import { borrowFloat64, borrowInt32, float64Column, giveBack, int16Column, int32Column, uint8Column } from "./columnArrays";

describe("column arrays", () => {
  it("are zeroed arrays of the asked length and type, small or large", () => {
    for (const length of [0, 3, 100_000]) {
      const columns = [float64Column(length), int32Column(length), int16Column(length), uint8Column(length)];
      expect(columns.map((c) => c.constructor.name)).toEqual(["Float64Array", "Int32Array", "Int16Array", "Uint8Array"]);
      for (const column of columns) {
        expect(column.length).toBe(length);
        expect(column.every((v) => v === 0)).toBe(true);
      }
    }
  });

  it("keep large columns out of V8's external-memory accounting where SharedArrayBuffer exists (Node)", () => {
    // 100,000 doubles = 800 kB: above the 64 KiB line, so shared; 3 are not.
    // (Tagged by name: Jest's sandbox has its own ArrayBuffer constructor.)
    const kind = (column: ArrayBufferView) => Object.prototype.toString.call(column.buffer);
    expect([kind(float64Column(100_000)), kind(int32Column(100_000)), kind(float64Column(3))]).toEqual([
      "[object SharedArrayBuffer]",
      "[object SharedArrayBuffer]",
      "[object ArrayBuffer]",
    ]);
  });

  it("hold what is written to them, each its own memory", () => {
    const a = int32Column(50_000);
    const b = int32Column(50_000);
    a[49_999] = 7;
    b.fill(-1);
    expect([a[49_999], a[0], b[0]]).toEqual([7, 0, -1]);
  });

  it("lend a column given back to the next pass of the same owner, length and type, zeroed", () => {
    const ledger = {};
    const first = borrowFloat64(ledger, 1000);
    first[999] = 42;
    giveBack(ledger, first);
    const second = borrowFloat64(ledger, 1000);
    expect(second).toBe(first);
    expect(second.every((v) => v === 0)).toBe(true);
    // Still lent: the next borrower gets fresh memory, not the same column twice.
    expect(borrowFloat64(ledger, 1000)).not.toBe(second);
  });

  it("never lend across owners, lengths or types", () => {
    const [a, b] = [{}, {}];
    const column = borrowInt32(a, 500);
    giveBack(a, column);
    expect(borrowInt32(b, 500)).not.toBe(column);
    expect(borrowInt32(a, 501)).not.toBe(column);
    expect(borrowFloat64(a, 250)).not.toBe(column);
    expect(borrowInt32(a, 500)).toBe(column);
  });

  it("refuse a column given back twice, which would lend it to two passes at once", () => {
    const ledger = {};
    const column = borrowInt32(ledger, 10);
    giveBack(ledger, column);
    expect(() => giveBack(ledger, column)).toThrow(/already given back/);
  });
});
