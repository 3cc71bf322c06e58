import {
  arTurnover, averageDaysDelinquent, bestPossibleDso, collectionEffectivenessIndex, collectionPeriod, dsoCountback,
  dsoStandard, percentCurrent,
} from "./kpis";

describe("KPIs against the worked examples in shared/DOMAIN.md", () => {
  it("DSO standard: 150,000 / 1,800,000 × 365 = 30.4", () => {
    expect(dsoStandard(150_000, 1_800_000, 365)).toBeCloseTo(30.4, 1);
  });
  it("DSO countback: AR 212,000 over sales 100,000, 80,000, 70,000 in 30-day months = 30 + 30 + 32,000/70,000 × 30 = 73.7", () => {
    const months = [{ sales: 100_000, days: 30 }, { sales: 80_000, days: 30 }, { sales: 70_000, days: 30 }];
    expect(dsoCountback(212_000, months)).toBeCloseTo(73.7, 1);
  });
  it("CEI: (100,000 + 1,000,000 − 120,000) / (100,000 + 1,000,000 − 100,000) = 98 %", () => {
    expect(collectionEffectivenessIndex(100_000, 1_000_000, 120_000, 100_000)).toBeCloseTo(98, 10);
  });
  it("best possible DSO and average days delinquent", () => {
    const bp = bestPossibleDso(100_000, 1_800_000, 365)!;
    expect(bp).toBeCloseTo(20.28, 2);
    expect(averageDaysDelinquent(dsoStandard(150_000, 1_800_000, 365), bp)).toBeCloseTo(10.14, 2);
  });
  it("turnover, collection period and percent current", () => {
    expect(arTurnover(1_200_000, 100_000, 140_000)).toBe(10);
    expect(collectionPeriod(10, 365)).toBe(36.5);
    expect(percentCurrent(80_000, 100_000)).toBe(0.8);
  });

  describe("edge cases", () => {
    it("a zero denominator gives undefined, never Infinity", () => {
      expect(dsoStandard(1, 0, 90)).toBeUndefined();
      expect(collectionEffectivenessIndex(0, 0, 0, 0)).toBeUndefined();
      expect(arTurnover(10, 0, 0)).toBeUndefined();
      expect(percentCurrent(0, 0)).toBeUndefined();
      expect(dsoCountback(10, [])).toBeUndefined();
    });
    it("countback with AR larger than all months counts them all", () => {
      expect(dsoCountback(1_000_000, [{ sales: 100, days: 31 }, { sales: 100, days: 30 }])).toBe(61);
    });
    it("countback with no AR is zero days", () => {
      expect(dsoCountback(0, [{ sales: 100, days: 31 }])).toBe(0);
    });
  });
});
