import { minorFromParsed, parseAmountText } from "./parseAmountText";

function minorOf(text: string, exponent = 2): { minor: number; currency?: string } | undefined {
  const parsed = parseAmountText(text);
  if (!parsed.ok) return undefined;
  const { minor } = minorFromParsed(parsed, exponent);
  return parsed.currency === undefined ? { minor } : { minor, currency: parsed.currency };
}

describe("parseAmountText", () => {
  it.each([
    ["1 234,56 zł", 123456, "PLN"],
    ["1\u00a0234,56", 123456, undefined],
    ["(123.45)", -12345, undefined],
    ["$1,234.56", 123456, "USD"],
    ["12.000,00 EUR", 1200000, "EUR"],
    ["EUR 1,234.56", 123456, "EUR"],
    ["1'234.50", 123450, undefined],
    ["-500", -50000, undefined],
    ["500-", -50000, undefined],
    ["\u22121 000,00 PLN", -100000, "PLN"],
    ["1,234", 123400, undefined],
    ["1.234.567", 123456700, undefined],
    ["0,125", 13, undefined],
    ["1234,5", 123450, undefined],
    ["-€12.30", -1230, "EUR"],
    [",50", 50, undefined],
  ])("reads %s as %d minor units", (text, minor, currency) => {
    expect(minorOf(text)).toEqual(currency === undefined ? { minor } : { minor, currency });
  });

  it.each(["n/a", "", "abc", "1,23,4", "12-34", "1.2.3,4,5", "--5", "€"])("rejects %s", (text) => {
    expect(parseAmountText(text).ok).toBe(false);
  });
});

describe("minorFromParsed", () => {
  it("rounds half away from zero and says so", () => {
    expect(minorFromParsed({ negative: true, integer: "123", fraction: "455" }, 2)).toEqual({
      minor: -12346,
      rounded: true,
      tooLarge: false,
    });
  });
  it("uses the currency exponent: 0 for JPY, 3 for KWD", () => {
    expect(minorFromParsed({ negative: false, integer: "1500", fraction: "" }, 0).minor).toBe(1500);
    expect(minorFromParsed({ negative: false, integer: "1", fraction: "5" }, 3).minor).toBe(1500);
  });
  it("refuses amounts beyond 15 digits of minor units", () => {
    expect(minorFromParsed({ negative: false, integer: "99999999999999", fraction: "00" }, 2).tooLarge).toBe(true);
  });
});
