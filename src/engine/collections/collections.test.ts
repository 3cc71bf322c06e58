import { DEFAULT_DUNNING_LADDER, dunningStage, parseDunningLadder } from "./dunningLadder";
import { lateInterest, recoveryCompensation } from "./lateInterest";

describe("late interest (worked examples in shared/DOMAIN.md)", () => {
  it("EU directive: €1,000, 30 days, 10.5 % → €8.63, plus €40 compensation", () => {
    expect(lateInterest(100_000, 30, 10.5)).toBe(863);
    expect(recoveryCompensation(40, "EUR", undefined, 2)).toBe(4000);
  });
  it("ERPNext dunning: 100 × 10 %/365 × 15 days = 0.41; with a 10.00 fee 110.41 is due", () => {
    const interest = lateInterest(10_000, 15, 10);
    expect(interest).toBe(41);
    expect(10_000 + interest + 1_000).toBe(11_041);
  });
  it("converts the 40 EUR compensation at the configured rate, and refuses to guess without one", () => {
    expect(recoveryCompensation(40, "PLN", 4.2655, 2)).toBe(17062);
    expect(recoveryCompensation(40, "PLN", undefined, 2)).toBeUndefined();
  });
  describe("edge cases", () => {
    it("no interest on the due date itself, on credits, or at a zero rate", () => {
      expect(lateInterest(100_000, 0, 10)).toBe(0);
      expect(lateInterest(-5_000, 30, 10)).toBe(0);
      expect(lateInterest(100_000, 30, 0)).toBe(0);
    });
  });
});

describe("dunning ladder", () => {
  it("picks the highest stage reached", () => {
    expect([0, 1, 14, 15, 30, 59, 60, 400].map((d) => dunningStage(DEFAULT_DUNNING_LADDER, d))).toEqual([
      undefined, "reminder", "reminder", "second-notice", "final-notice", "final-notice", "agency", "agency",
    ]);
  });
  it("parses a ladder, including a reminder before the due date", () => {
    const ladder = parseDunningLadder("-3:reminder, 10:final-notice")!;
    expect(ladder).toEqual([{ fromDays: -3, stage: "reminder" }, { fromDays: 10, stage: "final-notice" }]);
    expect(dunningStage(ladder, -3)).toBe("reminder");
    expect(parseDunningLadder("x:reminder")).toBeUndefined();
  });
});
