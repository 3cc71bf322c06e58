import { civilFromDay } from "../dates/civil";

/**
 * Calendar months (1–12) of day numbers, remembered per day in [first, last]: due dates repeat, and
 * civilFromDay's divisions add up over a million items. Days outside the range are computed each time.
 * @example new MonthOfDay(45658, 46022).of(45688) //=> 1 (2025-01-31)
 */
export class MonthOfDay {
  private readonly months: Uint8Array;

  constructor(
    private readonly first: number,
    last: number,
  ) {
    this.months = new Uint8Array(Math.max(0, Math.min(last - first + 1, 1 << 20)));
  }

  of(day: number): number {
    const index = day - this.first;
    if (index < 0 || index >= this.months.length) return civilFromDay(day).month;
    return this.months[index] || (this.months[index] = civilFromDay(day).month);
  }
}
