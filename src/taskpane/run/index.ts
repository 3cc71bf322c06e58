// src/taskpane/run: one "Generate reports" — the steps (read, apply, age, build, write) on the open workbook through
// src/excel, cancellation between steps and syncs, the store the pane renders, and the summary it shows.
export { RUN_STEPS, type RunStep } from "./runSteps";
export { RunCancelled, cancellableContext, throwIfCancelled } from "./cancellableContext";
export { generateReports, type RunHooks, type RunOutcome, type RunRequest } from "./generateReports";
export { RunController, type GenerateReports, type RunState } from "./runController";
export { runSummary, problemOf, type CurrencyTotal, type Problem, type RunSummary } from "./runSummary";
