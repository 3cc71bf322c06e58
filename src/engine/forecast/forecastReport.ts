import type { Applications } from "../ledger/applyCash";
import type { Ledger } from "../ledger/ledger";
import { backtest, type BacktestOptions, type BacktestResult } from "./backtest";
import { cashPeriods, type CashForecast } from "./cashForecast";
import { fitPaymentModel } from "./fitPaymentModel";
import type { ForecastOptions } from "./forecastOptions";
import { predictWithCash, type PaymentForecast } from "./forecastPayments";
import { expectedOrder } from "./forecastOrder";

/** Everything the forecast sheet and the forecast JSON show, computed once. */
export interface ForecastReport {
  readonly ledger: Ledger;
  readonly forecast: PaymentForecast;
  readonly cash: CashForecast;
  /** Positions into forecast.items in the order the sheet and the JSON list them (see expectedOrder). */
  readonly order: Int32Array;
  /** Undefined when not asked for. */
  readonly backtest: BacktestResult | undefined;
}

export interface ForecastReportOptions extends ForecastOptions {
  /** Run the backtest (default true); an object passes its settings. */
  readonly backtest?: boolean | Omit<BacktestOptions, keyof ForecastOptions | "asOf">;
}

/**
 * The forecast as of a day: per-item payment dates and probabilities, the weekly and monthly cash forecast, and
 * (unless turned off) the backtest on the history up to that day.
 */
export function forecastReport(ledger: Ledger, applications: Applications, asOf: number, options: ForecastReportOptions = {}): ForecastReport {
  const { backtest: backtestSetting, ...forecastOptions } = options;
  const model = fitPaymentModel(ledger, applications, asOf, forecastOptions);
  const { forecast, cash } = predictWithCash(model, ledger, cashPeriods(asOf));
  return {
    ledger,
    forecast,
    cash: { asOf, weekly: cash[0]!, monthly: cash[1]! },
    order: expectedOrder(ledger, forecast),
    backtest:
      backtestSetting === false
        ? undefined
        : backtest(ledger, applications, { ...forecastOptions, ...(typeof backtestSetting === "object" ? backtestSetting : {}), asOf }),
  };
}
