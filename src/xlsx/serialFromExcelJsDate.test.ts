import { serialFromExcelJsDate } from "./serialFromExcelJsDate";

/** What ExcelJS does when it reads a number under a date format (exceljs/lib/utils/utils.js, excelToDate). */
function excelJsDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

describe("serialFromExcelJsDate", () => {
  it("inverts ExcelJS's conversion for whole days", () => {
    expect(serialFromExcelJsDate(new Date(Date.UTC(2025, 0, 31)), false)).toBe(45688);
    expect(serialFromExcelJsDate(excelJsDate(45688, false), false)).toBe(45688);
  });

  it("keeps the time of day", () => {
    expect(serialFromExcelJsDate(new Date(Date.UTC(2025, 0, 31, 12)), false)).toBe(45688.5);
    expect(serialFromExcelJsDate(new Date(Date.UTC(2025, 0, 31, 18)), false)).toBe(45688.75);
    // 10:00 as Excel stores it: 45688 + 10/24, printed with 17 significant digits.
    const tenOClock = parseFloat("45688.416666666664");
    expect(serialFromExcelJsDate(excelJsDate(tenOClock, false), false)).toBe(tenOClock);
  });

  it("counts the 1904 system from 1904-01-01", () => {
    expect(serialFromExcelJsDate(new Date(Date.UTC(1904, 0, 1)), true)).toBe(0);
    expect(serialFromExcelJsDate(new Date(Date.UTC(2025, 0, 31)), true)).toBe(45688 - 1462);
    expect(serialFromExcelJsDate(excelJsDate(44226, true), true)).toBe(44226);
  });

  describe("edge cases", () => {
    it("gives back every serial around the 1900 leap-year quirk unchanged", () => {
      for (const serial of [1, 59, 60, 61]) {
        expect(serialFromExcelJsDate(excelJsDate(serial, false), false)).toBe(serial);
      }
    });

    it("does not depend on the machine's time zone", () => {
      // Only UTC arithmetic is used; a Date for 00:00 UTC is the same instant everywhere.
      const date = new Date("2025-03-30T00:00:00Z"); // a DST change day in Europe
      expect(serialFromExcelJsDate(date, false)).toBe(45746);
    });

    it("dates before 1970 and serial 0", () => {
      expect(serialFromExcelJsDate(excelJsDate(0, false), false)).toBe(0);
      expect(serialFromExcelJsDate(new Date(Date.UTC(1950, 5, 15, 6)), false)).toBe(18429.25);
    });

    it("an invalid Date has no serial", () => {
      expect(serialFromExcelJsDate(new Date(NaN), false)).toBeNull();
    });
  });
});
