import fc from "fast-check";
import { allocate } from "./allocate";
import { MAX_MINOR, formatMinor, majorFromMinor, minorFromNumber, money } from "./money";
import { minorUnitExponent, normalizeCurrency } from "./currency";

describe("money", () => {
  it("guards the representation", () => {
    expect(money(123, "PLN")).toEqual({ minor: 123, currency: "PLN" });
    expect(() => money(1.5, "PLN")).toThrow(RangeError);
    expect(() => money(2 ** 60, "PLN")).toThrow(RangeError);
  });
  it("reads doubles from cells without their representation error", () => {
    expect(minorFromNumber(1234.56, 2)).toEqual({ minor: 123456, rounded: false });
    expect(minorFromNumber(0.1 + 0.2, 2)).toEqual({ minor: 30, rounded: false });
    expect(minorFromNumber(-1.005, 2)).toEqual({ minor: -101, rounded: true });
    expect(minorFromNumber(1500, 0)).toEqual({ minor: 1500, rounded: false });
  });
  it("writes major units", () => {
    expect(majorFromMinor(-123456, 2)).toBe(-1234.56);
    expect(majorFromMinor(1, 2)).toBe(0.01);
  });
  it("formats amounts for sentences in English and Polish style", () => {
    expect(formatMinor(3493927449, 2, "en")).toBe("34,939,274.49");
    expect(formatMinor(3493927449, 2, "pl")).toBe("34\u00a0939\u00a0274,49");
    // Polish leaves a four-digit whole part ungrouped; English groups it.
    expect(formatMinor(123450, 2, "pl")).toBe("1234,50");
    expect(formatMinor(123450, 2, "en")).toBe("1,234.50");
    expect(formatMinor(-5, 2, "en")).toBe("-0.05");
    expect(formatMinor(1500, 0, "pl")).toBe("1500");
    expect(formatMinor(-1234567, 3, "pl")).toBe("-1234,567");
  });
  it("formats exactly as Intl.NumberFormat does, for any amount and exponent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MINOR, max: MAX_MINOR }), fc.constantFrom(0, 2, 3), fc.constantFrom("en" as const, "pl" as const), (minor, exponent, language) => {
        const intl = new Intl.NumberFormat(language === "pl" ? "pl-PL" : "en-US", { minimumFractionDigits: exponent, maximumFractionDigits: exponent });
        expect(formatMinor(minor, exponent, language)).toBe(intl.format(majorFromMinor(minor, exponent)));
      }),
      { numRuns: 2000 },
    );
  });
  it("knows currencies and their minor units", () => {
    expect(normalizeCurrency(" pln ")).toBe("PLN");
    expect(normalizeCurrency("zł")).toBe("PLN");
    expect(normalizeCurrency("€")).toBe("EUR");
    expect(normalizeCurrency("złote")).toBeUndefined();
    expect(minorUnitExponent("JPY")).toBe(0);
    expect(minorUnitExponent("PLN")).toBe(2);
  });
});

describe("allocate", () => {
  it("splits by largest remainder", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(5, [70, 30])).toEqual([4, 1]);
  });
  it("parts always sum to the whole", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => allocate(total, weights).reduce((a, b) => a + b, 0) === total,
      ),
    );
  });
});
