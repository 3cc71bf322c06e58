import type { XlContext } from "./excelApi";
import { supportedByManifest } from "./excelHost";
import { analyzeOwnership, REPORTS_SETTING_KEY, type OwnedSheet } from "./ownership";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./payloadBytes";
import { REPORT_PROTECTION } from "./planSheetWrites";
import { nameKey, uniqueSheetName, uniqueTableName } from "./sheetNames";
import { SyncMeter, syncMetered } from "./syncMeter";
import { queueWorkbookState, WORKBOOK_STATE_REQUEST_BYTES, type SheetState } from "./workbookState";

export interface RecoverReportsResult {
  /** The run whose interrupted swap was finished, if any. */
  readonly finishedRun: string | null;
  /** Sheets deleted: temporary sheets of runs that stopped while building, old sheets of a finished swap. */
  readonly removed: readonly string[];
  readonly syncs: number;
}

/**
 * Cleans up after runs of `writeReport` that stopped before finishing (the pane calls it when it opens; a new
 * `writeReport` removes the same leftovers by itself).
 *
 * - A run that stopped while building: its temporary sheets are deleted; the report in place stays.
 * - A run that stopped inside its swap (journal phase "swapping": its new sheets were complete): the swap is
 *   finished — new sheets shown and named (and protected, when the report protects them), the old report's
 *   remaining sheets deleted, the record updated. Were there several (which takes repeated interrupted swaps), the
 *   latest is finished and the others' sheets removed.
 *
 * One sync to look, one to act (none when there is nothing to do).
 */
export async function recoverReports(
  context: XlContext,
  options: { readonly meter?: SyncMeter; readonly supports?: (version: string) => boolean } = {},
): Promise<RecoverReportsResult> {
  const meter = options.meter ?? new SyncMeter();
  const syncsBefore = meter.syncs;
  const supports = options.supports ?? supportedByManifest;
  const stateQuery = queueWorkbookState(context);
  await syncMetered(context, meter, WORKBOOK_STATE_REQUEST_BYTES);
  meter.noteResponse(stateQuery.responseBytes());
  const state = stateQuery.read();
  const ownership = analyzeOwnership(state);
  if (ownership.journals.size === 0) return { finishedRun: null, removed: [], syncs: meter.syncs - syncsBefore };

  const byId = new Map(state.sheets.map((sheet) => [sheet.id, sheet]));
  const swapping = [...ownership.journals.values()]
    .filter((journal) => journal.phase === "swapping")
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))
    .pop();

  // The finished run's new sheets stay; everything else the journals name goes.
  const keep = new Map<
    string,
    { sheet: SheetState; key: string; finalName: string; tables: ReadonlyArray<{ tempName: string; finalName?: string }>; protect: boolean }
  >();
  for (const runSheet of swapping?.sheets ?? []) {
    const sheet = runSheet.id === undefined ? undefined : byId.get(runSheet.id);
    if (sheet !== undefined && runSheet.finalName !== undefined) {
      keep.set(sheet.id, { sheet, key: runSheet.key, finalName: runSheet.finalName, tables: runSheet.tables, protect: runSheet.protect === true });
    }
  }
  const removed = new Map<string, SheetState>();
  for (const sheet of ownership.orphanSheets) if (!keep.has(sheet.id)) removed.set(sheet.id, sheet);
  // A finished swap replaces the report in place too (whatever of it is left).
  if (swapping !== undefined) for (const sheet of ownership.reportSheets) if (!keep.has(sheet.id)) removed.set(sheet.id, sheet);

  const leaving = new Set([...removed.keys(), ...keep.keys()]);
  const takenSheets = new Set(state.sheets.filter((sheet) => !leaving.has(sheet.id)).map((sheet) => nameKey(sheet.name)));
  const takenTables = new Set(state.tables.filter((table) => !removed.has(table.sheetId)).map((table) => nameKey(table.name)));

  const { worksheets, tables, settings } = context.workbook;
  if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
  if (swapping !== undefined && supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
  for (const { sheet } of keep.values()) if (sheet.visibility !== "Visible") worksheets.getItem(sheet.id).visibility = "Visible";
  for (const sheet of removed.values()) worksheets.getItem(sheet.id).delete();
  const record: OwnedSheet[] = [];
  for (const { sheet, key, finalName, tables: runTables, protect } of keep.values()) {
    let name = sheet.name;
    if (nameKey(sheet.name) !== nameKey(finalName)) {
      name = uniqueSheetName(finalName, takenSheets);
      worksheets.getItem(sheet.id).name = name;
    }
    takenSheets.add(nameKey(name));
    record.push({ key, id: sheet.id, name });
    for (const table of runTables) {
      const current = state.tables.find((t) => t.sheetId === sheet.id && nameKey(t.name) === nameKey(table.tempName));
      if (current === undefined || table.finalName === undefined) continue;
      const tableName = uniqueTableName(table.finalName, takenTables);
      takenTables.add(nameKey(tableName));
      tables.getItem(current.name).name = tableName;
    }
    // Last for the sheet: its tables are renamed above (a protected sheet's could not be); once protected, the swap
    // had renamed them already.
    if (protect && !sheet.protected) worksheets.getItem(sheet.id).protection.protect({ ...REPORT_PROTECTION });
  }
  if (swapping !== undefined) settings.add(REPORTS_SETTING_KEY, { version: 1, sheets: record });
  for (const key of ownership.journals.keys()) settings.getItem(key).delete();
  await syncMetered(context, meter, ACTION_OVERHEAD_BYTES * (4 + 4 * keep.size + removed.size + ownership.journals.size) + jsonBytes(record));

  return { finishedRun: swapping?.runId ?? null, removed: [...removed.values()].map((sheet) => sheet.name), syncs: meter.syncs - syncsBefore };
}
