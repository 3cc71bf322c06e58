import { dayFromCivil } from "../../src/engine/dates/civil";
import { cashForecast, forecastPayments, gammaQuantile } from "../../src/engine/forecast";
import { sampleRun, SAMPLE_AS_OF } from "./fixtures";

describe("cashForecast", () => {
  const run = sampleRun();
  const forecast = forecastPayments(run.ledger, run.applications, SAMPLE_AS_OF);
  const cash = cashForecast(forecast, run.ledger);

  it("has 13 weeks from the day after the as-of date and 6 calendar months, per currency", () => {
    expect(cash.weekly.map((s) => run.ledger.currencies[s.currency])).toEqual(["PLN", "EUR"]);
    for (const series of cash.weekly) {
      expect(series.periods).toHaveLength(13);
      expect(series.periods[0]).toEqual({ start: SAMPLE_AS_OF + 1, end: SAMPLE_AS_OF + 7 });
    }
    expect(cash.monthly[0]!.periods.map((p) => p.start)).toEqual([
      dayFromCivil(2026, 12, 1), dayFromCivil(2027, 1, 1), dayFromCivil(2027, 2, 1),
      dayFromCivil(2027, 3, 1), dayFromCivil(2027, 4, 1), dayFromCivil(2027, 5, 1),
    ]);
  });

  it("never expects more than is open, and keeps 0 ≤ P10 ≤ expected and P10 ≤ P90", () => {
    for (const series of [...cash.weekly, ...cash.monthly]) {
      const expected = series.expected.reduce((a, b) => a + b, 0);
      expect(expected).toBeLessThanOrEqual(series.open);
      for (let j = 0; j < series.periods.length; j++) {
        expect(series.p10[j]!).toBeGreaterThanOrEqual(0);
        expect(series.p10[j]!).toBeLessThanOrEqual(series.expected[j]!);
        expect(series.p10[j]!).toBeLessThanOrEqual(series.p90[j]!);
      }
    }
  });

  it("puts every open amount due within the horizon into the naive schedule, overdue ones in the first period", () => {
    for (const series of cash.monthly) {
      let dueSoon = 0;
      for (let m = 0; m < forecast.items.length; m++) {
        const i = forecast.items[m]!;
        if (run.ledger.currency[i] === series.currency && run.ledger.due[i]! <= series.periods[5]!.end) dueSoon += forecast.open[m]!;
      }
      expect(series.naive.reduce((a, b) => a + b, 0)).toBeCloseTo(dueSoon, 0);
    }
  });

  describe("edge cases", () => {
    it("gammaQuantile: no spread gives the mean, no mean gives 0; known quantiles of the exponential and χ²", () => {
      expect(gammaQuantile(100, 0, 0.9)).toBe(100);
      expect(gammaQuantile(0, 10, 0.9)).toBe(0);
      // Shape 1 (mean² = variance) is the exponential: quantile −mean · ln(1 − p).
      expect(gammaQuantile(100, 10_000, 0.9)).toBeCloseTo(-100 * Math.log(0.1), 6);
      expect(gammaQuantile(100, 10_000, 0.1)).toBeCloseTo(-100 * Math.log(0.9), 6);
      // χ² with 10 degrees of freedom = gamma(shape 5, scale 2): P90 = 15.987, P10 = 4.865.
      expect(gammaQuantile(10, 20, 0.9)).toBeCloseTo(15.987, 2);
      expect(gammaQuantile(10, 20, 0.1)).toBeCloseTo(4.865, 2);
      expect(gammaQuantile(100, 100, 0.5)).toBeCloseTo(99.67, 1);
    });
    it("gammaQuantile: one big invoice with a small chance this week has a P90 near 0 (most weeks bring nothing)", () => {
      expect(gammaQuantile(5_000, 1e9, 0.9)).toBeLessThan(5_000);
    });
  });
});
