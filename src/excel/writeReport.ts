import type { ReportWorkbook } from "../engine/report/model";
import { applyWriteStep } from "./applyWriteStep";
import type { XlContext, XlTable, XlWorksheet } from "./excelApi";
import { supportedByManifest } from "./excelHost";
import {
  analyzeOwnership,
  REPORTS_SETTING_KEY,
  runSettingKey,
  type Ownership,
  type ReportsRecord,
  type RunJournal,
  type RunSheet,
} from "./ownership";
import { packWriteBatches, type WriteBatch } from "./packWriteBatches";
import { ACTION_OVERHEAD_BYTES, jsonBytes, PAYLOAD_BUDGET_BYTES } from "./payloadBytes";
import { planSheetWrites, type SheetWritePlan, type WriteStep } from "./planSheetWrites";
import { isValidTableName, nameKey, uniqueSheetName, uniqueTableName } from "./sheetNames";
import { SyncMeter, syncMetered } from "./syncMeter";
import { queueWorkbookState, WORKBOOK_STATE_REQUEST_BYTES, type WorkbookState } from "./workbookState";

export interface WriteReportOptions {
  /** Adds this run's syncs to a meter that follows a longer job. */
  readonly meter?: SyncMeter;
  /** ExcelApi requirement sets the host implements; by default what the manifest guarantees (1.9). */
  readonly supports?: (version: string) => boolean;
  /** The workbook uses the 1904 date system (`WorkbookData.date1904` from `readWorkbookData`). */
  readonly date1904?: boolean;
  /** Activate the first report sheet when done (default true). */
  readonly activate?: boolean;
  /** Fixes the run id (tests); by default a random one. */
  readonly runId?: string;
  readonly budgetBytes?: number;
}

export interface WrittenSheet {
  readonly key: string;
  readonly name: string;
  readonly id: string;
}

export interface WriteReportResult {
  readonly sheets: readonly WrittenSheet[];
  /** Sheets deleted: the previous report's, and leftovers of interrupted runs. */
  readonly replaced: readonly string[];
  readonly syncs: number;
  readonly largestRequestBytes: number;
}

/**
 * Writes a report into the open workbook, replacing the add-in's previous report sheets as one step.
 *
 * Every new sheet is built completely, hidden, under a temporary unique name ("~rd 3k9x2q1a 1"). Only then, in one
 * sync, the new sheets are shown, the old report sheets deleted, the new ones renamed to their final names and
 * their tables to theirs, and the record of report sheets replaced. A failure at any sync therefore leaves either
 * the complete old report or the complete new one:
 *
 * - sync 1 (the run's journal is written, the new sheets are added, the first rows written, the workbook looked
 *   at) and every build sync after it: the old report is untouched; the new sheets are hidden leftovers, named in
 *   the journal, and the next run (or `recoverReports`) deletes them;
 * - the swap sync (merged into the last build sync when it fits): not run → as above; run → the new report.
 *   Should Excel stop inside it (an action failing halfway), the journal, written first in that sync with phase
 *   "swapping", says the new sheets are complete, and `recoverReports` finishes the swap.
 *
 * Source sheets are never written: the only sheets touched are the ones this run adds and the ones the record says
 * the add-in made (recognised by id and the name it gave them). A sheet of the user's that holds a report's name
 * makes the report take another one ("AR Aging (2)"). Calculation is suspended for every sync, screen updating for
 * the swap (the build happens on hidden sheets). A sheet the report protects (`ReportSheet.protect`) is protected in
 * the swap, once its tables carry their final names.
 *
 * Syncs: at least 2; for big reports one per 4 MB of values (the swap rides on the last one).
 */
export async function writeReport(context: XlContext, report: ReportWorkbook, options: WriteReportOptions = {}): Promise<WriteReportResult> {
  const meter = new SyncMeter();
  try {
    return await writeReportMetered(context, report, options, meter);
  } finally {
    if (options.meter !== undefined) {
      options.meter.syncs += meter.syncs;
      options.meter.largestRequestBytes = Math.max(options.meter.largestRequestBytes, meter.largestRequestBytes);
      options.meter.noteResponse(meter.largestResponseBytes);
    }
  }
}

interface TempSheet {
  readonly key: string;
  readonly tempName: string;
  readonly tables: ReadonlyArray<{ readonly reportName: string; readonly tempName: string }>;
}

