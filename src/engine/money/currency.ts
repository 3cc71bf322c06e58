/**
 * Currencies as data: minor-unit exponents (ISO 4217) and the symbols people type in amount cells.
 */

/** Currencies whose minor unit is not 1/100. Everything else has two decimals. */
const EXPONENTS: Readonly<Record<string, number>> = {
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, UGX: 0, PYG: 0, XOF: 0, XAF: 0,
  KWD: 3, BHD: 3, JOD: 3, OMR: 3, TND: 3, LYD: 3, IQD: 3,
};

/** @example minorUnitExponent("PLN") //=> 2 ; minorUnitExponent("JPY") //=> 0 */
export function minorUnitExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** Symbols and local abbreviations → ISO code; matched case-insensitively, longest first. */
export const CURRENCY_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ["zł", "PLN"], ["zl", "PLN"], ["€", "EUR"], ["$", "USD"], ["£", "GBP"], ["kč", "CZK"], ["ft", "HUF"],
  ["fr.", "CHF"], ["kr", "SEK"],
];

export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

/**
 * ISO code for a currency cell ("pln", " EUR ", "zł"), or undefined when the text is not a currency.
 * @example normalizeCurrency(" pln ") //=> "PLN"
 */
export function normalizeCurrency(text: string): string | undefined {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (isCurrencyCode(upper)) return upper;
  const lower = trimmed.toLowerCase();
  for (const [symbol, code] of CURRENCY_SYMBOLS) if (lower === symbol) return code;
  return undefined;
}
