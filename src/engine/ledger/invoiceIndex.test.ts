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
});