async function writeReportMetered(context: XlContext, report: ReportWorkbook, options: WriteReportOptions, meter: SyncMeter): Promise<WriteReportResult> {
  checkTableNames(report);
  const supports = options.supports ?? supportedByManifest;
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const runId = options.runId ?? newRunId();
  const runKey = runSettingKey(runId);
  const startedAt = Date.now();
  const plans = report.sheets.map((sheet) => planSheetWrites(sheet, { date1904: options.date1904 ?? false }));
  const temps: TempSheet[] = plans.map((plan, i) => ({
    key: plan.key,
    tempName: `~rd ${runId} ${i + 1}`,
    tables: plan.tables.map((reportName) => ({ reportName, tempName: `${reportName}_${runId}` })),
  }));
  const buildingJournal: RunJournal = {
    version: 1,
    runId,
    phase: "building",
    startedAt,
    sheets: temps.map((temp) => ({ key: temp.key, tempName: temp.tempName, tables: temp.tables.map(({ tempName }) => ({ tempName })) })),
    replaces: [],
  };
  const firstReserve = jsonBytes(buildingJournal) + ACTION_OVERHEAD_BYTES * (1 + 3 * temps.length) + WORKBOOK_STATE_REQUEST_BYTES;
  // Protection waits for the swap: a protected sheet takes no writes, and its tables cannot be renamed.
  const protections = plans.map((plan) => plan.steps.find((step) => step.kind === "protect"));
  const buildPlans = plans.map((plan) => ({ ...plan, steps: plan.steps.filter((step) => step.kind !== "protect") }));
  const batches = packWriteBatches(buildPlans, { budgetBytes: budget, firstBatchReserveBytes: firstReserve });

  const sheets: XlWorksheet[] = [];
  const tables = temps.map(() => new Map<string, XlTable>());
  const applyStep = (sheet: number, step: WriteStep) =>
    applyWriteStep(sheets[sheet]!, step, {
      tableName: (reportName) => `${reportName}_${runId}`,
      onTable: (reportName, table) => tables[sheet]!.set(reportName, table),
      supports,
    });
  const applyBatch = (batch: WriteBatch) => {
    for (const { sheet, step } of batch.actions) applyStep(sheet, step);
  };
  const suspend = (screen: boolean) => {
    if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
    if (screen && supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  };

  // Sync 1: the journal first (so that whatever this sync leaves is found and removed by the next run), the new
  // sheets, hidden, the first rows, and a look at the workbook.
  suspend(false);
  context.workbook.settings.add(runKey, buildingJournal);
  for (const temp of temps) {
    const sheet = context.workbook.worksheets.add(temp.tempName);
    sheet.visibility = "Hidden";
    sheet.load("id");
    sheets.push(sheet);
  }
  applyBatch(batches[0]!);
  const stateQuery = queueWorkbookState(context);
  await syncMetered(context, meter, batches[0]!.requestBytes);
  meter.noteResponse(stateQuery.responseBytes());
  const state = stateQuery.read();
  const ids = sheets.map((sheet) => sheet.id);
  const ownership = analyzeOwnership(state, runKey);
  const swap = planSwap(state, ownership, plans, temps, ids, { runId, startedAt, protect: protections.map((step) => step !== undefined) });
  const swapBytes = jsonBytes(swap.journal) + jsonBytes(swap.record) + ACTION_OVERHEAD_BYTES * (4 + 5 * temps.length + swap.deleted.length + ownership.journals.size);

  const queueSwap = () => {
    const { settings, worksheets } = context.workbook;
    // The journal first: from here on, the new sheets are known to be complete.
    settings.add(runKey, swap.journal);
    for (const sheet of sheets) sheet.visibility = "Visible";
    for (const old of swap.deleted) worksheets.getItem(old.id).delete();
    sheets.forEach((sheet, i) => (sheet.name = swap.finalNames[i]!));
    temps.forEach((temp, i) => {
      for (const { reportName } of temp.tables) tables[i]!.get(reportName)!.name = swap.tableNames[i]!.get(reportName)!;
    });
    // Protection after the table names, before the journal goes (an interrupted swap is finished by recoverReports,
    // which protects what is not protected yet). The old report's sheets, protected or not, were deleted above:
    // sheet protection does not prevent that.
    protections.forEach((step, i) => {
      if (step !== undefined) applyStep(i, step);
    });
    settings.add(REPORTS_SETTING_KEY, swap.record);
    for (const key of ownership.journals.keys()) settings.getItem(key).delete();
    settings.getItem(runKey).delete();
    if ((options.activate ?? true) && sheets[0] !== undefined) sheets[0].activate();
  };

  // Build syncs: each carries up to the budget of values; the swap rides on the last one when it fits.
  let swapped = false;
  for (let i = 1; i < batches.length; i++) {
    const batch = batches[i]!;
    const withSwap = i === batches.length - 1 && batch.requestBytes + swapBytes <= budget;
    suspend(withSwap);
    applyBatch(batch);
    if (withSwap) queueSwap();
    await syncMetered(context, meter, batch.requestBytes + (withSwap ? swapBytes : 0));
    swapped = withSwap;
  }
  if (!swapped) {
    suspend(true);
    queueSwap();
    await syncMetered(context, meter, swapBytes);
  }

  return {
    sheets: temps.map((temp, i) => ({ key: temp.key, name: swap.finalNames[i]!, id: ids[i]! })),
    replaced: swap.deleted.map((sheet) => sheet.name),
    syncs: meter.syncs,
    largestRequestBytes: meter.largestRequestBytes,
  };
}

interface SwapPlan {
  readonly finalNames: readonly string[];
  readonly tableNames: ReadonlyArray<ReadonlyMap<string, string>>;
  readonly deleted: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly journal: RunJournal;
  readonly record: ReportsRecord;
}

/**
 * Final names: the report's own unless a sheet (or table) that stays holds it — the user's — in which case the next
 * free "Name (2)". The sheets about to be deleted (the old report, leftovers) do not hold their names.
 */
function planSwap(
  state: WorkbookState,
  ownership: Ownership,
  plans: readonly SheetWritePlan[],
  temps: readonly TempSheet[],
  ids: readonly string[],
  run: { readonly runId: string; readonly startedAt: number; readonly protect: readonly boolean[] },
): SwapPlan {
  const deleted = [...ownership.reportSheets, ...ownership.orphanSheets];
  const leaving = new Set([...deleted.map((sheet) => sheet.id), ...ids]);
  const takenSheets = new Set(state.sheets.filter((sheet) => !leaving.has(sheet.id)).map((sheet) => nameKey(sheet.name)));
  const takenTables = new Set(state.tables.filter((table) => !leaving.has(table.sheetId)).map((table) => nameKey(table.name)));
  const finalNames = plans.map((plan) => {
    const name = uniqueSheetName(plan.name, takenSheets);
    takenSheets.add(nameKey(name));
    return name;
  });
  const tableNames = temps.map((temp) => {
    const names = new Map<string, string>();
    for (const { reportName } of temp.tables) {
      const name = uniqueTableName(reportName, takenTables);
      takenTables.add(nameKey(name));
      names.set(reportName, name);
    }
    return names;
  });
  const sheets: RunSheet[] = temps.map((temp, i) => ({
    key: temp.key,
    tempName: temp.tempName,
    id: ids[i]!,
    finalName: finalNames[i]!,
    tables: temp.tables.map(({ reportName, tempName }) => ({ tempName, finalName: tableNames[i]!.get(reportName)! })),
    ...(run.protect[i] === true ? { protect: true } : {}),
  }));
  return {
    finalNames,
    tableNames,
    deleted: deleted.map(({ id, name }) => ({ id, name })),
    journal: {
      version: 1,
      runId: run.runId,
      phase: "swapping",
      startedAt: run.startedAt,
      sheets,
      replaces: ownership.reportSheets.map(({ key, id, name }) => ({ key, id, name })),
    },
    record: { version: 1, sheets: sheets.map((sheet) => ({ key: sheet.key, id: sheet.id!, name: sheet.finalName! })) },
  };
}

/** Table names of a report must be valid and unique: a breach is a bug in the report description. */
function checkTableNames(report: ReportWorkbook): void {
  const seen = new Set<string>();
  for (const sheet of report.sheets) {
    for (const block of sheet.blocks) {
      if (block.table === undefined) continue;
      const name = block.table.name;
      if (!isValidTableName(name)) throw new Error(`Report sheet "${sheet.name}": invalid table name "${name}"`);
      if (seen.has(nameKey(name))) throw new Error(`Report: duplicate table name "${name}"`);
      seen.add(nameKey(name));
    }
  }
}

/** 8 random base-36 characters: unique enough for temporary sheet and table names. */
function newRunId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
}
