import { ageLedger } from "../../src/engine/aging/ageLedger";
import { dayFromCivil } from "../../src/engine/dates/civil";
import { fiscalQuarters } from "../../src/engine/periods/fiscalPeriods";
import { lossRatesFor, periodFigures } from "../../src/engine/report/periodFigures";
import { reportToWorkbookData } from "../../src/engine/report/reportToWorkbookData";
import { runReceivables } from "../../src/engine/runReceivables";
import { generateSample } from "../../src/sample/generateSample";

describe("quarterly roll-forward on the sample workbook", () => {
  const asOf = dayFromCivil(2026, 11, 30);
  const run = runReceivables(reportToWorkbookData(generateSample()), { asOf, defaultCurrency: "PLN" });
  if (!run.ok) throw new Error("sample did not run");
  const quarters = fiscalQuarters(asOf, 1);
  const rates = run.ledger.currencies.map((_, c) => lossRatesFor(run.ledger, run.applications, asOf, 365, c).map((r) => r.rate));
  const figures = periodFigures(run.ledger, run.applications, quarters, { rates });

  it("covers every quarter of 2025 and 2026 up to the as-of date, in both currencies", () => {
    expect(figures.map((f) => `${f.period.label} ${run.ledger.currencies[f.currency]}`)).toHaveLength(8 * 2);
  });

  it("opening + invoiced − credits − collected − write-offs = closing = aging total at each quarter end, to the cent", () => {
    for (const f of figures) {
      expect(f.opening + f.invoiced - f.credits - f.collected - f.writeOffs).toBe(f.closing);
      const aging = ageLedger(run.ledger, run.applications, { ...run.options, asOf: f.period.end });
      const total = aging.totals.find((t) => t.currency === f.currency)?.open ?? 0;
      expect(f.closing).toBe(total);
      expect(Number.isInteger(f.closing)).toBe(true);
    }
  });

  it("chains quarters: each opening is the previous closing", () => {
    for (const currency of [0, 1]) {
      const series = figures.filter((f) => f.currency === currency);
      for (let q = 1; q < series.length; q++) expect(series[q]!.opening).toBe(series[q - 1]!.closing);
    }
  });

  it("gives KPIs in sensible ranges", () => {
    for (const f of figures) {
      expect(f.dso).toBeGreaterThan(0);
      expect(f.cei).toBeLessThanOrEqual(100.0001);
      expect(f.percentCurrent).toBeGreaterThanOrEqual(0);
      expect(f.ifrsGross.reduce((a, b) => a + b, 0)).toBe(f.gross.reduce((a, b) => a + b, 0));
      expect(f.expectedCreditLoss).toBe(f.ecl.reduce((a, b) => a + b, 0));
    }
  });
});
