import { bucketIndex, bucketLadder, DEFAULT_LADDER, parseLadder } from "../engine/aging/bucketLadder";
import { dayFromSerial, serialFromDay } from "../engine/dates/excelSerial";
import { collectionsByPeriod, ItemOutlook, nextCashDay, type CashPeriod } from "../engine/forecast";
import type { Language } from "../engine/messages";
import { minorUnitExponent } from "../engine/money/currency";
import { majorFromMinor } from "../engine/money/money";
import { functionError } from "./functionErrors";
import type { ForecastModelCache } from "./modelCache";

/** The longest FORECAST spill, in weeks (two years). */
export const MAX_FORECAST_WEEKS = 104;

export interface ForecastFunctionsContext {
  readonly cache: ForecastModelCache;
  /** Today as a day number: the default as-of date. Injected, so tests do not depend on the clock. */
  readonly today: () => number;
  readonly language?: () => Language;
}

/**
 * The worksheet functions as plain TypeScript: dates in and out are Excel serials (1900 system), errors are
 * FunctionErrors (the Excel wrapper in ./functions turns them into #N/A, #VALUE! or #NUM!). Nothing here touches
 * Office, so every function is tested under jest.
 */
export function createForecastFunctions(context: ForecastFunctionsContext) {
  const language = () => context.language?.() ?? "en";
  const day = (serial: number, name: string): number => {
    const result = typeof serial === "number" ? dayFromSerial(serial, false) : undefined;
    if (!result?.ok) throw functionError("invalidValue", "badDate", language(), `${name} (${String(serial)})`);
    return result.day;
  };
  const asOfDay = (asOf: number | null | undefined) => (asOf === undefined || asOf === null ? context.today() : day(asOf, "asOf"));
  const fitted = async (customer: string) => {
    const fit = await context.cache.model();
    const index = fit.customers.get(String(customer ?? "").trim().toLowerCase()) ?? -1;
    return { fit, index };
  };

  return {
    /**
     * Days past due as of a day (today by default): positive when overdue, 0 on the due date, negative before.
     * @example daysPastDue(45688, 45703) //=> 15
     */
    daysPastDue(dueDate: number, asOf?: number | null): number {
      return asOfDay(asOf) - day(dueDate, "dueDate");
    },

    /**
     * The aging bucket of a due date as of a day (today by default) on a ladder of days ("30,60,90" by
     * default): "Not due", "1–30", …, "91+".
     * @example bucket(45688, 45703) //=> "1–30"
     */
    bucket(dueDate: number, asOf?: number | null, ladder?: string | null): string {
      const edges = ladder === undefined || ladder === null || String(ladder).trim() === "" ? DEFAULT_LADDER : parseLadder(String(ladder));
      if (!edges) throw functionError("invalidValue", "badLadder", language(), String(ladder));
      const buckets = bucketLadder(edges, "due", language());
      return buckets[bucketIndex(buckets, asOfDay(asOf) - day(dueDate, "dueDate"))]!.label;
    },

    /**
     * The expected payment date (serial) of an invoice of a customer due on a date, still open today: the
     * median payment day given that it is paid, from the customer's history (the portfolio's for an unknown
     * customer). The amount must be positive; the model's delays do not depend on it.
     */
    async expectedDate(customer: string, dueDate: number, amount: number): Promise<number> {
      const due = day(dueDate, "dueDate");
      if (!(typeof amount === "number" && amount > 0)) throw functionError("invalidNumber", "badNumber", language(), "amount", "0.01");
      const { fit, index } = await fitted(customer);
      const outlook = new ItemOutlook(fit.model);
      outlook.prepare(index, false, due);
      const median = outlook.medianDay();
      if (Number.isNaN(median)) throw functionError("notAvailable", "noPayment", language());
      return serialFromDay(nextCashDay(fit.model, median));
    },

    /** The probability (0–1) that such an invoice, open today, is collected within `days` days. */
    async collected(customer: string, dueDate: number, days: number): Promise<number> {
      const due = day(dueDate, "dueDate");
      if (!(typeof days === "number" && Number.isFinite(days) && days >= 0)) throw functionError("invalidNumber", "badNumber", language(), "days", "0");
      const { fit, index } = await fitted(customer);
      const outlook = new ItemOutlook(fit.model);
      outlook.prepare(index, false, due);
      return outlook.collectedWithin(Math.floor(days));
    },

    /**
     * Expected collections of the open items per week from a start date: rows of [week start (serial),
     * expected, P10, P90], amounts in major units of `currency` (by default the currency with the most open).
     */
    async forecast(startDate: number, weeks: number, currency?: string | null): Promise<number[][]> {
      const start = day(startDate, "startDate");
      if (!(Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_FORECAST_WEEKS)) {
        throw functionError("invalidNumber", "badNumber", language(), "weeks", "1");
      }
      const fit = await context.cache.model();
      const periods: CashPeriod[] = Array.from({ length: weeks }, (_, w) => ({ start: start + 7 * w, end: start + 7 * w + 6 }));
      const series = collectionsByPeriod(fit.forecast, fit.ledger, periods);
      const wanted = currency === undefined || currency === null || String(currency).trim() === "" ? undefined : String(currency).trim().toUpperCase();
      const chosen = wanted === undefined ? series.reduce<(typeof series)[number] | undefined>((best, s) => (!best || s.open > best.open ? s : best), undefined) : series.find((s) => fit.ledger.currencies[s.currency] === wanted);
      if (!chosen) throw functionError("notAvailable", "noCurrency", language(), wanted ?? "");
      const exponent = minorUnitExponent(fit.ledger.currencies[chosen.currency]!);
      const major = (minor: number) => majorFromMinor(Math.round(minor), exponent);
      return periods.map((period, w) => [serialFromDay(period.start), major(chosen.expected[w]!), major(chosen.p10[w]!), major(chosen.p90[w]!)]);
    },
  };
}

export type ForecastFunctions = ReturnType<typeof createForecastFunctions>;
