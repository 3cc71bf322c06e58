import { dayFromCivil } from "../engine/dates/civil";

/** Where the pane learns what day it is: injected, so tests and the playground can fix "today". */
export interface Clock {
  /** Today's civil date as a day number (Excel serial, epoch 1899-12-30). */
  today(): number;
}

/** Today in the machine's own calendar: the date the user sees, with no time-zone arithmetic on it. */
export const systemClock: Clock = {
  today() {
    const now = new Date();
    return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
  },
};

/** A clock that always says `day`. */
export function fixedClock(day: number): Clock {
  return { today: () => day };
}
