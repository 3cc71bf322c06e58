// src/functions — Excel custom functions (DAYSPASTDUE, BUCKET, EXPECTEDDATE, COLLECTED, FORECAST): pure cores in
// forecastFunctions.ts over a cached forecast model (modelCache.ts); functions.ts is the Office-facing wrapper.
export { createForecastFunctions, MAX_FORECAST_WEEKS, type ForecastFunctions, type ForecastFunctionsContext } from "./forecastFunctions";
export { ForecastModelCache, type FittedModel, type ModelSource } from "./modelCache";
export { FunctionError, type FunctionErrorCode } from "./functionErrors";
