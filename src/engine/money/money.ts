/**
 * Money: integer minor units with a currency. No floating-point sums anywhere: amounts are added as integers,
 * and a guard keeps every value inside the range where doubles add exactly.
 */
import type { Language } from "../messages";

export interface Money {
  readonly minor: number;
  readonly currency: string;
}

/** Guards the one representation. Throws only on programmer error (a non-integer reaching the ledger). */
export function money(minor: number, currency: string): Money {
  if (!isSafeMinor(minor)) throw new RangeError(`money: ${minor} is not a safe integer amount of minor units`);
  return { minor, currency };
}

/** 9e12 minor units (90 billion in a two-decimal currency): far above any ledger, and sums of up to ~1,000 such values stay exact. */
export const MAX_MINOR = 9_000_000_000_000;

export function isSafeMinor(minor: number): boolean {
  return Number.isInteger(minor) && Math.abs(minor) <= MAX_MINOR;
}

/**
 * Major units for output (JSON, report cells), rounded to the currency's exponent.
 * @example majorFromMinor(-123456, 2) //=> -1234.56
 */
export function majorFromMinor(minor: number, exponent: number): number {
  const scale = 10 ** exponent;
  return minor / scale;
}

/**
 * An amount as text for a sentence, in the language's number style: en "1,234,567.89"; pl "1 234 567,89" with
 * no-break spaces and, as Polish writes them, no grouping of a four-digit whole part ("1234,50"). The same text
 * as Intl.NumberFormat("en-US" | "pl-PL") with the exponent's decimals, from the integer minor units directly,
 * without loading ICU's locale data (about 26 ms the first time, in a command that runs for about a second).
 * @example formatMinor(-123456789, 2, "pl") //=> "-1 234 567,89" (no-break spaces)
 */
export function formatMinor(minor: number, exponent: number, language: Language): string {
  const scale = 10 ** exponent;
  const magnitude = Math.abs(minor);
  const fraction = exponent > 0 ? String(magnitude % scale).padStart(exponent, "0") : "";
  const whole = String(Math.floor(magnitude / scale));
  const group = language === "pl" ? "\u00a0" : ",";
  let grouped = whole;
  if (whole.length > (language === "pl" ? 4 : 3)) {
    grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
    for (let at = grouped.length; at < whole.length; at += 3) grouped += group + whole.slice(at, at + 3);
  }
  const sign = minor < 0 ? "-" : "";
  return exponent > 0 ? `${sign}${grouped}${language === "pl" ? "," : "."}${fraction}` : `${sign}${grouped}`;
}

/**
 * Minor units from a number held in a cell (which is a double: 1234.56 is not exact). Rounds half away from
 * zero after cutting the representation error at 15 significant digits; `rounded` says the value really had
 * more decimals than the currency allows.
 * @example minorFromNumber(1234.56, 2) //=> { minor: 123456, rounded: false }
 * @example minorFromNumber(0.1 + 0.2, 2) //=> { minor: 30, rounded: false }
 */
export function minorFromNumber(value: number, exponent: number): { minor: number; rounded: boolean } {
  const direct = value * 10 ** exponent;
  const nearest = Math.round(direct);
  // Fast path: a cell value that is whole in minor units up to its representation error (1234.56 → 123456.00000000001).
  if (Math.abs(direct - nearest) < 1e-6 && Math.abs(direct) < 1e15) {
    return { minor: nearest === 0 ? 0 : nearest, rounded: false };
  }
  const scaled = Number((Math.abs(value) * 10 ** exponent).toPrecision(15));
  const whole = Math.round(scaled);
  const minor = value < 0 ? -whole : whole;
  return { minor: minor === 0 ? 0 : minor, rounded: Math.abs(scaled - whole) > 1e-6 };
}
