/**
 * Civil dates as day numbers: days since 1899-12-30 in the proleptic Gregorian calendar, which is also the
 * Excel serial (1900 system) for every date from 1900-03-01 on. No time zone ever touches them.
 *
 * Algorithm: Howard Hinnant's days_from_civil / civil_from_days, shifted by the epoch.
 */

/** Day number of 1970-01-01 (Excel serial 25569). */
const UNIX_EPOCH_DAY = 25569;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

/**
 * Day number of a civil date (days since 1899-12-30).
 * @example dayFromCivil(2025, 1, 31) //=> 45688
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_EPOCH_DAY;
}

/**
 * Civil date of a day number.
 * @example civilFromDay(45688) //=> { year: 2025, month: 1, day: 31 }
 */
export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber - UNIX_EPOCH_DAY + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO text (yyyy-mm-dd) of a day number. @example isoFromDay(45688) //=> "2025-01-31" */
export function isoFromDay(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Day number of ISO text, or undefined when it is not a valid yyyy-mm-dd date. */
export function dayFromIso(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCivil(year, month, day) ? dayFromCivil(year, month, day) : undefined;
}

/** First and last valid day numbers: 1900-01-01 and 9999-12-31, Excel's range. */
export const FIRST_DAY = dayFromCivil(1900, 1, 1);
export const LAST_DAY = dayFromCivil(9999, 12, 31);
