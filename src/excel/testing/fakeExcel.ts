/**
 * A strict in-memory Excel: the subset of the Excel JavaScript API that `src/excel` uses (see `../excelApi`),
 * behaving like Excel where it matters to the adapter.
 *
 * - Proxy properties throw PropertyNotLoaded until `load` and a `context.sync()`.
 * - Every sync is counted and measured: the request is the JSON of the queued actions (values written included),
 *   the response the JSON of the loaded data. Either over the limit (5,000,000 bytes) throws
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, as Excel on the web does. A single read of
 *   more than 5,000,000 cells is refused too.
 * - A string written into `values` that starts with =, +, - or @ becomes a formula unless the cell's number format
 *   is "@" (text); see `FakeSheet.writeValue`.
 * - Sheet names are checked (31 characters, forbidden characters, unique ignoring case) and so are table names.
 * - Failure semantics of a sync, as far as they are a fair model:
 *   - the request over the limit: nothing applied (Excel rejects it before running it);
 *   - an action that fails (invalid name, missing item): the actions before it stay applied, the rest are not run —
 *     Office documents this for batches ("all other commands after the failed command are not executed");
 *   - the response over the limit: the actions ran (writes stay), the loaded data is lost;
 *   - an injected failure (`failSync`): nothing applied by default (the request never reached Excel), or all of it
 *     ("all-applied": Excel ran it and the answer was lost; "timeout": the same, rejected with RequestAborted as
 *     when the client gave up waiting), or the first n actions. Loaded data is lost in every case.
 * - Sheet protection (`protection.protect`): a protected sheet refuses values, formats, tables, charts and
 *   conditional formats with AccessDenied (unless an option allows them), a second `protect` with
 *   InvalidOperation; it can still be renamed, hidden, shown and deleted.
 * - `run` refuses to end with actions queued but never synced (the adapter must sync explicitly).
 * - Actions needing a higher ExcelApi set than the fake claims (`excelApi`, default "1.9") fail with ApiNotFound.
 *
 * Approximations and gaps: no calculation engine (a formula reads back as 0); the error codes for a duplicate sheet
 * or table name (ItemAlreadyExists) and for too many cells are our reading of Excel's; a number written into a
 * text-formatted cell stays a number; dates, percentages and currencies typed as text are not parsed; strings
 * starting with a tab or line break before = + - @ count as formulas (stricter than Excel); only
 * `getUsedRange…(valuesOnly: true)`, tables with headers, and A1 rectangles (no whole rows or columns) exist.
 */
import type { CellValue, SheetGrid, WorkbookData } from "../../engine/port";
import type { XlContext } from "../excelApi";
import { compareVersions, type ExcelHost } from "../excelHost";
import { utf8Length } from "../payloadBytes";
import { a1, parseCells, qualifiedAddress } from "./fakeAddress";
import type { QueuedAction, Snapshot } from "./fakeClientObject";
import { FakeOfficeError, errorCodes } from "./fakeOfficeError";
import { FakeApplicationObject, FakeWorkbookObject, type FakeScope } from "./fakeProxies";
import {
  FakeWorkbook,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeSheetProtection,
  type RangeReference,
  type StoredCell,
  type StyleEntry,
  type Visibility,
} from "./fakeWorkbook";

/**
 * How an injected sync failure behaves: "nothing-applied" — the request never reached Excel; "all-applied" — Excel
 * ran it and the answer was lost (GeneralException); "timeout" — Excel ran it all but the client stopped waiting
 * (RequestAborted, `Excel.ErrorCodes.requestAborted`; Office has no "Timeout" code); `appliedActions` — Excel
 * stopped after the first n actions.
 */
export type FailureMode = "nothing-applied" | "all-applied" | "timeout" | { readonly appliedActions: number };

export interface SyncRecord {
  /** 1-based, counted since the fake was made or `resetSyncLog`. */
  readonly index: number;
  readonly requestBytes: number;
  responseBytes: number;
  readonly actions: number;
  /** Actions by kind: "set values", "set numberFormat", "call add", "load", ... */
  readonly actionKinds: Readonly<Record<string, number>>;
  /** "ok", an error code, or "injected". */
  outcome: string;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
}

export interface FakeExcelOptions {
  readonly date1904?: boolean;
  /** Request and response limit; Excel on the web: 5 MB. */
  readonly payloadLimitBytes?: number;
  /** Most cells one read may return. */
  readonly maxReadCells?: number;
  /** Highest ExcelApi requirement set the fake claims (actions needing more fail with ApiNotFound). */
  readonly excelApi?: string;
}

/** A cell as the dump shows it: a value as in the port, or a formula (which the adapter must never produce). */
export type DumpedCell = CellValue | { readonly formula: string };

export interface DumpedSheet {
  readonly name: string;
  /** From A1 to the used range's end; trailing empty cells of a row dropped. */
  readonly rows: ReadonlyArray<ReadonlyArray<DumpedCell>>;
}

