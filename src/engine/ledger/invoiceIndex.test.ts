import { InvoiceIndex } from "./invoiceIndex";

describe("InvoiceIndex", () => {
  const documents = ["FV/2024/001", " fv/2024/002 ", "000123", "Faktura Ł/7", "FV/2024/001"];
  const index = new InvoiceIndex(documents, [0, 1, 2, 3, 4], 5);

  it("finds an invoice by a slice of text, without case and outer spaces", () => {
    const text = "Zapłata za fv/2024/001 i FV/2024/002.";
    expect(index.find(text, 11, 22)).toBe(0);
    expect(index.find(text, 25, 36)).toBe(1);
    expect(index.find("  FV/2024/002  ")).toBe(1);
    expect(index.find("faktura ł/7")).toBe(3);
  });
  it("keeps leading zeros significant and the first of duplicates", () => {
    expect(index.find("123")).toBe(-1);
    expect(index.find("000123")).toBe(2);
    expect(index.find("FV/2024/001")).toBe(0);
  });
  it("misses what is not there", () => {
    expect(index.find("FV/2024/00")).toBe(-1);
    expect(index.find("")).toBe(-1);
    expect(index.find("   ")).toBe(-1);
  });
  it("finds numbers of any length, past the 256 units its length table names one by one", () => {
    // The index skips texts whose trimmed length no invoice number has; numbers of 256 units and more share one entry.
    const long = `FV/${"7".repeat(300)}`;
    const longer = `FV/${"8".repeat(400)}`;
    const numbers = ["A1", long, longer, `  ${"x".repeat(255)}  `];
    const byLength = new InvoiceIndex(numbers, [0, 1, 2, 3], 4);
    expect([byLength.find("a1"), byLength.find(` ${long.toLowerCase()} `), byLength.find(longer), byLength.find("X".repeat(255))]).toEqual([0, 1, 2, 3]);
    expect([byLength.find("A12"), byLength.find(`${long}7`), byLength.find("x".repeat(254))]).toEqual([-1, -1, -1]);
  });
});
