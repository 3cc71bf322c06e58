/**
 * Money: integer minor units with a currency. No floating-point sums anywhere: amounts are added as integers,
 * and a guard keeps every value inside the range where doubles add exactly.
 */

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
