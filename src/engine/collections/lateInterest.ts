/**
 * Statutory late-payment interest, EU Directive 2011/7/EU style: simple interest on the unpaid amount at the
 * reference rate plus a margin (at least 8 points), from the day after the due date, on a 365-day year; rounded
 * half up to the minor unit. The rates are settings: the reference rate is published semi-annually and is never
 * hard-coded here.
 * @example lateInterest(100_000, 30, 10.5) //=> 863   (€1,000 × 10.5 % × 30/365 = €8.63)
 */
export function lateInterest(openMinor: number, daysLate: number, annualRatePercent: number): number {
  if (openMinor <= 0 || daysLate <= 0 || annualRatePercent <= 0) return 0;
  // Scale first so the one division happens last: 100000 × 10.5 × 30 / 36500.
  return Math.round((openMinor * annualRatePercent * daysLate) / 36_500 + 1e-9);
}

/**
 * The fixed compensation per late invoice (40 EUR under the directive; CJEU C-78/22: per invoice), in the
 * invoice's currency: `eurRate` is units of that currency per 1 EUR. Undefined when no rate is known for a
 * non-EUR invoice — the report then says so rather than guessing.
 * @example recoveryCompensation(40, "PLN", 4.3, 2) //=> 17200  (172.00 zł)
 */
export function recoveryCompensation(amountEur: number, currency: string, eurRate: number | undefined, exponent: number): number | undefined {
  const rate = currency === "EUR" ? 1 : eurRate;
  if (rate === undefined || !(rate > 0)) return undefined;
  return Math.round(amountEur * rate * 10 ** exponent);
}
