import { dayFromCivil } from "../../src/engine/dates/civil";
import { serialFromDay } from "../../src/engine/dates/excelSerial";
import { generateSample } from "../../src/sample/generateSample";
import { createForecastFunctions, ForecastModelCache, FunctionError } from "../../src/functions";
import { workbookOf } from "./fixtures";

const TODAY = dayFromCivil(2026, 11, 30);
const serial = (y: number, m: number, d: number) => serialFromDay(dayFromCivil(y, m, d));

function setup(today = TODAY) {
  const cache = new ForecastModelCache(() => today);
  const functions = createForecastFunctions({ cache, today: () => today });
  return { cache, functions };
}

describe("worksheet functions", () => {
  describe("DAYSPASTDUE and BUCKET (no model needed)", () => {
    const { functions } = setup();
    it("counts days past the due date as of a day, or as of the injected today", () => {
      expect(functions.daysPastDue(serial(2025, 1, 31), serial(2025, 2, 15))).toBe(15);
      expect(functions.daysPastDue(serial(2026, 11, 20))).toBe(10);
      expect(functions.daysPastDue(serial(2026, 12, 10))).toBe(-10);
    });
    it("names the aging bucket on the default or a given ladder", () => {
      expect(functions.bucket(serial(2026, 11, 30))).toBe("Not due");
      expect(functions.bucket(serial(2026, 10, 31))).toBe("1–30");
      expect(functions.bucket(serial(2026, 1, 1))).toBe("91+");
      expect(functions.bucket(serial(2026, 1, 1), undefined, "30, 90, 150, 365")).toBe("151–365");
    });
    describe("edge cases", () => {
      it("the due date itself is not overdue; serial 60 (1900-02-29) is not a date", () => {
        expect(functions.daysPastDue(serial(2026, 11, 30))).toBe(0);
        expect(() => functions.daysPastDue(60)).toThrow(FunctionError);
        expect(() => functions.bucket(serial(2026, 1, 1), undefined, "90,30")).toThrow(expect.objectContaining({ code: "invalidValue" }));
      });
    });
  });

  describe("model functions", () => {
    it("say clearly that no model is fitted when no source is registered", async () => {
      const { functions } = setup();
      await expect(functions.expectedDate("Anyone", serial(2026, 12, 15), 100)).rejects.toMatchObject({
        code: "notAvailable",
        message: expect.stringContaining("No forecast model"),
      });
    });

    describe("fitted on the sample", () => {
      const { cache, functions } = setup();
      let reads = 0;
      beforeAll(() => {
        const workbook = workbookOf(generateSample());
        cache.setSource({ read: () => (reads++, workbook), receivables: { defaultCurrency: "PLN" } });
      });

      it("EXPECTEDDATE gives a date after today for a known customer and for an unknown one", async () => {
        const known = await functions.expectedDate("  " + (await cache.model()).ledger.customers[0]!.name.toUpperCase(), serial(2026, 12, 15), 1000);
        expect(known).toBeGreaterThan(serialFromDay(TODAY));
        const unknown = await functions.expectedDate("Nobody Ltd", serial(2026, 12, 15), 1000);
        expect(unknown).toBeGreaterThan(serialFromDay(TODAY));
      });

      it("COLLECTED is a probability that grows with the days", async () => {
        const name = (await cache.model()).ledger.customers[3]!.name;
        const p30 = await functions.collected(name, serial(2026, 12, 15), 30);
        const p90 = await functions.collected(name, serial(2026, 12, 15), 90);
        expect(p30).toBeGreaterThanOrEqual(0);
        expect(p30).toBeLessThanOrEqual(p90);
        expect(p90).toBeLessThanOrEqual(1);
      });

      it("FORECAST spills rows of week start, expected, P10, P90 in major units", async () => {
        const rows = await functions.forecast(serial(2026, 12, 1), 4);
        expect(rows).toHaveLength(4);
        expect(rows.map((r) => r[0])).toEqual([serial(2026, 12, 1), serial(2026, 12, 8), serial(2026, 12, 15), serial(2026, 12, 22)]);
        for (const [, expected, p10, p90] of rows) {
          expect(expected).toBeGreaterThan(0);
          expect(p10!).toBeLessThanOrEqual(expected!);
          expect(p90!).toBeGreaterThanOrEqual(p10!);
        }
        const eur = await functions.forecast(serial(2026, 12, 1), 2, "eur");
        expect(eur[0]![1]).not.toBe(rows[0]![1]);
        await expect(functions.forecast(serial(2026, 12, 1), 2, "USD")).rejects.toMatchObject({ code: "notAvailable" });
        await expect(functions.forecast(serial(2026, 12, 1), 0)).rejects.toMatchObject({ code: "invalidNumber" });
      });

      it("fits once for many calls, and again only when invalidated", async () => {
        const before = reads;
        await Promise.all([functions.collected("x", serial(2026, 12, 1), 30), functions.collected("y", serial(2026, 12, 1), 30)]);
        expect(reads).toBe(before);
        cache.invalidate();
        await functions.collected("x", serial(2026, 12, 1), 30);
        expect(reads).toBe(before + 1);
      });

      it("rejects a non-positive amount", async () => {
        await expect(functions.expectedDate("x", serial(2026, 12, 1), 0)).rejects.toMatchObject({ code: "invalidNumber" });
      });
    });

    it("reports a source without an invoice table, and tries again on the next call", async () => {
      const { cache, functions } = setup();
      let calls = 0;
      cache.setSource({ read: () => (calls++, { date1904: false, sheets: [{ name: "Empty", firstRow: 1, firstColumn: 1, rows: [] }] }) });
      await expect(functions.collected("x", serial(2026, 12, 1), 30)).rejects.toMatchObject({ code: "notAvailable", message: expect.stringContaining("could not be fitted") });
      await expect(functions.collected("x", serial(2026, 12, 1), 30)).rejects.toBeInstanceOf(FunctionError);
      expect(calls).toBe(2);
    });
  });
});
