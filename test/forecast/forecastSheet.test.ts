import { forecastJson, forecastReport, forecastSheet, type ForecastReport } from "../../src/engine/forecast";
import { serialFromDay } from "../../src/engine/dates/excelSerial";
import { dayFromCivil } from "../../src/engine/dates/civil";
import { sampleRun, SAMPLE_AS_OF } from "./fixtures";

describe("forecast sheet and JSON on the sample", () => {
  let report: ForecastReport;
  beforeAll(() => {
    const run = sampleRun();
    report = forecastReport(run.ledger, run.applications, SAMPLE_AS_OF);
  });

  it("is the sheet 'AR Forecast' / 'Prognoza wpływów' with key 'forecast'", () => {
    const en = forecastSheet(report, "en");
    const pl = forecastSheet(report, "pl");
    expect([en.key, en.name, pl.key, pl.name]).toEqual(["forecast", "AR Forecast", "forecast", "Prognoza wpływów"]);
    expect(pl.texts[0]!.text).toBe("Prognoza wpływów na dzień 2026-11-30");
  });

  it("has a weekly table per currency (week start, expected, P10, P90, naive) with a line chart of expected vs naive", () => {
    const sheet = forecastSheet(report, "en");
    const weekly = sheet.blocks.filter((b) => b.header?.[0] === "Week from");
    expect(weekly).toHaveLength(2);
    expect(weekly[0]!.header).toEqual(["Week from", "Expected", "Low (P10)", "High (P90)", "By due date"]);
    expect(weekly[0]!.rows).toHaveLength(13);
    expect(weekly[0]!.rows[0]![0]).toBe(serialFromDay(SAMPLE_AS_OF + 1));
    expect(sheet.charts).toHaveLength(2);
    const chart = sheet.charts[0]!;
    expect(chart.kind).toBe("line");
    // The chart reads exactly the table's data rows (1-based rows, header on block.row + 1).
    const first = weekly[0]!.row + 2;
    expect(chart.categories).toBe(`A${first}:A${first + 12}`);
    expect(chart.series.map((s) => s.values)).toEqual([`B${first}:B${first + 12}`, `E${first}:E${first + 12}`]);
  });

  it("lists every open item as the Excel table ArForecastItems, last on the sheet", () => {
    const sheet = forecastSheet(report, "en");
    const table = sheet.blocks[sheet.blocks.length - 1]!;
    expect(table.table?.name).toBe("ArForecastItems");
    expect(table.header).toEqual(["Document", "Customer", "Currency", "Open", "Due date", "Expected date", "Paid in 30 days", "Paid in 60 days", "Paid in 90 days", "Basis"]);
    expect(table.rows).toHaveLength(report.forecast.items.length);
    const lastOther = Math.max(...sheet.blocks.slice(0, -1).map((b) => b.row + b.rows.length + 1));
    expect(table.row).toBeGreaterThan(lastOther);
  });

  it("shows the backtest: the model and both baselines, calibration and the weekly cash error", () => {
    const sheet = forecastSheet(report, "en");
    const methods = sheet.blocks.find((b) => b.header?.[0] === "Method")!;
    expect(methods.rows.map((r) => r[0])).toEqual(["This model", "Pays on the due date", "Customer's mean delay"]);
    expect(sheet.blocks.some((b) => b.header?.[0] === "Within (days)")).toBe(true);
    expect(sheet.blocks.some((b) => b.header?.[1] === "Weekly error (WAPE)")).toBe(true);
  });

  it("gives the JSON shape the CLI writes: items, weekly, monthly (major units) and the backtest", () => {
    const json = forecastJson(report);
    expect(json.asOf).toBe("2026-11-30");
    expect(json.items).toHaveLength(report.forecast.items.length);
    const item = json.items[0]!;
    expect(Object.keys(item)).toEqual(["document", "customer", "currency", "open", "dueDate", "expectedDate", "p30", "p60", "p90", "basis"]);
    expect(item.expectedDate! >= "2026-12-01").toBe(true);
    expect(["customer", "blended", "portfolio"]).toContain(item.basis);
    expect(json.weekly).toHaveLength(26);
    expect(json.weekly[0]).toMatchObject({ weekStart: "2026-12-01", currency: "PLN" });
    expect(json.monthly[0]).toMatchObject({ monthStart: "2026-12-01", currency: "PLN" });
    expect(json.backtest?.methods.map((m) => m.method)).toEqual(["model", "dueDate", "customerMean"]);
    // Major units with at most the currency's decimals.
    for (const week of json.weekly) expect(Math.round(week.expected * 100)).toBeCloseTo(week.expected * 100, 6);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  describe("edge cases", () => {
    it("says so when the history is too short for a backtest", () => {
      const run = sampleRun();
      const early = forecastReport(run.ledger, run.applications, dayFromCivil(2025, 3, 31));
      expect(early.backtest?.cutoffs).toEqual([]);
      const sheet = forecastSheet(early, "en");
      expect(sheet.texts.some((t) => t.text.startsWith("Not enough history for a backtest"))).toBe(true);
      expect(forecastJson(early).backtest?.cutoffs).toEqual([]);
    });
    it("skips the backtest when asked, and the sheet points to `receivables backtest`", () => {
      const run = sampleRun();
      const skipped = forecastReport(run.ledger, run.applications, SAMPLE_AS_OF, { backtest: false });
      expect(skipped.backtest).toBeUndefined();
      expect(forecastSheet(skipped, "en").texts.some((t) => t.text.includes("run `receivables backtest`"))).toBe(true);
    });
  });
});
