import { minorUnitExponent } from "../money/currency";
import { majorFromMinor } from "../money/money";
import type { ColumnStyle } from "./model";

/**
 * An Excel number format that shows the currency code after the amount, with the currency's decimals.
 * @example currencyFormat("PLN") //=> '#,##0.00 "PLN";-#,##0.00 "PLN"'
 */
export function currencyFormat(code: string): string {
  const exponent = minorUnitExponent(code);
  const number = exponent > 0 ? `#,##0.${"0".repeat(exponent)}` : "#,##0";
  const quoted = `"${code.replace(/"/g, "")}"`;
  return `${number} ${quoted};-${number} ${quoted}`;
}

/** The column style of amounts in one currency. */
export function amountIn(code: string): ColumnStyle {
  return { kind: "amount", numberFormat: currencyFormat(code) };
}

/** Minor units → major units of a currency, for a report cell. */
export function major(minor: number, code: string): number {
  return majorFromMinor(minor, minorUnitExponent(code));
}

/** Rounds a ratio for display (days, percent): one decimal is what the reports show. */
export function roundTo(value: number | undefined, decimals: number): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
