import { parseCellRange, rangeFormula } from "./cellRange";

describe("parseCellRange", () => {
  it.each([
    ["B5:F5", { top: 4, left: 1, bottom: 4, right: 5 }],
    ["A5:A34", { top: 4, left: 0, bottom: 33, right: 0 }],
    ["$C$7", { top: 6, left: 2, bottom: 6, right: 2 }],
    ["f5:b5", { top: 4, left: 1, bottom: 4, right: 5 }],
    ["XFD1048576", { top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 }],
  ])("%s", (text, range) => {
    expect(parseCellRange(text)).toEqual(range);
  });

  describe("edge cases", () => {
    it.each(["'AR Aging'!B5:F5", "Aging!B5", "B0", "XFE1", "A1048577", "B5:", "5B", "", "A1:B2:C3"])("%s is not a range", (text) => {
      expect(parseCellRange(text)).toBeNull();
    });
  });
});

describe("rangeFormula", () => {
  it("quotes the sheet name and makes the reference absolute", () => {
    expect(rangeFormula("AR Aging", { top: 4, left: 1, bottom: 4, right: 5 })).toBe("'AR Aging'!$B$5:$F$5");
    expect(rangeFormula("Aging", { top: 4, left: 0, bottom: 33, right: 0 })).toBe("'Aging'!$A$5:$A$34");
    expect(rangeFormula("Aging", { top: 0, left: 26, bottom: 0, right: 26 })).toBe("'Aging'!$AA$1");
  });

  it("doubles an apostrophe inside the name", () => {
    expect(rangeFormula("Kowalski's AR", { top: 0, left: 0, bottom: 1, right: 0 })).toBe("'Kowalski''s AR'!$A$1:$A$2");
  });
});
