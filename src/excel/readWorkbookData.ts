import type { CellValue, SheetGrid, WorkbookData } from "../engine/port";
import { SHEET_COLUMNS } from "./a1";
import type { XlContext, XlFunctionResult, XlRange } from "./excelApi";
import { cellValueFromExcel, mayBeExcelError } from "./excelErrors";
import { analyzeOwnership } from "./ownership";
import { ACTION_OVERHEAD_BYTES, MAX_CELLS_PER_SYNC, PAYLOAD_BUDGET_BYTES, rowJsonBytes } from "./payloadBytes";
import { SyncMeter, syncMetered } from "./syncMeter";
import { queueWorkbookState, WORKBOOK_STATE_REQUEST_BYTES } from "./workbookState";

export interface ReadWorkbookDataOptions {
  /**
   * Sheets to read, by name, in this order. By default every sheet except the add-in's own report sheets and the
   * leftovers of interrupted runs (one more sync to list them). A name that does not exist fails the read
   * (ItemNotFound).
   */
  readonly sheets?: readonly string[];
  readonly meter?: SyncMeter;
  readonly budgetBytes?: number;
  /** The date system when already known; by default the workbook is asked. */
  readonly date1904?: boolean;
}

/** Rows of each probe, and where the probes start: spread so a sheet's later rows are sampled too. */
const PROBE_ROWS = 50;
const PROBE_STARTS = [0, 100, 1_000, 10_000, 100_000] as const;
/**
 * Padding of row-size estimates, from which response sizes are planned: a tenth on the probes (a few hundred rows),
 * a twentieth on what a block measured (thousands of rows, whose average moves little from block to block).
 */
const PROBE_SAFETY = 1.1;
const MEASURED_SAFETY = 1.05;
/** Bytes of an empty cell in a response: `"",`. */
const EMPTY_CELL_BYTES = 3;
/** Bytes per row of a one-column `valueTypes` read: `["String"],`. */
const VALUE_TYPE_ROW_BYTES = 12;
/** Gaps between error candidates of a column beyond which their type checks are split. */
const CANDIDATE_GAP_ROWS = 1_000;
/** How many refusals in a row ("response too large") are retried, each with at most half the rows. */
const MAX_REFUSALS = 8;

interface SheetReader {
  readonly name: string;
  readonly range: { readonly rowIndex: number; readonly columnIndex: number; readonly rowCount: number; readonly columnCount: number } | null;
  readonly rows: CellValue[][];
  /** Next row (0-based within the used range) to read. */
  next: number;
  bytesPerRow: number;
  /** Cells whose text is an Excel error's, waiting for `valueTypes` to say whether they are errors. */
  readonly candidates: CandidateGroup[];
}

/** Candidate error cells of one column, checked with one `valueTypes` read from `first` to `last` (rows). */
interface CandidateGroup {
  readonly column: number;
  readonly first: number;
  last: number;
  readonly rows: number[];
}

/**
 * Reads sheets of the open workbook into the workbook port.
 *
 * For each sheet, the used range (values only) is read in row blocks, many blocks per sync, each sync planned to
 * bring back at most `budgetBytes` (4 MB; Excel on the web refuses more than 5 MB per response and more than
 * 5 million cells per read). The size of a row is estimated before the first block from five 50-row probes spread
 * down the sheet (rows 1, 101, 1,001, 10,001 and 100,001 on), padded by 10 %, and corrected after every block from
 * what came back (padded by 5 %). A response Excel still refuses as too large is retried with halved blocks.
 *
 * Error values: `Range.values` gives an error cell as its text ("#N/A"), the same as a text cell holding those
 * characters. Loading `valueTypes` with every block would double every response, so only cells whose text is an
 * error's have their types read — one narrow column range per group of such cells, in the next sync — and a cell
 * becomes `{ error: "#N/A" }` only when Excel says "Error". A real "#N/A" text stays text.
 *
 * The date system: `=DATE(1904,1,1)` evaluated by the workbook (`workbook.functions`, ExcelApi 1.2) is 0 in the
 * 1904 system and 1,462 in the 1900 one. (`Workbook.use1904DateSystem` appears only in the preview API, not in
 * @types/office-js 1.0.612; the function works on every host that loads the add-in.)
 *
 * Syncs: 1 for the sizes and probes (+1 when `sheets` is not given), then about one per 4 MB of cell data, +1
 * when error texts need checking at the end.
 */