export interface ChartView {
  readonly type: string;
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly position: { readonly start: string; readonly end: string | null } | null;
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: string | null; readonly xValues: string | null }>;
}

export class FakeExcel implements ExcelHost {
  readonly state: FakeWorkbook;
  readonly syncLog: SyncRecord[] = [];
  readonly payloadLimitBytes: number;
  readonly maxReadCells: number;
  readonly excelApi: string;
  private readonly failures = new Map<number, FailureMode>();

  constructor(options: FakeExcelOptions = {}) {
    this.state = new FakeWorkbook(options.date1904 ?? false);
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5_000_000;
    this.maxReadCells = options.maxReadCells ?? 5_000_000;
    this.excelApi = options.excelApi ?? "1.9";
  }

  /** A workbook holding these sheets (values as given: no formulas, number format General). */
  static fromWorkbookData(data: WorkbookData, options: Omit<FakeExcelOptions, "date1904"> = {}): FakeExcel {
    const excel = new FakeExcel({ ...options, date1904: data.date1904 });
    for (const grid of data.sheets) excel.addSheet(grid);
    return excel;
  }

  // ---- ExcelHost ------------------------------------------------------------------------------------------------

  async run<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(this);
    try {
      const result = await batch(context);
      if (context.pendingActions() > 0) {
        throw new FakeOfficeError(errorCodes.generalException, `the batch ended with ${context.pendingActions()} queued actions never synced`);
      }
      return result;
    } finally {
      context.close();
    }
  }

  supports(version: string): boolean {
    return compareVersions(version, this.excelApi) <= 0;
  }

  // ---- syncs ----------------------------------------------------------------------------------------------------

  /** Makes the `n`th sync (counted like `SyncRecord.index`) fail. */
  failSync(n: number, mode: FailureMode = "nothing-applied"): void {
    this.failures.set(n, mode);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  resetSyncLog(): void {
    this.syncLog.length = 0;
    this.failures.clear();
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.syncLog.map((record) => record.requestBytes));
  }

  get largestResponseBytes(): number {
    return Math.max(0, ...this.syncLog.map((record) => record.responseBytes));
  }

  /** Actions of one kind ("set numberFormat") over the whole sync log. */
  actionCount(kind: string): number {
    return this.syncLog.reduce((sum, record) => sum + (record.actionKinds[kind] ?? 0), 0);
  }

  /** Runs one context's queued actions as one request to "Excel". */
  async execute(context: FakeRequestContext, actions: readonly QueuedAction[]): Promise<void> {
    // A sync resolves asynchronously in Office; keep the fake honest about it.
    await Promise.resolve();
    const record: SyncRecord = {
      index: this.syncLog.length + 1,
      requestBytes: utf8Length(JSON.stringify(actions.map((action) => action.request))),
      responseBytes: 0,
      actions: actions.length,
      actionKinds: countKinds(actions),
      outcome: "ok",
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    this.syncLog.push(record);
    const fail = (error: FakeOfficeError): never => {
      record.outcome = error.code;
      throw error;
    };
    if (record.requestBytes > this.payloadLimitBytes) {
      fail(new FakeOfficeError(errorCodes.requestPayloadSizeLimitExceeded, `request of ${record.requestBytes} bytes (limit ${this.payloadLimitBytes})`));
    }
    const failure = this.failures.get(record.index);
    const injected = () => {
      record.outcome = "injected";
      if (failure === "timeout") return new FakeOfficeError(errorCodes.requestAborted, `injected timeout of sync ${record.index}: the request ran, the client stopped waiting`);
      return new FakeOfficeError(errorCodes.generalException, `injected failure of sync ${record.index}`);
    };
    if (failure === "nothing-applied") throw injected();
    const runCount = failure === undefined || failure === "all-applied" || failure === "timeout" ? actions.length : Math.min(actions.length, failure.appliedActions);
    const snapshots: Snapshot[] = [];
    context.running = record;
    try {
      for (let i = 0; i < runCount; i++) {
        const action = actions[i]!;
        if (action.requires !== undefined && !this.supports(action.requires)) {
          fail(new FakeOfficeError("ApiNotFound", `the action needs ExcelApi ${action.requires}; the fake claims ${this.excelApi}`));
        }
        try {
          const snapshot = action.run();
          if (snapshot !== undefined) snapshots.push(snapshot);
        } catch (error) {
          if (error instanceof FakeOfficeError) fail(error);
          throw error;
        }
      }
    } finally {
      context.running = null;
    }
    if (failure !== undefined) throw injected();
    record.responseBytes = utf8Length(JSON.stringify(snapshots.map((snapshot) => snapshot.data)));
    if (record.responseBytes > this.payloadLimitBytes) {
      fail(new FakeOfficeError(errorCodes.responsePayloadSizeLimitExceeded, `response of ${record.responseBytes} bytes (limit ${this.payloadLimitBytes})`));
    }
    for (const snapshot of snapshots) snapshot.commit();
  }

  // ---- set-up, bypassing the API (what a user would have done before the add-in runs) ----------------------------

  addSheet(grid: SheetGrid): void {
    const sheet = this.state.addSheet(grid.name);
    grid.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        sheet.putCell(grid.firstRow - 1 + r, grid.firstColumn - 1 + c, typeof value === "object" ? { error: value.error } : value);
      });
    });
  }

  renameSheet(name: string, newName: string): void {
    this.state.renameSheet(this.sheet(name), newName);
  }

  hideSheet(name: string, visibility: Visibility = "Hidden"): void {
    this.state.setVisibility(this.sheet(name), visibility);
  }

  /** Direct cell edit, for test set-up: strings stay text. */
  putCell(name: string, address: string, value: StoredCell | undefined): void {
    const rect = parseCells(address);
    this.sheet(name).putCell(rect.row, rect.column, value);
  }

  // ---- inspection -----------------------------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.state.sheets.map((sheet) => sheet.name);
  }

  sheet(name: string): FakeSheet {
    const sheet = this.state.findSheet(name);
    if (sheet === undefined || sheet.name.toLowerCase() !== name.toLowerCase()) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  dumpSheet(name: string): DumpedSheet {
    const sheet = this.sheet(name);
    const rows = sheet.rowsFromA1().map((row) => {
      const cells: DumpedCell[] = row.map((cell) => (cell === undefined ? null : typeof cell === "object" ? { ...cell } : cell));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    return { name: sheet.name, rows };
  }

  dumpWorkbook(): DumpedSheet[] {
    return this.state.sheets.map((sheet) => this.dumpSheet(sheet.name));
  }

  cell(name: string, address: string): StoredCell | undefined {
    const rect = parseCells(address);
    return this.sheet(name).cell(rect.row, rect.column);
  }

  numberFormat(name: string, address: string): string {
    const rect = parseCells(address);
    return this.sheet(name).numberFormat(rect.row, rect.column);
  }

  style(name: string, address: string, property: StyleEntry["property"]): StyleEntry["value"] | undefined {
    const rect = parseCells(address);
    return this.sheet(name).style(rect.row, rect.column, property);
  }

  /** Tables as name, sheet and A1 range. */
  tables(): Array<{ name: string; sheet: string; address: string; style: string }> {
    return this.state.tables.map((table) => ({ name: table.name, sheet: table.sheet.name, address: a1(table.rect), style: table.style }));
  }

  /** Charts of a sheet, their ranges as sheet-qualified addresses under the sheets' current names. */
  charts(name: string): ChartView[] {
    const address = (reference: RangeReference | null) => (reference === null ? null : qualifiedAddress(reference.sheet.name, reference.rect));
    return this.sheet(name).charts.map((chart: FakeChart) => ({
      type: chart.type,
      name: chart.name,
      title: chart.title,
      source: address(chart.source)!,
      position: chart.position,
      series: chart.series.map((series) => ({ name: series.name, values: address(series.values), xValues: address(series.xValues) })),
    }));
  }

  /** A sheet's protection: whether it is on, the options and the password `protect` was given (null for none). */
  protection(name: string): FakeSheetProtection {
    return this.sheet(name).protection;
  }

  conditionalFormats(name: string): readonly FakeConditionalFormat[] {
    return this.sheet(name).conditionalFormats;
  }

  setting(key: string): unknown {
    const text = this.state.settings.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  settingKeys(): string[] {
    return [...this.state.settings.keys()];
  }

  setSetting(key: string, value: unknown): void {
    this.state.settings.set(key, JSON.stringify(value));
  }
}

function countKinds(actions: readonly QueuedAction[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const { request } of actions) {
    const r = request as { set?: string; call?: string };
    const kind = r.set !== undefined ? `set ${r.set}` : r.call !== undefined ? `call ${r.call}` : "load";
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

/** One `Excel.run`'s request context. */
export class FakeRequestContext implements XlContext, FakeScope {
  readonly workbook: FakeWorkbookObject;
  readonly application: FakeApplicationObject;
  running: SyncRecord | null = null;
  private queued: QueuedAction[] = [];
  private closed = false;

  constructor(private readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookObject(this);
    this.application = new FakeApplicationObject(this);
  }

  get state(): FakeWorkbook {
    return this.excel.state;
  }

  get maxReadCells(): number {
    return this.excel.maxReadCells;
  }

  enqueue(action: QueuedAction): void {
    if (this.closed) throw new FakeOfficeError("InvalidRequestContext", "the request context's Excel.run has ended");
    this.queued.push(action);
  }

  markSuspended(what: "calculation" | "screenUpdating"): void {
    if (this.running === null) return;
    if (what === "calculation") this.running.calculationSuspended = true;
    else this.running.screenUpdatingSuspended = true;
  }

  pendingActions(): number {
    return this.queued.length;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidRequestContext", "the request context's Excel.run has ended");
    const actions = this.queued;
    // Whatever happens, the queue is spent: Office clears it when a sync fails too.
    this.queued = [];
    await this.excel.execute(this, actions);
  }
}
