import { jsonBytes, rowJsonBytes, utf8Length } from "./payloadBytes";

describe("payload sizes", () => {
  it("counts UTF-8 bytes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("zł")).toBe(3);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
  });

  it("sizes a row as its JSON plus the comma joining it to the next", () => {
    for (const row of [["a", 1, true, ""], ['quote " and \\', 0.1, false], ["Zapłata za FV/2024/03/001", -12.5, null]]) {
      expect(rowJsonBytes(row)).toBe(jsonBytes(row) + 1);
    }
    expect(rowJsonBytes([])).toBe(3);
  });
});
