import { dayFromCivil, isoFromDay } from "../dates/civil";
import { fiscalQuarters, fiscalYear, monthsBack, previousBusinessDay } from "./fiscalPeriods";

const iso = (p: { label: string; start: number; end: number; partial: boolean }) => [p.label, isoFromDay(p.start), isoFromDay(p.end), p.partial];

describe("fiscal periods", () => {
  it("lists the quarters of the previous and current calendar year up to the as-of date", () => {
    expect(fiscalQuarters(dayFromCivil(2025, 5, 10), 1).map(iso)).toEqual([
      ["2024-Q1", "2024-01-01", "2024-03-31", false],
      ["2024-Q2", "2024-04-01", "2024-06-30", false],
      ["2024-Q3", "2024-07-01", "2024-09-30", false],
      ["2024-Q4", "2024-10-01", "2024-12-31", false],
      ["2025-Q1", "2025-01-01", "2025-03-31", false],
      ["2025-Q2", "2025-04-01", "2025-05-10", true],
    ]);
  });
  it("names a fiscal year starting in April by the year it ends in", () => {
    const quarters = fiscalQuarters(dayFromCivil(2025, 5, 10), 4);
    expect(quarters.map((q) => q.label)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]);
    expect(iso(quarters[0]!)).toEqual(["2025-Q1", "2024-04-01", "2024-06-30", false]);
    expect(iso(fiscalYear(dayFromCivil(2025, 5, 10), 4))).toEqual(["2026", "2025-04-01", "2025-05-10", true]);
  });
  it("walks calendar months back from a day", () => {
    expect(monthsBack(dayFromCivil(2025, 3, 15), 3).map(iso)).toEqual([
      ["2025-03", "2025-03-01", "2025-03-15", true],
      ["2025-02", "2025-02-01", "2025-02-28", false],
      ["2025-01", "2025-01-01", "2025-01-31", false],
    ]);
  });
  describe("edge cases", () => {
    it("a quarter-end as-of date closes the quarter in full", () => {
      expect(fiscalQuarters(dayFromCivil(2025, 3, 31), 1).at(-1)!.partial).toBe(false);
    });
    it("the business day before a Monday is the Friday", () => {
      expect(isoFromDay(previousBusinessDay(dayFromCivil(2026, 11, 30)))).toBe("2026-11-27");
      expect(isoFromDay(previousBusinessDay(dayFromCivil(2026, 11, 27)))).toBe("2026-11-26");
    });
  });
});
