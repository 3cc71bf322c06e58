import { CURRENCY_SYMBOLS } from "./currency";

/**
 * Reads an amount typed as text, in the shapes ERP exports and people produce:
 * `1 234,56 zł`, `(123.45)`, `$1,234.56`, `12.000,00 EUR`, `1'234.50`, `-500`, `500-`, `EUR 1,234.56`.
 *
 * Separators: when both `.` and `,` appear, the later one is the decimal mark. When one appears once with exactly
 * three digits after it (`1,234`, `1.234`), it is a thousands separator — an amount with three decimals is far
 * rarer than a thousand. Spaces (also non-breaking) and apostrophes group thousands.
 */
export type ParsedAmount =
  | {
      readonly ok: true;
      readonly negative: boolean;
      /** Digits before the decimal mark, without separators (may be ""). */
      readonly integer: string;
      /** Digits after the decimal mark (may be ""). */
      readonly fraction: string;
      /** ISO code when the text carries a symbol or code. */
      readonly currency?: string;
    }
  | { readonly ok: false };

const NOT_AN_AMOUNT: ParsedAmount = { ok: false };
const SPACES = /[\s\u00a0\u2007\u202f']/g;

/**
 * @example parseAmountText("1 234,56 zł") //=> { ok: true, negative: false, integer: "1234", fraction: "56", currency: "PLN" }
 */
export function parseAmountText(text: string): ParsedAmount {
  let rest = text.trim().replace(/\u2212/g, "-");
  if (rest === "") return NOT_AN_AMOUNT;
  let negative = false;
  if (rest.startsWith("(") && rest.endsWith(")")) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  let currency: string | undefined;
  const stripped = stripCurrency(rest);
  if (stripped) {
    currency = stripped.currency;
    rest = stripped.rest;
  }
  if (rest.startsWith("-")) {
    negative = !negative;
    rest = rest.slice(1).trim();
  } else if (rest.endsWith("-")) {
    negative = !negative;
    rest = rest.slice(0, -1).trim();
  } else if (rest.startsWith("+")) {
    rest = rest.slice(1).trim();
  }
  // A currency may stand between the sign and the digits ("-€12", "- 12 zł" handled above).
  if (currency === undefined) {
    const again = stripCurrency(rest);
    if (again) {
      currency = again.currency;
      rest = again.rest;
    }
  }
  const compact = rest.replace(SPACES, "");
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(compact)) return NOT_AN_AMOUNT;
  const split = splitDecimal(compact);
  if (!split) return NOT_AN_AMOUNT;
  return currency === undefined
    ? { ok: true, negative, integer: split.integer, fraction: split.fraction }
    : { ok: true, negative, integer: split.integer, fraction: split.fraction, currency };
}

function stripCurrency(text: string): { currency: string; rest: string } | undefined {
  const prefix = /^([A-Za-z]{3})(?=[\s\d+\-(.,])\s*/.exec(text);
  if (prefix && !isKnownSymbolWord(prefix[1]!)) {
    return { currency: prefix[1]!.toUpperCase(), rest: text.slice(prefix[0].length) };
  }
  const suffix = /\s*([A-Za-z]{3})$/.exec(text);
  if (suffix && suffix.index > 0 && !isKnownSymbolWord(suffix[1]!)) {
    return { currency: suffix[1]!.toUpperCase(), rest: text.slice(0, suffix.index) };
  }
  const lower = text.toLowerCase();
  for (const [symbol, iso] of CURRENCY_SYMBOLS) {
    if (lower.endsWith(symbol)) return { currency: iso, rest: text.slice(0, -symbol.length).trim() };
    if (lower.startsWith(symbol)) return { currency: iso, rest: text.slice(symbol.length).trim() };
  }
  return undefined;
}

/** Three-letter words that are symbols, not ISO codes. */
function isKnownSymbolWord(word: string): boolean {
  return CURRENCY_SYMBOLS.some(([symbol]) => symbol === word.toLowerCase());
}

function splitDecimal(compact: string): { integer: string; fraction: string } | undefined {
  const lastDot = compact.lastIndexOf(".");
  const lastComma = compact.lastIndexOf(",");
  let decimalMark: "." | "," | undefined;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? "." : ",";
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? "." : ",";
    const count = compact.split(mark).length - 1;
    const after = compact.length - compact.lastIndexOf(mark) - 1;
    const before = compact.slice(0, compact.indexOf(mark));
    const looksGrouped = after === 3 && before !== "0" && before.length > 0;
    decimalMark = count === 1 && !looksGrouped ? mark : undefined;
  }
  const thousandsMark = decimalMark === "." ? "," : decimalMark === "," ? "." : undefined;
  let integerPart = compact;
  let fraction = "";
  if (decimalMark !== undefined) {
    const at = compact.lastIndexOf(decimalMark);
    integerPart = compact.slice(0, at);
    fraction = compact.slice(at + 1);
    if (!/^\d*$/.test(fraction)) return undefined;
  }
  const groupMarks = thousandsMark ?? (compact.includes(".") ? "." : ",");
  const groups = integerPart.split(groupMarks);
  if (groups.length > 1) {
    // Thousands groups after the first must have exactly three digits: "1,23" is not an amount.
    if (groups.slice(1).some((g) => g.length !== 3) || groups[0] === "") return undefined;
  }
  const integer = groups.join("");
  if (!/^\d*$/.test(integer)) return undefined;
  if (integer === "" && fraction === "") return undefined;
  return { integer, fraction };
}

/**
 * Minor units of a parsed amount at the currency's exponent; rounds half away from zero.
 * @example minorFromParsed({ ok: true, negative: true, integer: "123", fraction: "455" }, 2) //=> { minor: -12346, rounded: true }
 */
export function minorFromParsed(
  parsed: { readonly negative: boolean; readonly integer: string; readonly fraction: string },
  exponent: number,
): { minor: number; rounded: boolean; tooLarge: boolean } {
  const integer = parsed.integer.replace(/^0+/, "");
  const kept = parsed.fraction.slice(0, exponent).padEnd(exponent, "0");
  const dropped = parsed.fraction.slice(exponent);
  const digits = integer + kept;
  if (digits.length > 15) return { minor: 0, rounded: false, tooLarge: true };
  let whole = digits === "" ? 0 : Number(digits);
  const roundUp = dropped !== "" && dropped.charCodeAt(0) >= 53; // first dropped digit ≥ 5
  if (roundUp) whole += 1;
  const minor = parsed.negative && whole !== 0 ? -whole : whole;
  return { minor, rounded: /[1-9]/.test(dropped), tooLarge: false };
}
