import { foldDiacritics } from "../dates/parseDateText";

/**
 * Normalized form of a header or keyword cell: lower case, no diacritics, bracketed notes and punctuation
 * removed, single spaces.
 * @example normalizeHeader("Termin płatności (dd.mm.rrrr)") //=> "termin platnosci"
 */
export function normalizeHeader(text: string): string {
  return foldDiacritics(text.toLowerCase())
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Currency codes or words that may trail a header ("Amount PLN", "Kwota [zł]"). */
const CURRENCY_WORDS = new Map<string, string>([
  ["pln", "PLN"], ["zl", "PLN"], ["eur", "EUR"], ["usd", "USD"], ["gbp", "GBP"], ["chf", "CHF"], ["czk", "CZK"],
]);

/**
 * The currency a header names, if any: "Amount (EUR)" → "EUR", "Kwota brutto zł" → "PLN".
 */
export function headerCurrency(text: string): string | undefined {
  const words = foldDiacritics(text.toLowerCase()).replace(/[^a-z]+/g, " ").trim().split(" ");
  for (const word of words) {
    const code = CURRENCY_WORDS.get(word);
    if (code) return code;
  }
  return undefined;
}

/** The header without trailing currency words, for a second matching attempt. */
export function withoutCurrencyWords(normalized: string): string {
  return normalized
    .split(" ")
    .filter((word) => !CURRENCY_WORDS.has(word))
    .join(" ");
}
