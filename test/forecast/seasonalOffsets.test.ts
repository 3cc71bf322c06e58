import { civilFromDay, dayFromCivil } from "../../src/engine/dates/civil";
import { forecastPayments } from "../../src/engine/forecast";
import { fitPaymentModel } from "../../src/engine/forecast/fitPaymentModel";
import { MonthOfDay } from "../../src/engine/forecast/monthOfDay";
import { history, tinyRun, type InvoiceRow } from "./fixtures";

const START = dayFromCivil(2023, 6, 1);
const AS_OF = dayFromCivil(2025, 6, 30);

describe("seasonal offsets", () => {
  // Pays on the due date, except invoices due in July and August: 30 days late, two summers running.
  const summer = (due: number) => [7, 8].includes(civilFromDay(due).month);
  const seasonal = history("Summer Break", START, 105, { delay: (k) => (summer(START + k * 7 + 14) ? 30 : 0) });
  const crowd = history("Steady", START, 105, { delay: () => 0 });
  const open: InvoiceRow[] = [
    ["SUM/JULY", "Summer Break", AS_OF - 5, dayFromCivil(2025, 7, 15), 1000],
    ["SUM/SEPT", "Summer Break", AS_OF - 5, dayFromCivil(2025, 9, 15), 1000],
  ];
  const run = tinyRun([...seasonal.invoices, ...crowd.invoices, ...open], [...seasonal.payments, ...crowd.payments], AS_OF);

  it("learns a month that is slow year after year, and only that month", () => {
    const model = fitPaymentModel(run.ledger, run.applications, AS_OF);
    const c = run.ledger.customers.findIndex((customer) => customer.name === "Summer Break");
    const offsets = Array.from(model.seasonal.subarray(c * 12, c * 12 + 12));
    expect(offsets[6]).toBeGreaterThanOrEqual(15);
    expect(offsets[7]).toBeGreaterThanOrEqual(15);
    expect(offsets.filter((o, m) => m !== 6 && m !== 7 && o !== 0)).toEqual([]);
    const steady = run.ledger.customers.findIndex((customer) => customer.name === "Steady");
    expect(Array.from(model.seasonal.subarray(steady * 12, steady * 12 + 12)).every((o) => o === 0)).toBe(true);
  });

  it("moves the expected date of an invoice due in the slow month, not of one due in September", () => {
    const forecast = forecastPayments(run.ledger, run.applications, AS_OF);
    const expected = (document: string) => {
      const m = Array.from(forecast.items).findIndex((i) => run.ledger.document[i] === document);
      return forecast.expectedDay[m]! - run.ledger.due[forecast.items[m]!]!;
    };
    expect(expected("SUM/JULY")).toBeGreaterThanOrEqual(15);
    expect(Math.abs(expected("SUM/SEPT"))).toBeLessThanOrEqual(3);
  });

  describe("edge cases", () => {
    it("MonthOfDay agrees with civilFromDay inside and outside its range", () => {
      const months = new MonthOfDay(dayFromCivil(2025, 1, 1), dayFromCivil(2025, 12, 31));
      for (const day of [dayFromCivil(2025, 1, 31), dayFromCivil(2025, 2, 1), dayFromCivil(2024, 2, 29), dayFromCivil(2026, 3, 1)]) {
        expect(months.of(day)).toBe(civilFromDay(day).month);
        expect(months.of(day)).toBe(civilFromDay(day).month);
      }
    });
  });
});
