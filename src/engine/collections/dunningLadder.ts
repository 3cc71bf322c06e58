/**
 * Dunning ladders as data: stages by days relative to the due date (negative = before due, as Odoo allows).
 */
export type DunningStage = "reminder" | "second-notice" | "final-notice" | "agency";

export interface DunningStep {
  readonly fromDays: number;
  readonly stage: DunningStage;
}

/** Defaults: reminder from 1 day past due, second notice from 15, final notice from 30, collection agency from 60. */
export const DEFAULT_DUNNING_LADDER: readonly DunningStep[] = [
  { fromDays: 1, stage: "reminder" },
  { fromDays: 15, stage: "second-notice" },
  { fromDays: 30, stage: "final-notice" },
  { fromDays: 60, stage: "agency" },
];

/**
 * The stage for an account whose oldest overdue item is `daysPastDue` days late, or undefined before the first step.
 * @example dunningStage(DEFAULT_DUNNING_LADDER, 31) //=> "final-notice"
 */
export function dunningStage(ladder: readonly DunningStep[], daysPastDue: number): DunningStage | undefined {
  // The ladder is sorted by fromDays: the last step reached wins.
  let stage: DunningStage | undefined;
  for (const step of ladder) if (daysPastDue >= step.fromDays) stage = step.stage;
  return stage;
}

/** Parses "1:reminder,15:second-notice,30:final-notice,60:agency"; undefined when malformed. */
export function parseDunningLadder(text: string): DunningStep[] | undefined {
  const stages: readonly string[] = ["reminder", "second-notice", "final-notice", "agency"];
  const steps = text.split(",").map((part) => {
    const [days, stage] = part.split(":").map((s) => s.trim());
    return { fromDays: Number(days), stage: stage as DunningStage };
  });
  if (steps.some((s) => !Number.isInteger(s.fromDays) || !stages.includes(s.stage))) return undefined;
  return steps.sort((a, b) => a.fromDays - b.fromDays);
}
