/**
 * Settings of the payment model. The defaults are plain statements about receivables, not values fitted to one
 * data set; docs/forecast.md gives the reasons and the backtest's sensitivity to each.
 */
export interface ForecastOptions {
  /** How fast old behaviour is forgotten: an item due this many days before the as-of date counts half. */
  readonly halfLifeDays?: number;
  /**
   * Empirical-Bayes prior strength k: where a customer has n items at risk, its own history weighs
   * n / (n + k) against the prior (see delayCurves).
   */
  readonly priorStrength?: number;
  /**
   * Exponent of the amount weight: 1 weighs history by amount, 0 counts items. Amounts are compared with the
   * customer's (or, in the portfolio, the currency's) mean amount, so currencies mix fairly.
   */
  readonly amountWeightPower?: number;
  /**
   * An item is settled once its open amount is at most this share of its amount (a 0.01 residue left by a
   * rounding customer, a bank fee). Such items get no forecast.
   */
  readonly residueShare?: number;
  /**
   * Prior strength of a customer's seasonal offset per calendar month: n past items due in that month get weight
   * n / (n + k).
   */
  readonly seasonPriorStrength?: number;
  /**
   * A customer that has paid nothing for this many days while owing overdue items is "silent": its items are
   * collected only if it resumes paying, with the chance learnt from the portfolio's gaps between payments.
   */
  readonly silenceDays?: number;
}

export type ResolvedForecastOptions = Required<ForecastOptions>;

export const DEFAULT_FORECAST_OPTIONS: ResolvedForecastOptions = {
  halfLifeDays: 180,
  priorStrength: 8,
  amountWeightPower: 1,
  residueShare: 0.01,
  seasonPriorStrength: 3,
  silenceDays: 90,
};

/** Defaults filled in; throws RangeError (a programmer error) on a negative, infinite or NaN setting. */
export function resolveForecastOptions(options: ForecastOptions = {}): ResolvedForecastOptions {
  const resolved = { ...DEFAULT_FORECAST_OPTIONS };
  for (const key of Object.keys(resolved) as Array<keyof ResolvedForecastOptions>) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`forecast option ${key} must be a finite number ≥ 0, got ${value}`);
    resolved[key] = value;
  }
  if (resolved.halfLifeDays === 0) throw new RangeError("forecast option halfLifeDays must be > 0");
  return resolved;
}
