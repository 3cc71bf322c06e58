import { parseLadder, type AgingBasis } from "../engine/aging/bucketLadder";
import { civilFromDay, dayFromCivil, dayFromIso, FIRST_DAY, isoFromDay, LAST_DAY } from "../engine/dates/civil";
import type { Language } from "../engine/messages";
import type { AsOfRule, DeskSettings } from "../excel";

/** The report options as the user typed them. */
export interface RunOptionsForm {
  /** YYYY-MM-DD, as a date input gives it. */
  readonly asOf: string;
  readonly basis: AgingBasis;
  /** "30,60,90". */
  readonly buckets: string;
}

/** The form as it opens: the saved settings, with "today" taken from the clock. */
export function initialRunOptions(settings: DeskSettings, today: number): RunOptionsForm {
  return { asOf: isoFromDay(asOfDay(settings.asOf, today)), basis: settings.basis, buckets: settings.ladder.join(",") };
}

/** The day an as-of rule names, seen from `today`. */
export function asOfDay(rule: AsOfRule, today: number): number {
  switch (rule.kind) {
    case "today":
      return today;
    case "endOfPreviousMonth": {
      const { year, month } = civilFromDay(today);
      return dayFromCivil(year, month, 1) - 1;
    }
    case "fixed":
      return dayFromIso(rule.date) ?? today;
  }
}

/** The as-of day, or undefined when the text is not a date the engine can age at. */
export function parseAsOf(text: string): number | undefined {
  const day = dayFromIso(text.trim());
  return day !== undefined && day >= FIRST_DAY && day <= LAST_DAY ? day : undefined;
}

/** The bucket ladder, or undefined when the text is not a rising list of whole days (the engine's `parseLadder`). */
export function parseBuckets(text: string): number[] | undefined {
  return parseLadder(text);
}

/**
 * The settings a run saves: the form's choices and the language the pane speaks. The as-of rule stays as saved
 * while the date is the one it gives ("today", "end of previous month": the next opening ages at its own date);
 * a date typed over it becomes "today" when it is today, else that fixed date.
 */
export function settingsForRun(settings: DeskSettings, options: { asOf: number; basis: AgingBasis; ladder: readonly number[] }, today: number, language: Language): DeskSettings {
  const asOf: AsOfRule =
    options.asOf === asOfDay(settings.asOf, today) ? settings.asOf : options.asOf === today ? { kind: "today" } : { kind: "fixed", date: isoFromDay(options.asOf) };
  return { ...settings, asOf, basis: options.basis, ladder: options.ladder, language };
}
