import { dayFromCivil } from "../../src/engine/dates/civil";
import { BASIS_NAMES, forecastJson, forecastPayments, forecastReport, forecastSheet, type PaymentForecast } from "../../src/engine/forecast";
import { history, sampleRun, SAMPLE_AS_OF, tinyRun, type InvoiceRow, type PaymentRow, type Run } from "./fixtures";

const START = dayFromCivil(2024, 1, 1);
const AS_OF = dayFromCivil(2025, 6, 30);

function combine(...parts: Array<{ invoices: InvoiceRow[]; payments: PaymentRow[] }>): { invoices: InvoiceRow[]; payments: PaymentRow[] } {
  return { invoices: parts.flatMap((p) => p.invoices), payments: parts.flatMap((p) => p.payments) };
}

/** The forecast row of one document. */
function itemOf(run: Run, forecast: PaymentForecast, document: string) {
  const m = Array.from(forecast.items).findIndex((i) => run.ledger.document[i] === document);
  if (m < 0) throw new Error(`${document} is not open`);
  const i = forecast.items[m]!;
  return {
    due: run.ledger.due[i]!,
    expected: forecast.expectedDay[m]!,
    p30: forecast.p30[m]!,
    p60: forecast.p60[m]!,
    p90: forecast.p90[m]!,
    basis: BASIS_NAMES[forecast.basis[m]!],
  };
}

/** A portfolio of prompt payers (due date ± 2 days) to give the prior something to say. */
const promptCrowd = () =>
  combine(...Array.from({ length: 12 }, (_, c) => history(`Prompt ${c}`, START + c, 60, { delay: (k) => ((k * 7 + c) % 5) - 2, prefix: `P${c}` })));

