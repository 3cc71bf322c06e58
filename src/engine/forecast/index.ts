// src/engine/forecast — when open invoices will be paid (per item and as a 13-week / 6-month cash forecast),
// learnt from each customer's own settlement history, with a backtest against naive baselines. Pure: no I/O.
export { forecastPayments, predictOpenItems, nextCashDay, type PaymentForecast } from "./forecastPayments";
export { fitPaymentModel, type PaymentModel } from "./fitPaymentModel";
export { ItemOutlook, BASIS_NAMES, type Basis } from "./itemOutlook";
export { cashForecast, collectionsByPeriod, gammaQuantile, type CashForecast, type CashPeriod, type CashSeries } from "./cashForecast";
export { backtest, BACKTEST_METHODS, type BacktestOptions, type BacktestResult, type MethodScore } from "./backtest";
export { forecastReport, type ForecastReport, type ForecastReportOptions } from "./forecastReport";
export { forecastSheet } from "./forecastSheet";
export { backtestJson, forecastJson, type ForecastJson, type ForecastItemJson } from "./forecastJson";
export { DEFAULT_FORECAST_OPTIONS, resolveForecastOptions, type ForecastOptions } from "./forecastOptions";
export { forecastLabel } from "./labels";
export { NO_DAY } from "./settlementHistory";
