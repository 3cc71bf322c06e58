/**
 * The Excel custom functions (Office's CustomFunctions runtime): thin wrappers over ./forecastFunctions. The
 * JSDoc tags below are read by custom-functions-metadata to generate functions.json, and its webpack plugin adds
 * the CustomFunctions.associate calls; nothing here is registered by hand.
 *
 * The only module of src/functions that touches an Office global, and only to throw CustomFunctions.Error.
 */
import { dayFromCivil } from "../engine/dates/civil";
import { createForecastFunctions } from "./forecastFunctions";
import { FunctionError } from "./functionErrors";
import { ForecastModelCache } from "./modelCache";

/** Today in the machine's own calendar, as the user sees it: the default as-of date of the functions. */
function localToday(): number {
  const now = new Date();
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The model behind EXPECTEDDATE, COLLECTED and FORECAST. The task pane registers where the invoices and payments
 * are (`forecastModels.setSource`) and calls `invalidate()` when they change.
 */
export const forecastModels = new ForecastModelCache(localToday);

// The pane and the functions are separate bundles in one shared runtime (manifest: SharedRuntime): the pane finds
// the cache here to register the workbook's sources after a run (src/taskpane/run/forecastSource.ts).
(globalThis as { receivablesDeskForecastModels?: ForecastModelCache }).receivablesDeskForecastModels = forecastModels;

const core = createForecastFunctions({ cache: forecastModels, today: localToday });

interface CustomFunctionsRuntime {
  readonly Error: new (code: string, message?: string) => Error;
  readonly ErrorCode: { readonly notAvailable: string; readonly invalidValue: string; readonly invalidNumber: string };
}

/** A FunctionError as the Excel error it stands for (#N/A, #VALUE!, #NUM!); anything else is rethrown as is. */
function excelError(error: unknown): Error {
  const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  if (!(error instanceof FunctionError) || !runtime) return error instanceof Error ? error : new Error(String(error));
  return new runtime.Error(runtime.ErrorCode[error.code], error.message);
}

function guarded<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw excelError(error);
  }
}

async function guardedAsync<T>(compute: () => Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (error) {
    throw excelError(error);
  }
}

/**
 * Days past the due date as of a day: positive when overdue, 0 on the due date, negative before it.
 * @customfunction DAYSPASTDUE
 * @param dueDate Due date.
 * @param [asOf] As-of date; today when omitted.
 * @returns Days past due.
 * @volatile
 */
export function daysPastDue(dueDate: number, asOf?: number): number {
  return guarded(() => core.daysPastDue(dueDate, asOf));
}

/**
 * The aging bucket of a due date as of a day, e.g. "Not due", "1–30", "91+".
 * @customfunction BUCKET
 * @param dueDate Due date.
 * @param [asOf] As-of date; today when omitted.
 * @param [ladder] Upper edges of the buckets in days, e.g. "30,60,90" (the default).
 * @returns The bucket's label.
 * @volatile
 */
export function bucket(dueDate: number, asOf?: number, ladder?: string): string {
  return guarded(() => core.bucket(dueDate, asOf, ladder));
}

/**
 * Expected payment date of an open invoice, learnt from the customer's payment history (the portfolio's for a
 * customer without one).
 * @customfunction EXPECTEDDATE
 * @param customer Customer name or ID, as in the invoice sheet.
 * @param dueDate Due date of the invoice.
 * @param amount Open amount of the invoice (positive).
 * @returns The expected payment date.
 */
export function expectedDate(customer: string, dueDate: number, amount: number): Promise<number> {
  return guardedAsync(() => core.expectedDate(customer, dueDate, amount));
}

/**
 * Probability (0 to 1) that an open invoice is collected within a number of days from today.
 * @customfunction COLLECTED
 * @param customer Customer name or ID, as in the invoice sheet.
 * @param dueDate Due date of the invoice.
 * @param days Days from today.
 * @returns The probability of collection.
 */
export function collected(customer: string, dueDate: number, days: number): Promise<number> {
  return guardedAsync(() => core.collected(customer, dueDate, days));
}

/**
 * Expected collections of the open invoices per week: week start, expected, P10 and P90 (spills).
 * @customfunction FORECAST
 * @param startDate First day of the first week.
 * @param weeks Number of weeks (1 to 104).
 * @param [currency] Currency code; the one with the most open when omitted.
 * @returns Rows of week start, expected, P10, P90.
 */
export function forecast(startDate: number, weeks: number, currency?: string): Promise<number[][]> {
  return guardedAsync(() => core.forecast(startDate, weeks, currency));
}
