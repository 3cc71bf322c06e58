/**
 * The named steps of a run, in order, as the progress bar shows them.
 *
 * "apply" is the engine's `runReceivables` (find the tables, read the ledger, apply cash, age the open items: one
 * call), "age" is `reportFigures` (loss rates by bucket, period and daily figures, the collections worklist), so the
 * two steps split the engine's work where the engine's API splits it.
 */
export const RUN_STEPS = ["read", "apply", "age", "build", "write"] as const;

export type RunStep = (typeof RUN_STEPS)[number];