describe("forecastPayments", () => {
  it("learns a customer's own delay: always 10 days late → expected 10 days after the due date", () => {
    const late = history("Late Ltd", START, 70, { delay: () => 10 });
    const open = { invoices: [["LAT/OPEN", "Late Ltd", AS_OF - 5, AS_OF + 9, 1000] as InvoiceRow], payments: [] };
    const { invoices, payments } = combine(promptCrowd(), late, open);
    const run = tinyRun(invoices, payments, AS_OF);
    const forecast = forecastPayments(run.ledger, run.applications, AS_OF);
    const item = itemOf(run, forecast, "LAT/OPEN");
    expect(item.due).toBeGreaterThan(AS_OF);
    expect(item.expected - item.due).toBe(10);
    expect(item.basis).toBe("customer");
  });

  it("conditions an overdue item on being overdue: 80 % pay 5 days late, 20 % 40 days late; open at 10 days → about 40", () => {
    const mixed = history("Mixed SA", START, 60, { delay: (k) => (k % 5 === 4 ? 40 : 5) });
    const open = { invoices: [["MIX/OPEN", "Mixed SA", AS_OF - 24, AS_OF - 10, 1000] as InvoiceRow], payments: [] };
    const { invoices, payments } = combine(promptCrowd(), mixed, open);
    const run = tinyRun(invoices, payments, AS_OF);
    const item = itemOf(run, forecastPayments(run.ledger, run.applications, AS_OF), "MIX/OPEN");
    // "due date + mean delay" would say 12 days late, already past; the survival view says the slow branch.
    expect(item.expected - item.due).toBeGreaterThanOrEqual(35);
    expect(item.expected - item.due).toBeLessThanOrEqual(45);
  });

  it("forecasts a customer with no history from the portfolio and says so", () => {
    const newcomer = { invoices: [["NEW/1", "Newcomer", AS_OF - 5, AS_OF + 9, 1000] as InvoiceRow], payments: [] };
    const { invoices, payments } = combine(promptCrowd(), newcomer);
    const run = tinyRun(invoices, payments, AS_OF);
    const item = itemOf(run, forecastPayments(run.ledger, run.applications, AS_OF), "NEW/1");
    expect(item.basis).toBe("portfolio");
    expect(Math.abs(item.expected - item.due)).toBeLessThanOrEqual(3);
  });

  it("learns fast from a short history: two settlements 45 days late make the next invoice late too", () => {
    const slowNewcomer = history("Slow Start", AS_OF - 120, 3, { every: 30, delay: (k) => (k < 2 ? 45 : undefined) });
    const { invoices, payments } = combine(promptCrowd(), ...Array.from({ length: 4 }, (_, c) => history(`Slow ${c}`, START, 40, { delay: () => 44 + c, prefix: `S${c}` })), slowNewcomer);
    const run = tinyRun(invoices, payments, AS_OF);
    const item = itemOf(run, forecastPayments(run.ledger, run.applications, AS_OF), "SLO/3");
    expect(item.expected - item.due).toBeGreaterThanOrEqual(35);
    expect(item.basis).not.toBe("portfolio");
  });

  it("uses the disputed flag: disputed items pay later when disputed history says so", () => {
    const disputing = history("Quarrel Co", START, 60, { delay: (k) => (k % 4 === 0 ? 60 : 0), disputed: (k) => k % 4 === 0 });
    const open = { invoices: [["QUA/OPEN", "Quarrel Co", AS_OF - 10, AS_OF + 4, 1000, true] as InvoiceRow, ["QUA/PLAIN", "Quarrel Co", AS_OF - 10, AS_OF + 4, 1000] as InvoiceRow], payments: [] };
    const { invoices, payments } = combine(promptCrowd(), disputing, open);
    const run = tinyRun(invoices, payments, AS_OF);
    const forecast = forecastPayments(run.ledger, run.applications, AS_OF);
    const disputed = itemOf(run, forecast, "QUA/OPEN");
    const plain = itemOf(run, forecast, "QUA/PLAIN");
    expect(disputed.expected - disputed.due).toBeGreaterThanOrEqual(50);
    expect(Math.abs(plain.expected - plain.due)).toBeLessThanOrEqual(3);
    expect(disputed.p30).toBeLessThan(plain.p30);
  });

  it("treats a customer that stopped paying as unlikely to pay, though its history is prompt", () => {
    const stopDay = AS_OF - 150;
    const stopped = history("Gone Quiet", START, 70, { delay: (k) => (START + k * 7 + 14 < stopDay ? 0 : undefined) });
    const active = history("Still Here", START, 70, { delay: (k) => (k < 69 ? 0 : undefined) });
    const open = {
      invoices: [["GON/OPEN", "Gone Quiet", AS_OF - 10, AS_OF + 4, 1000] as InvoiceRow, ["STI/OPEN", "Still Here", AS_OF - 10, AS_OF + 4, 1000] as InvoiceRow],
      payments: [],
    };
    const { invoices, payments } = combine(promptCrowd(), stopped, active, open);
    const run = tinyRun(invoices, payments, AS_OF);
    const forecast = forecastPayments(run.ledger, run.applications, AS_OF);
    expect(itemOf(run, forecast, "GON/OPEN").p90).toBeLessThan(0.2);
    expect(itemOf(run, forecast, "STI/OPEN").p90).toBeGreaterThan(0.9);
  });

  describe("edge cases", () => {
    it("with no payment ever made, gives no date and zero probabilities instead of guessing", () => {
      const run = tinyRun([["N/1", "Nobody Pays", AS_OF - 40, AS_OF - 10, 100], ["N/2", "Nobody Pays", AS_OF - 5, AS_OF + 9, 100]], [], AS_OF);
      const forecast = forecastPayments(run.ledger, run.applications, AS_OF);
      expect(forecast.items).toHaveLength(2);
      expect(Array.from(forecast.expectedDay)).toEqual([-1, -1]);
      expect(Array.from(forecast.p90)).toEqual([0, 0]);
      const json = forecastJson(forecastReport(run.ledger, run.applications, AS_OF, { backtest: false }));
      expect(json.items.map((i) => i.expectedDate)).toEqual([null, null]);
      expect(json.weekly.every((w) => w.expected === 0)).toBe(true);
    });

    it("with nothing open, forecasts nothing", () => {
      const paid = history("Paid Up", START, 10, { delay: () => 0 });
      const run = tinyRun(paid.invoices, paid.payments, AS_OF);
      const report = forecastReport(run.ledger, run.applications, AS_OF);
      expect(report.forecast.items).toHaveLength(0);
      expect(report.cash.weekly).toHaveLength(0);
      expect(forecastSheet(report, "en").blocks.at(-1)!.rows).toEqual([]);
    });

    it("rejects nonsense options as a programmer error", () => {
      const paid = history("Paid Up", START, 3, { delay: () => 0 });
      const run = tinyRun(paid.invoices, paid.payments, AS_OF);
      expect(() => forecastPayments(run.ledger, run.applications, AS_OF, { halfLifeDays: 0 })).toThrow(RangeError);
      expect(() => forecastPayments(run.ledger, run.applications, AS_OF, { priorStrength: -1 })).toThrow(RangeError);
    });
  });

  describe("on the sample workbook", () => {
    const run = sampleRun();
    const forecast = forecastPayments(run.ledger, run.applications, SAMPLE_AS_OF);

    it("forecasts every open invoice (beyond a residue), with p30 ≤ p60 ≤ p90 ≤ 1 and a date after the as-of date", () => {
      expect(forecast.items.length).toBeGreaterThan(300);
      for (let m = 0; m < forecast.items.length; m++) {
        expect(forecast.p30[m]!).toBeGreaterThanOrEqual(0);
        expect(forecast.p30[m]!).toBeLessThanOrEqual(forecast.p60[m]! + 1e-12);
        expect(forecast.p60[m]!).toBeLessThanOrEqual(forecast.p90[m]! + 1e-12);
        expect(forecast.p90[m]!).toBeLessThanOrEqual(1 + 1e-12);
        if (forecast.expectedDay[m]! >= 0) expect(forecast.expectedDay[m]!).toBeGreaterThan(SAMPLE_AS_OF);
      }
    });

    it("is deterministic: the same inputs give the same output", () => {
      const again = forecastPayments(run.ledger, run.applications, SAMPLE_AS_OF);
      expect(Array.from(again.expectedDay)).toEqual(Array.from(forecast.expectedDay));
      expect(Array.from(again.p60)).toEqual(Array.from(forecast.p60));
    });

    it("does not peek: a forecast as of an earlier day is the same with or without the later data", () => {
      const asOf = dayFromCivil(2025, 12, 31);
      const full = forecastPayments(run.ledger, run.applications, asOf);
      // Drop every application dated later: the forecast must not change.
      const keep = Array.from({ length: run.applications.count }, (_, a) => a).filter((a) => run.applications.date[a]! <= asOf);
      const cut = {
        ...run.applications,
        count: keep.length,
        debit: Int32Array.from(keep, (a) => run.applications.debit[a]!),
        credit: Int32Array.from(keep, (a) => run.applications.credit[a]!),
        amount: Float64Array.from(keep, (a) => run.applications.amount[a]!),
        date: Int32Array.from(keep, (a) => run.applications.date[a]!),
      };
      const truncated = forecastPayments(run.ledger, cut, asOf);
      expect(Array.from(truncated.items)).toEqual(Array.from(full.items));
      expect(Array.from(truncated.expectedDay)).toEqual(Array.from(full.expectedDay));
      expect(Array.from(truncated.p90)).toEqual(Array.from(full.p90));
    });

    it("says where each forecast comes from", () => {
      const bases = new Set(Array.from(forecast.basis, (b) => BASIS_NAMES[b]));
      expect(bases.has("customer")).toBe(true);
    });
  });
});
