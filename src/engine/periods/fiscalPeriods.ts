import { civilFromDay, dayFromCivil } from "../dates/civil";

export interface Period {
  /** "2025-Q1" for a quarter, "2025" for a fiscal year: the fiscal year is named by the calendar year it ends in. */
  readonly label: string;
  readonly start: number;
  /** Last day; the current period ends on the as-of date. */
  readonly end: number;
  /** True when the period is cut short at the as-of date. */
  readonly partial: boolean;
}

/** The first day of the fiscal year holding `day`, for fiscal years starting on the 1st of `startMonth`. */
export function fiscalYearStart(day: number, startMonth: number): number {
  const { year, month } = civilFromDay(day);
  return dayFromCivil(month >= startMonth ? year : year - 1, startMonth, 1);
}

/** The calendar year a fiscal year starting on `start` ends in: its name. */
function fiscalYearName(start: number, startMonth: number): number {
  const { year } = civilFromDay(start);
  return startMonth === 1 ? year : year + 1;
}

function addMonths(day: number, months: number): number {
  const { year, month } = civilFromDay(day);
  const index = year * 12 + (month - 1) + months;
  return dayFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
}

/**
 * The quarters of the previous and the current fiscal year that have begun by `asOf`, oldest first; the current
 * quarter ends on `asOf`.
 * @example fiscalQuarters(dayFromCivil(2025, 5, 10), 1).map(q => q.label) //=> ["2024-Q1", …, "2024-Q4", "2025-Q1", "2025-Q2"]
 */
export function fiscalQuarters(asOf: number, startMonth: number): Period[] {
  const currentStart = fiscalYearStart(asOf, startMonth);
  const quarters: Period[] = [];
  for (const yearStart of [addMonths(currentStart, -12), currentStart]) {
    const name = fiscalYearName(yearStart, startMonth);
    for (let q = 0; q < 4; q++) {
      const start = addMonths(yearStart, q * 3);
      if (start > asOf) break;
      const end = addMonths(yearStart, q * 3 + 3) - 1;
      quarters.push({ label: `${name}-Q${q + 1}`, start, end: Math.min(end, asOf), partial: end > asOf });
    }
  }
  return quarters;
}

/** The fiscal year holding `asOf`, ending on `asOf`. */
export function fiscalYear(asOf: number, startMonth: number): Period {
  const start = fiscalYearStart(asOf, startMonth);
  const end = addMonths(start, 12) - 1;
  return { label: String(fiscalYearName(start, startMonth)), start, end: Math.min(end, asOf), partial: end > asOf };
}

/**
 * Calendar months ending with the one holding `end`, most recent first, each cut at `end` — the months a
 * countback DSO walks through.
 */
export function monthsBack(end: number, count: number): Period[] {
  const months: Period[] = [];
  let monthStart = addMonths(end, 0);
  for (let i = 0; i < count; i++) {
    const monthEnd = addMonths(monthStart, 1) - 1;
    const { year, month } = civilFromDay(monthStart);
    months.push({ label: `${year}-${String(month).padStart(2, "0")}`, start: monthStart, end: Math.min(monthEnd, end), partial: monthEnd > end });
    monthStart = addMonths(monthStart, -1);
  }
  return months;
}

/** The business day before `day` (Monday → Friday). */
export function previousBusinessDay(day: number): number {
  // Day 0 (1899-12-30) was a Saturday: (day + 6) % 7 is 0 on Sunday … 6 on Saturday.
  let previous = day - 1;
  while ((previous + 6) % 7 === 0 || (previous + 6) % 7 === 6) previous--;
  return previous;
}
