const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system (the Unix epoch, which ExcelJS's Dates count from). */
const UNIX_EPOCH_SERIAL_1900 = 25569;
/** 1904-01-01 is serial 1462 in the 1900 system and serial 0 in the 1904 system. */
const DAYS_1900_TO_1904 = 1462;

/**
 * The serial a date cell holds in the workbook, recovered from the JS Date ExcelJS made of it.
 *
 * ExcelJS reads a number under a date format as `new Date(round((serial - 25569 + (1904 ? 1462 : 0)) * 86400000))`:
 * the serial's wall-clock reading at UTC, whatever the machine's time zone. This is the exact inverse, in UTC
 * arithmetic only. It is a plain day count, so the 1900 leap-year quirk needs nothing here: serial 60 comes back
 * as 60 (ExcelJS shows it as 1900-02-28, but the serial survives, and `dayFromSerial` deals with it).
 * ExcelJS rounds to the millisecond; a time of day finer than that cannot be recovered.
 *
 * `date1904` must be the flag ExcelJS used when it made the Date.
 * @example serialFromExcelJsDate(new Date(Date.UTC(2025, 0, 31)), false)       //=> 45688
 * @example serialFromExcelJsDate(new Date(Date.UTC(2025, 0, 31, 12)), false)   //=> 45688.5
 * @example serialFromExcelJsDate(new Date(Date.UTC(2025, 0, 31)), true)        //=> 44226
 */
export function serialFromExcelJsDate(date: Date, date1904: boolean): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  // Whole days and the time of day apart, so that a whole-day serial comes back as an exact integer and the
  // fraction is the correctly rounded quotient of its milliseconds.
  const days = Math.floor(ms / MS_PER_DAY);
  const msOfDay = ms - days * MS_PER_DAY;
  const wholeSerial = days + UNIX_EPOCH_SERIAL_1900 - (date1904 ? DAYS_1900_TO_1904 : 0);
  return msOfDay === 0 ? wholeSerial : wholeSerial + msOfDay / MS_PER_DAY;
}