export async function readWorkbookData(context: XlContext, options: ReadWorkbookDataOptions = {}): Promise<WorkbookData> {
  const meter = options.meter ?? new SyncMeter();
  const budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const dateProbe: XlFunctionResult<number> | undefined = options.date1904 === undefined ? context.workbook.functions.date(1904, 1, 1).load("value") : undefined;

  let names = options.sheets;
  if (names === undefined) {
    const stateQuery = queueWorkbookState(context);
    await syncMetered(context, meter, WORKBOOK_STATE_REQUEST_BYTES + ACTION_OVERHEAD_BYTES);
    meter.noteResponse(stateQuery.responseBytes());
    const state = stateQuery.read();
    const ownership = analyzeOwnership(state);
    const ours = new Set([...ownership.reportSheets, ...ownership.orphanSheets].map((sheet) => sheet.id));
    names = state.sheets.filter((sheet) => !ours.has(sheet.id)).map((sheet) => sheet.name);
  }

  // Sizes and probes of every sheet in one sync.
  const targets = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const probes = PROBE_STARTS.map((start) => sheet.getRangeByIndexes(start, 0, PROBE_ROWS, SHEET_COLUMNS).getUsedRangeOrNullObject(true).load("rowCount,columnCount,values"));
    return { name, sheet, used, probes };
  });
  await syncMetered(context, meter, ACTION_OVERHEAD_BYTES * (2 + targets.length * (2 + 2 * PROBE_STARTS.length)));
  const date1904 = options.date1904 ?? (dateProbe !== undefined && dateProbe.value === 0);

  let probeBytes = 0;
  const readers: SheetReader[] = targets.map(({ name, used, probes }) => {
    if (used.isNullObject) return { name, range: null, rows: [], next: 0, bytesPerRow: 0, candidates: [] };
    const range = { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
    // The probes' widest row cost, widened to the used range's columns with empty cells.
    let bytesPerRow = 2 + range.columnCount * EMPTY_CELL_BYTES;
    for (const probe of probes) {
      if (probe.isNullObject) continue;
      const bytes = probe.values.reduce((sum, row) => sum + rowJsonBytes(row), 0);
      probeBytes += bytes;
      const padding = Math.max(0, range.columnCount - probe.columnCount) * EMPTY_CELL_BYTES;
      bytesPerRow = Math.max(bytesPerRow, bytes / probe.rowCount + padding);
    }
    return { name, range, rows: [], next: 0, bytesPerRow: bytesPerRow * PROBE_SAFETY, candidates: [] };
  });
  meter.noteResponse(probeBytes);

  const sheet = (reader: SheetReader) => context.workbook.worksheets.getItem(reader.name);
  for (let refusals = 0; readers.some((reader) => remaining(reader) > 0 || reader.candidates.length > 0); ) {
    // Plan one sync: pending error checks first, then blocks of rows, until the budget is spent.
    let bytes = 0;
    let cells = 0;
    const checks: Array<{ reader: SheetReader; group: CandidateGroup; range: XlRange }> = [];
    const blocks: Array<{ reader: SheetReader; start: number; count: number; range: XlRange }> = [];
    for (const reader of readers) {
      while (reader.candidates.length > 0) {
        const group = reader.candidates[0]!;
        const groupBytes = ACTION_OVERHEAD_BYTES + (group.last - group.first + 1) * VALUE_TYPE_ROW_BYTES;
        if (bytes > 0 && bytes + groupBytes > budget) break;
        reader.candidates.shift();
        const { rowIndex, columnIndex } = reader.range!;
        const range = sheet(reader).getRangeByIndexes(rowIndex + group.first, columnIndex + group.column, group.last - group.first + 1, 1).load("valueTypes");
        checks.push({ reader, group, range });
        bytes += groupBytes;
      }
    }
    for (const reader of readers) {
      const columns = reader.range?.columnCount ?? 0;
      while (remaining(reader) > 0) {
        let count = Math.min(remaining(reader), Math.floor((budget - bytes - ACTION_OVERHEAD_BYTES) / reader.bytesPerRow), Math.floor((MAX_CELLS_PER_SYNC - cells) / columns));
        if (count < 1) {
          if (bytes > 0) break;
          count = 1; // a single row beyond the budget still has to be read
        }
        const { rowIndex, columnIndex } = reader.range!;
        const range = sheet(reader).getRangeByIndexes(rowIndex + reader.next, columnIndex, count, columns).load("values");
        blocks.push({ reader, start: reader.next, count, range });
        reader.next += count;
        bytes += ACTION_OVERHEAD_BYTES + count * reader.bytesPerRow;
        cells += count * columns;
      }
    }

    try {
      await syncMetered(context, meter, ACTION_OVERHEAD_BYTES * (checks.length + blocks.length));
    } catch (error) {
      if (!isResponseTooLarge(error) || refusals >= MAX_REFUSALS) throw error;
      // Excel refused the response: put everything back and plan again with rows counted at least twice as large,
      // so that no sheet's next block has more than half the rows it had.
      refusals++;
      for (const { reader, group } of checks.reverse()) reader.candidates.unshift(group);
      const tried = new Map<SheetReader, number>();
      for (const { reader, start, count } of blocks) {
        reader.next = Math.min(reader.next, start);
        tried.set(reader, (tried.get(reader) ?? 0) + count);
      }
      for (const [reader, rows] of tried) reader.bytesPerRow = Math.max(reader.bytesPerRow * 2, budget / Math.max(1, Math.floor(rows / 2)));
      continue;
    }
    refusals = 0;

    let responseBytes = 0;
    for (const { reader, group, range } of checks) {
      const types = range.valueTypes;
      responseBytes += types.length * VALUE_TYPE_ROW_BYTES;
      for (const row of group.rows) {
        if (types[row - group.first]?.[0] !== "Error") continue;
        const text = reader.rows[row]![group.column];
        if (typeof text === "string") reader.rows[row]![group.column] = { error: text };
      }
    }
    for (const { reader, start, count, range } of blocks) {
      const values = range.values;
      let blockBytes = 0;
      for (let r = 0; r < values.length; r++) {
        const raw = values[r]!;
        blockBytes += rowJsonBytes(raw);
        reader.rows[start + r] = portRow(raw, start + r, reader);
      }
      responseBytes += blockBytes;
      // Rows cost what they cost: raise the estimate at once, lower it halfway.
      const measured = (blockBytes / count) * MEASURED_SAFETY;
      reader.bytesPerRow = measured > reader.bytesPerRow ? measured : (reader.bytesPerRow + measured) / 2;
    }
    meter.noteResponse(responseBytes);
  }

  const sheets: SheetGrid[] = readers.map((reader) => ({
    name: reader.name,
    rows: reader.rows,
    firstRow: (reader.range?.rowIndex ?? 0) + 1,
    firstColumn: (reader.range?.columnIndex ?? 0) + 1,
  }));
  return { sheets, date1904 };
}

function remaining(reader: SheetReader): number {
  return reader.range === null ? 0 : reader.range.rowCount - reader.next;
}

/** One row from Excel in the port's terms (trailing empty cells dropped), noting cells that may be errors. */
function portRow(raw: readonly unknown[], row: number, reader: SheetReader): CellValue[] {
  const cells: CellValue[] = new Array<CellValue>(raw.length);
  let length = 0;
  for (let c = 0; c < raw.length; c++) {
    const value = raw[c];
    cells[c] = cellValueFromExcel(value, false);
    if (cells[c] !== null) length = c + 1;
    if (mayBeExcelError(value)) noteCandidate(reader, row, c);
  }
  cells.length = length;
  return cells;
}

function noteCandidate(reader: SheetReader, row: number, column: number): void {
  let group: CandidateGroup | undefined;
  for (let i = reader.candidates.length - 1; i >= 0 && group === undefined; i--) {
    if (reader.candidates[i]!.column === column) group = reader.candidates[i];
  }
  if (group !== undefined && row - group.last <= CANDIDATE_GAP_ROWS) {
    group.last = row;
    group.rows.push(row);
    return;
  }
  reader.candidates.push({ column, first: row, last: row, rows: [row] });
}

function isResponseTooLarge(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}
