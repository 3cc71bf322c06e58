import { float64Column, int16Column, int32Column, uint8Column } from "./columnArrays";

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
});
