import { FIRST_DAY, LAST_DAY } from "./civil";

/**
 * Excel serials ↔ day numbers.
 *
 * 1900 system: Excel counts 1900-01-01 as serial 1 and believes 1900 was a leap year (a Lotus 1-2-3 quirk), so
 * serial 60 is the non-existent 1900-02-29 and serials 1..59 are one day *later* than a plain count from
 * 1899-12-30 would say. From serial 61 (1900-03-01) on, serial = day number.
 * 1904 system (old Mac workbooks): serial 0 is 1904-01-01, i.e. day number 1462.
 */

export type SerialResult =
  | { readonly ok: true; readonly day: number }
  | { readonly ok: false; readonly reason: "serial-60" | "date-out-of-range" };

const DAYS_1900_TO_1904 = 1462;

/**
 * Day number for an Excel serial; the time-of-day fraction is dropped.
 * @example dayFromSerial(45688, false) //=> { ok: true, day: 45688 }  (2025-01-31)
 * @example dayFromSerial(59, false)    //=> { ok: true, day: 60 }     (1900-02-28)
 */
export function dayFromSerial(serial: number, date1904: boolean): SerialResult {
  if (!Number.isFinite(serial)) return { ok: false, reason: "date-out-of-range" };
  const whole = Math.floor(serial);
  let day: number;
  if (date1904) {
    day = whole + DAYS_1900_TO_1904;
  } else if (whole === 60) {
    return { ok: false, reason: "serial-60" };
  } else {
    day = whole < 60 ? whole + 1 : whole;
  }
  if (day < FIRST_DAY || day > LAST_DAY) return { ok: false, reason: "date-out-of-range" };
  return { ok: true, day };
}

/**
 * Excel serial (1900 system) for a day number: what a renderer writes into a date cell.
 * @example serialFromDay(61) //=> 61  (1900-03-01)
 */
export function serialFromDay(day: number): number {
  return day <= 60 ? day - 1 : day;
}
