import { civilFromDay, dayFromCivil, dayFromIso, isoFromDay } from "./civil";
import { dayFromSerial, serialFromDay } from "./excelSerial";
import { parseDateText, slashDateOrders } from "./parseDateText";
import fc from "fast-check";

describe("civil day numbers", () => {
  it("counts days from 1899-12-30, matching Excel serials from 1900-03-01 on", () => {
    expect(dayFromCivil(1899, 12, 30)).toBe(0);
    expect(dayFromCivil(1900, 3, 1)).toBe(61);
    expect(dayFromCivil(2025, 1, 31)).toBe(45688);
    expect(dayFromCivil(2024, 2, 29)).toBe(45351);
  });
  it("round-trips every day from 1900 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2958465 }), (day) => {
        const { year, month, day: d } = civilFromDay(day);
        return dayFromCivil(year, month, d) === day;
      }),
    );
  });
  it("formats and reads ISO text", () => {
    expect(isoFromDay(45688)).toBe("2025-01-31");
    expect(dayFromIso("2025-01-31")).toBe(45688);
    expect(dayFromIso("2025-02-30")).toBeUndefined();
  });
});

describe("Excel serials", () => {
  it("maps 1900-system serials to days", () => {
    expect(dayFromSerial(45688, false)).toEqual({ ok: true, day: 45688 });
    expect(dayFromSerial(45688.75, false)).toEqual({ ok: true, day: 45688 });
    expect(isoFromDay((dayFromSerial(1, false) as { day: number }).day)).toBe("1900-01-01");
    expect(isoFromDay((dayFromSerial(59, false) as { day: number }).day)).toBe("1900-02-28");
    expect(isoFromDay((dayFromSerial(61, false) as { day: number }).day)).toBe("1900-03-01");
  });
  it("maps 1904-system serials: serial 0 is 1904-01-01", () => {
    expect(isoFromDay((dayFromSerial(0, true) as { day: number }).day)).toBe("1904-01-01");
    expect(dayFromSerial(45688 - 1462, true)).toEqual({ ok: true, day: 45688 });
  });
  it("writes days back as serials, inverting the quirk", () => {
    expect(serialFromDay(dayFromCivil(1900, 1, 1))).toBe(1);
    expect(serialFromDay(61)).toBe(61);
  });

  describe("edge cases", () => {
    it("serial 60 is the non-existent 1900-02-29", () => {
      expect(dayFromSerial(60, false)).toEqual({ ok: false, reason: "serial-60" });
    });
    it("serial 0 and negatives are out of range; so is anything past 9999-12-31", () => {
      expect(dayFromSerial(0, false).ok).toBe(false);
      expect(dayFromSerial(-5, false).ok).toBe(false);
      expect(dayFromSerial(2958465, false).ok).toBe(true);
      expect(dayFromSerial(2958466, false)).toEqual({ ok: false, reason: "date-out-of-range" });
    });
  });
});

describe("parseDateText", () => {
  const day = (y: number, m: number, d: number) => ({ ok: true, day: dayFromCivil(y, m, d) });
  it.each([
    ["2025-03-05", "dmy", day(2025, 3, 5)],
    ["2025-03-05T14:30:00Z", "dmy", day(2025, 3, 5)],
    ["2025/03/05", "mdy", day(2025, 3, 5)],
    ["05.03.2025", "mdy", day(2025, 3, 5)],
    ["05.03.2025 r.", "dmy", day(2025, 3, 5)],
    ["5.3.25", "dmy", day(2025, 3, 5)],
    ["05-03-2025", "dmy", day(2025, 3, 5)],
    ["05/03/2025", "dmy", day(2025, 3, 5)],
    ["05/03/2025", "mdy", day(2025, 5, 3)],
    ["5 Mar 2025", "mdy", day(2025, 3, 5)],
    ["March 5, 2025", "dmy", day(2025, 3, 5)],
    ["5 marca 2025", "dmy", day(2025, 3, 5)],
    ["12 października 2025", "dmy", day(2025, 10, 12)],
    ["05-Mar-2025", "dmy", day(2025, 3, 5)],
  ] as const)("reads %s (%s)", (text, order, expected) => {
    expect(parseDateText(text, order)).toEqual(expected);
  });
  it.each(["31.02.2025", "2025-13-01", "hello", "", "32/01/2025", "1899-12-31"])("rejects %s", (text) => {
    expect(parseDateText(text, "dmy").ok).toBe(false);
  });
  it("says which order a slash date allows", () => {
    expect(slashDateOrders("25/03/2025")).toEqual(["dmy"]);
    expect(slashDateOrders("03/25/2025")).toEqual(["mdy"]);
    expect(slashDateOrders("03/04/2025")).toEqual(["dmy", "mdy"]);
    expect(slashDateOrders("2025-03-04")).toBeUndefined();
  });
});
