import type { ReceivablesOptions } from "../../engine/runReceivables";
import type { WorkbookData } from "../../engine/port";
import type { ForecastModelCache } from "../../functions/modelCache";

/**
 * Hands the sources just read to the custom functions' model cache, when the functions run in this runtime
 * (src/functions/functions.ts puts the cache on globalThis): EXPECTEDDATE, COLLECTED and FORECAST then fit on the
 * same data and settings as the reports. Returns whether a cache was there.
 */
export function registerForecastSource(workbook: WorkbookData, receivables: Omit<ReceivablesOptions, "asOf">): boolean {
  const cache = (globalThis as { receivablesDeskForecastModels?: ForecastModelCache }).receivablesDeskForecastModels;
  if (!cache) return false;
  cache.setSource({ read: () => workbook, receivables });
  return true;
}
