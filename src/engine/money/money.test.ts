import fc from "fast-check";
import { allocate } from "./allocate";
import { majorFromMinor, minorFromNumber, money } from "./money";
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
