import { dayFromCivil } from "../../src/engine/dates/civil";
import { backtest, type BacktestResult } from "../../src/engine/forecast";
import { monthEnds } from "../../src/engine/forecast/backtest";
import { sampleRun, SAMPLE_AS_OF } from "./fixtures";

describe("backtest on the sample workbook (default options, as of 2026-11-30)", () => {
  let result: BacktestResult;
  beforeAll(() => {
    const run = sampleRun();
    result = backtest(run.ledger, run.applications, { asOf: SAMPLE_AS_OF });
  });
  const score = (method: string) => result.methods.find((m) => m.method === method)!;

  it("forecasts at each month end from month 6 while the 182-day follow-up fits in the data", () => {
    expect(result.cutoffs[0]).toBe(dayFromCivil(2025, 6, 30));
    expect(result.cutoffs[result.cutoffs.length - 1]).toBe(dayFromCivil(2026, 5, 31));
    expect(result.scored + result.censored).toBe(result.forecasts);
  });

  it("scores the model and both baselines on exactly the same items", () => {
    expect(new Set(result.methods.map((m) => m.items))).toEqual(new Set([result.scored]));
    expect(result.scored).toBeGreaterThan(2000);
  });

  it("beats the customer-mean baseline's mean absolute error by at least 10 %", () => {
    expect(score("model").mae).toBeLessThanOrEqual(0.9 * score("customerMean").mae);
    expect(score("model").mae).toBeLessThan(score("dueDate").mae);
    expect(score("model").within5).toBeGreaterThan(score("customerMean").within5);
  });

  it("is calibrated: predicted shares collected within 30/60/90 days are within 3 points of what happened", () => {
    for (const row of result.calibration) expect(Math.abs(row.predicted - row.actual)).toBeLessThan(0.03);
  });

  it("forecasts weekly cash far better than the due-date schedule, with a P10–P90 range that holds most weeks", () => {
    for (const cash of result.cash) {
      expect(cash.wape).toBeLessThan(0.6 * cash.naiveWape);
      expect(cash.coverage).toBeGreaterThan(0.7);
      expect(cash.weeks).toBe(13 * result.cutoffs.length);
    }
  });

  describe("edge cases", () => {
    it("has no cutoff when the history is shorter than warm-up plus horizon", () => {
      expect(monthEnds(dayFromCivil(2026, 1, 15), dayFromCivil(2026, 9, 30), 6, 182)).toEqual([]);
      const run = sampleRun();
      const short = backtest(run.ledger, run.applications, { asOf: dayFromCivil(2025, 6, 1) });
      expect(short.cutoffs).toEqual([]);
      expect(short.methods.every((m) => m.items === 0 && m.mae === 0)).toBe(true);
    });

    it("keeps the latest maxCutoffs month ends: a date typed in 1900 does not make it refit for 126 years", () => {
      const run = sampleRun();
      // The sample's 12 cutoffs (2025-06-30 … 2026-05-31), limited to the last 3.
      const limited = backtest(run.ledger, run.applications, { asOf: SAMPLE_AS_OF, maxCutoffs: 3 });
      expect(limited.cutoffs).toEqual([dayFromCivil(2026, 3, 31), dayFromCivil(2026, 4, 30), dayFromCivil(2026, 5, 31)]);
      // From a first invoice in February 1900: August 1900 … May 2026 is 126 × 12 − 3 + 1 = 1,510 month ends; 36 kept.
      const all = monthEnds(dayFromCivil(1900, 2, 28), SAMPLE_AS_OF, 6, 182);
      expect(all).toHaveLength(1510);
      expect(all.slice(-36)[0]).toBe(dayFromCivil(2023, 6, 30));
    });
  });
});
