import { isValidSheetName, isValidTableName, sanitizeSheetName, uniqueSheetName, uniqueTableName } from "./sheetNames";

describe("sheet names", () => {
  it("follows Excel's rules", () => {
    expect(isValidSheetName("AR Aging")).toBe(true);
    expect(isValidSheetName("Wiekowanie należności")).toBe(true);
    expect(isValidSheetName("x".repeat(31))).toBe(true);
    for (const bad of ["", "x".repeat(32), "a:b", "a\\b", "a/b", "a?b", "a*b", "[a]", "'quoted", "History", "history"]) {
      expect(isValidSheetName(bad)).toBe(false);
    }
  });

  it("makes any name valid", () => {
    expect(sanitizeSheetName("Aging: 2025/01")).toBe("Aging_ 2025_01");
    expect(sanitizeSheetName("'x'")).toBe("x");
    expect(sanitizeSheetName("")).toBe("Report");
    expect(sanitizeSheetName("y".repeat(40))).toHaveLength(31);
    expect(isValidSheetName(sanitizeSheetName("History"))).toBe(true);
  });

  it("finds the next free name ignoring case, keeping within 31 characters", () => {
    expect(uniqueSheetName("AR Aging", new Set())).toBe("AR Aging");
    expect(uniqueSheetName("AR Aging", new Set(["ar aging"]))).toBe("AR Aging (2)");
    expect(uniqueSheetName("AR Aging", new Set(["ar aging", "ar aging (2)"]))).toBe("AR Aging (3)");
    const long = "z".repeat(31);
    const next = uniqueSheetName(long, new Set([long]));
    expect(next).toBe(`${"z".repeat(27)} (2)`);
    expect(isValidSheetName(next)).toBe(true);
  });
});

describe("table names", () => {
  it("follows Excel's rules and numbers a taken name", () => {
    expect(isValidTableName("ArOpenItems")).toBe(true);
    expect(isValidTableName("ArOpenItems_k3x9")).toBe(true);
    for (const bad of ["", "1st", "FV2025", "R1C1", "R", "C", "with space"]) expect(isValidTableName(bad)).toBe(false);
    expect(uniqueTableName("ArOpenItems", new Set(["aropenitems"]))).toBe("ArOpenItems2");
  });
});
