/**
 * Which sheets belong to the add-in, and what an interrupted run left behind.
 *
 * Kept in the workbook's settings (`Workbook.settings`, ExcelApi 1.4), not in a custom XML part: settings are scoped
 * to this add-in and this file (other add-ins and users do not see or edit them), they travel with the file, and —
 * what matters most — a setting is written by an action in the same batch as the sheet operations, so the record
 * changes in the very sync that swaps the sheets. A custom XML part would be visible to every add-in and to anyone
 * unzipping the file, and needs XML handling for a few ids.
 *
 * Nothing personal is stored: sheet ids (Excel's own GUIDs), the names the add-in gave its report sheets, report
 * keys ("aging"), a random run id.
 *
 * A report sheet is recognised by id AND by the name the add-in gave it. A sheet the user renamed is the user's
 * from then on (a snapshot they chose to keep): it is never deleted, and the record forgets it.
 */
import { nameKey } from "./sheetNames";
import type { SheetState, WorkbookState } from "./workbookState";

export const REPORTS_SETTING_KEY = "receivablesDesk.reportSheets";
/** One setting per run, "receivablesDesk.run.<runId>": its journal while it runs, deleted when it completes. */
export const RUN_SETTING_PREFIX = "receivablesDesk.run.";

export interface OwnedSheet {
  readonly key: string;
  readonly id: string;
  readonly name: string;
}

export interface ReportsRecord {
  readonly version: 1;
  readonly sheets: readonly OwnedSheet[];
}

export interface RunSheet {
  readonly key: string;
  /** The temporary name the sheet is built under. */
  readonly tempName: string;
  /** Known from the second sync of the run on. */
  readonly id?: string;
  /** Decided once the run has seen the workbook. */
  readonly finalName?: string;
  readonly tables: ReadonlyArray<{ readonly tempName: string; readonly finalName?: string }>;
  /** The sheet is to be protected once its tables carry their final names (`ReportSheet.protect`). */
  readonly protect?: boolean;
}

/**
 * A run's journal. "building": the new sheets are incomplete, an interrupted run is undone (its sheets deleted).
 * "swapping": written in the sync that swaps, after every new sheet is complete; an interrupted swap is finished.
 */
export interface RunJournal {
  readonly version: 1;
  readonly runId: string;
  readonly phase: "building" | "swapping";
  /** Milliseconds since 1970, to tell the latest of several interrupted runs. */
  readonly startedAt?: number;
  readonly sheets: readonly RunSheet[];
  /** The report sheets the run replaces. */
  readonly replaces: readonly OwnedSheet[];
}

export function runSettingKey(runId: string): string {
  return `${RUN_SETTING_PREFIX}${runId}`;
}

/** The record as stored; anything unreadable counts as "no report sheets" (the add-in then deletes nothing). */
export function parseReportsRecord(value: unknown): ReportsRecord {
  const sheets = isRecord(value) && Array.isArray(value["sheets"]) ? value["sheets"].filter(isOwnedSheet) : [];
  return { version: 1, sheets };
}

export function parseRunJournal(value: unknown): RunJournal | undefined {
  if (!isRecord(value) || typeof value["runId"] !== "string") return undefined;
  const phase = value["phase"] === "swapping" ? "swapping" : "building";
  const sheets = Array.isArray(value["sheets"]) ? value["sheets"].filter(isRunSheet) : [];
  const replaces = Array.isArray(value["replaces"]) ? value["replaces"].filter(isOwnedSheet) : [];
  const startedAt = typeof value["startedAt"] === "number" ? { startedAt: value["startedAt"] } : {};
  return { version: 1, runId: value["runId"], phase, ...startedAt, sheets, replaces };
}

export interface Ownership {
  /** Report sheets of the last completed run, as the add-in left them. */
  readonly reportSheets: ReadonlyArray<SheetState & { readonly key: string }>;
  /** Sheets of unfinished runs: temporary ones, or the old and new ones of an interrupted swap. */
  readonly orphanSheets: readonly SheetState[];
  /** Journals of unfinished runs, by setting key. */
  readonly journals: ReadonlyMap<string, RunJournal>;
}

/**
 * Sorts the workbook's sheets into the add-in's report sheets and the leftovers of unfinished runs. `ownRunKey`
 * (the running run's journal) is left out. Every other sheet is the user's.
 */
export function analyzeOwnership(state: WorkbookState, ownRunKey?: string): Ownership {
  const byId = new Map(state.sheets.map((sheet) => [sheet.id, sheet]));
  const byName = new Map(state.sheets.map((sheet) => [nameKey(sheet.name), sheet]));
  const named = (sheet: SheetState | undefined, ...names: ReadonlyArray<string | undefined>) =>
    sheet !== undefined && names.some((name) => name !== undefined && nameKey(name) === nameKey(sheet.name));

  const reportSheets: Array<SheetState & { key: string }> = [];
  for (const owned of parseReportsRecord(state.settings.get(REPORTS_SETTING_KEY)).sheets) {
    const sheet = byId.get(owned.id);
    if (sheet !== undefined && named(sheet, owned.name)) reportSheets.push({ ...sheet, key: owned.key });
  }

  const journals = new Map<string, RunJournal>();
  const orphans = new Map<string, SheetState>();
  for (const [key, value] of state.settings) {
    if (!key.startsWith(RUN_SETTING_PREFIX) || key === ownRunKey) continue;
    const journal = parseRunJournal(value);
    if (journal === undefined) continue;
    journals.set(key, journal);
    for (const sheet of journal.sheets) {
      const found = sheet.id !== undefined ? byId.get(sheet.id) : byName.get(nameKey(sheet.tempName));
      if (named(found, sheet.tempName, sheet.finalName)) orphans.set(found!.id, found!);
    }
    for (const replaced of journal.replaces) {
      const found = byId.get(replaced.id);
      if (named(found, replaced.name)) orphans.set(found!.id, found!);
    }
  }
  for (const sheet of reportSheets) orphans.delete(sheet.id);
  return { reportSheets, orphanSheets: [...orphans.values()], journals };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isOwnedSheet(value: unknown): value is OwnedSheet {
  return isRecord(value) && typeof value["key"] === "string" && typeof value["id"] === "string" && typeof value["name"] === "string";
}

function isRunSheet(value: unknown): value is RunSheet {
  if (!isRecord(value) || typeof value["key"] !== "string" || typeof value["tempName"] !== "string") return false;
  if (value["id"] !== undefined && typeof value["id"] !== "string") return false;
  if (value["finalName"] !== undefined && typeof value["finalName"] !== "string") return false;
  const tables = value["tables"];
  return Array.isArray(tables) && tables.every((table) => isRecord(table) && typeof table["tempName"] === "string");
}
