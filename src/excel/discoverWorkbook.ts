import type { XlContext } from "./excelApi";
import { analyzeOwnership } from "./ownership";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./payloadBytes";
import { SyncMeter, syncMetered } from "./syncMeter";
import { queueWorkbookState, WORKBOOK_STATE_REQUEST_BYTES, type SheetState } from "./workbookState";

export interface DiscoveredSheet {
  readonly name: string;
  readonly id: string;
  readonly visibility: SheetState["visibility"];
  /** The report key ("aging") when the sheet is one of the add-in's report sheets. */
  readonly reportKey: string | null;
  /** A leftover of an interrupted run (a hidden, temporary sheet): never a source. */
  readonly leftover: boolean;
  /** The used range (values only), as an A1 address without the sheet name; null for an empty sheet. */
  readonly used: { readonly address: string; readonly rows: number; readonly columns: number } | null;
}

export interface DiscoveredTable {
  readonly name: string;
  readonly sheet: string;
  /** A1 address of the header row, without the sheet name. */
  readonly headerAddress: string;
  readonly headers: readonly string[];
}

export interface WorkbookDiscovery {
  readonly sheets: readonly DiscoveredSheet[];
  readonly tables: readonly DiscoveredTable[];
  readonly date1904: boolean;
  /** Runs of the add-in that stopped before finishing (see `recoverReports`). */
  readonly unfinishedRuns: number;
}

/**
 * What the workbook holds, for the task pane to offer as sources: sheets (with visibility, used range, and whether
 * the add-in made them) and Excel tables (name, sheet, header row). Two syncs: one for the lists, one for the
 * used ranges and header rows (none when the workbook has neither).
 */
export async function discoverWorkbook(context: XlContext, options: { readonly meter?: SyncMeter } = {}): Promise<WorkbookDiscovery> {
  const meter = options.meter ?? new SyncMeter();
  const dateProbe = context.workbook.functions.date(1904, 1, 1).load("value");
  const stateQuery = queueWorkbookState(context);
  await syncMetered(context, meter, WORKBOOK_STATE_REQUEST_BYTES + ACTION_OVERHEAD_BYTES);
  meter.noteResponse(stateQuery.responseBytes());
  const state = stateQuery.read();
  const ownership = analyzeOwnership(state);
  const reportKeys = new Map(ownership.reportSheets.map((sheet) => [sheet.id, sheet.key]));
  const leftovers = new Set(ownership.orphanSheets.map((sheet) => sheet.id));

  const usedRanges = state.sheets.map((sheet) =>
    context.workbook.worksheets.getItem(sheet.id).getUsedRangeOrNullObject(true).load("address,rowCount,columnCount"),
  );
  const headerRanges = state.tables.map((table) => context.workbook.tables.getItem(table.name).getHeaderRowRange().load("address,values"));
  if (usedRanges.length + headerRanges.length > 0) {
    await syncMetered(context, meter, ACTION_OVERHEAD_BYTES * 2 * (usedRanges.length + headerRanges.length));
  }

  const sheets = state.sheets.map((sheet, i): DiscoveredSheet => {
    const used = usedRanges[i]!;
    return {
      name: sheet.name,
      id: sheet.id,
      visibility: sheet.visibility,
      reportKey: reportKeys.get(sheet.id) ?? null,
      leftover: leftovers.has(sheet.id),
      used: used.isNullObject ? null : { address: withoutSheet(used.address), rows: used.rowCount, columns: used.columnCount },
    };
  });
  const tables = state.tables.map((table, i): DiscoveredTable => {
    const header = headerRanges[i]!;
    return {
      name: table.name,
      sheet: table.sheetName,
      headerAddress: withoutSheet(header.address),
      headers: (header.values[0] ?? []).map((value) => String(value)),
    };
  });
  meter.noteResponse(jsonBytes({ sheets, tables }));
  return { sheets, tables, date1904: dateProbe.value === 0, unfinishedRuns: ownership.journals.size };
}

function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}
