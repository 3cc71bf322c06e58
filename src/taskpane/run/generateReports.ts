import type { Language } from "../../engine/messages";
import { registerForecastSource } from "./forecastSource";
import { buildReport, reportFigures } from "../../engine/report/buildReport";
import { runReceivables } from "../../engine/runReceivables";
import {
  discoverWorkbook,
  readWorkbookData,
  recoverReports,
  saveDeskSettings,
  writeReport,
  type DeskSettings,
  type ExcelHost,
} from "../../excel";
import { withColumnOverrides, type SourceSheets } from "../sources/columnOverrides";
import { cancellableContext, throwIfCancelled } from "./cancellableContext";
import type { RunStep } from "./runSteps";
import { problemOf, runSummary, type Problem, type RunSummary } from "./runSummary";

/** Everything a run needs: the user's settings (saved in the workbook as the run starts), sources, date, language. */
export interface RunRequest {
  readonly settings: DeskSettings;
  /** The sheets shown in the pane; a table with no sheet is looked for on every sheet. */
  readonly sources: SourceSheets;
  /** Day number of the as-of date. */
  readonly asOf: number;
  readonly language: Language;
}

export type RunOutcome =
  | { readonly kind: "done"; readonly summary: RunSummary }
  /** The engine could not work on the data (no invoice table): the reasons, as problems. */
  | { readonly kind: "unusable"; readonly problems: readonly Problem[] };

export interface RunHooks {
  /** Aborting it stops the run at the next step or sync (`RunCancelled`). */
  readonly signal: AbortSignal;
  readonly onStep: (step: RunStep) => void;
}

/**
 * One "Generate reports": the steps of `src/cli/runCli.ts`'s report command, on the open workbook.
 *
 * 1. read — save the settings, read the source sheets (`readWorkbookData`); 2. apply — `runReceivables` on them
 * (with the user's column choices applied); 3. age — `reportFigures`; 4. build — `buildReport`; 5. write —
 * `writeReport`, which replaces the previous report sheets in one step.
 *
 * Cancellation is checked before each step and before every sync (`cancellableContext`). A stop or a failure while
 * writing leaves the previous report in place (writeReport's swap never ran) with the new sheets as hidden leftovers,
 * which are removed at once; a swap already sent completes, and then the run is done, not cancelled.
 */
export async function generateReports(host: ExcelHost, request: RunRequest, hooks: RunHooks): Promise<RunOutcome> {
  const { signal } = hooks;
  const { settings } = request;
  const begin = async (step: RunStep) => {
    throwIfCancelled(signal);
    hooks.onStep(step);
    // Let the pane paint the step (and take a click on Cancel) before the engine holds the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    throwIfCancelled(signal);
  };

  await begin("read");
  const workbook = await host.run(async (excel) => {
    const context = cancellableContext(excel, signal);
    await saveDeskSettings(context, settings);
    const discovery = await discoverWorkbook(context);
    const sheets = sheetsToRead(request.sources, discovery.sheets.filter((sheet) => sheet.reportKey === null && !sheet.leftover).map((sheet) => sheet.name));
    return readWorkbookData(context, { date1904: discovery.date1904, ...(sheets === undefined ? {} : { sheets }) });
  });

  await begin("apply");
  const { invoicesSheet, paymentsSheet } = request.sources;
  const sources = withColumnOverrides(workbook, request.sources, settings.columnOverrides);
  const receivablesOptions = {
    basis: settings.basis,
    ladder: settings.ladder,
    apply: settings.apply,
    collectionsAfterDays: settings.collectionsAfterDays,
    language: request.language,
    defaultCurrency: settings.defaultCurrency,
    ...(settings.dateOrder !== undefined ? { dateOrder: settings.dateOrder } : {}),
    ...(invoicesSheet !== undefined ? { invoicesSheet } : {}),
    ...(paymentsSheet !== undefined ? { paymentsSheet } : {}),
  };
  const run = runReceivables(sources, { asOf: request.asOf, ...receivablesOptions });
  registerForecastSource(sources, receivablesOptions);
  if (!run.ok) return { kind: "unusable", problems: run.issues.map((issue) => problemOf(issue, request.language)) };

  await begin("age");
  const figures = reportFigures(run, settings.report);

  await begin("build");
  const report = buildReport(run, settings.report, figures);

  await begin("write");
  const supports = (version: string) => host.supports(version);
  try {
    const written = await host.run((excel) => writeReport(cancellableContext(excel, signal), report, { date1904: workbook.date1904, supports }));
    return { kind: "done", summary: runSummary(run, written.sheets, request.language) };
  } catch (error) {
    // The report in place is still the previous one; the new sheets are hidden leftovers. Remove them now. Should
    // that fail too, the next run (or the pane opening) removes them, so the first error is the one to report.
    await host.run((excel) => recoverReports(excel, { supports })).catch(() => undefined);
    throw error;
  }
}

/**
 * The sheets to read: the two sources when the invoice sheet is known (matched to the workbook's own names; a sheet
 * gone since is left to the engine to report), else every sheet (the engine looks for the tables).
 */
function sheetsToRead(sources: SourceSheets, available: readonly string[]): string[] | undefined {
  if (sources.invoicesSheet === undefined) return undefined;
  const wanted = [sources.invoicesSheet, sources.paymentsSheet].filter((name) => name !== undefined).map((name) => name.toLowerCase());
  return available.filter((name) => wanted.includes(name.toLowerCase()));
}
