import type { SheetVisibility, XlContext } from "./excelApi";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./payloadBytes";

export interface SheetState {
  readonly id: string;
  readonly name: string;
  readonly visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Sheet protection is on (ExcelApi 1.2). */
  readonly protected: boolean;
}

export interface TableState {
  readonly name: string;
  readonly sheetId: string;
  readonly sheetName: string;
}

/** Sheets, tables and the add-in's settings as one sync saw them. */
export interface WorkbookState {
  readonly sheets: readonly SheetState[];
  readonly tables: readonly TableState[];
  readonly settings: ReadonlyMap<string, unknown>;
}

/** Request bytes of the three loads `queueWorkbookState` queues. */
export const WORKBOOK_STATE_REQUEST_BYTES = 3 * ACTION_OVERHEAD_BYTES;

export interface QueuedWorkbookState {
  /** After the sync: the state. */
  read(): WorkbookState;
  /** After the sync: JSON bytes of what came back. */
  responseBytes(): number;
}

/** Queues loads of every sheet (id, name, visibility, protected), every table (name, sheet) and every setting of the add-in. */
export function queueWorkbookState(context: XlContext): QueuedWorkbookState {
  const worksheets = context.workbook.worksheets.load("items/id,items/name,items/visibility,items/protection/protected");
  const tables = context.workbook.tables.load("items/name,items/worksheet/id,items/worksheet/name");
  const settings = context.workbook.settings.load("items/key,items/value");
  let state: WorkbookState | undefined;
  const read = (): WorkbookState => {
    state ??= {
      sheets: worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name, visibility: visibilityOf(sheet.visibility), protected: sheet.protection.protected })),
      tables: tables.items.map((table) => ({ name: table.name, sheetId: table.worksheet.id, sheetName: table.worksheet.name })),
      settings: new Map(settings.items.map((setting) => [setting.key, setting.value])),
    };
    return state;
  };
  return {
    read,
    responseBytes: () => {
      const { sheets, tables: tableList, settings: values } = read();
      return jsonBytes({ sheets, tables: tableList, settings: [...values] });
    },
  };
}

function visibilityOf(visibility: SheetVisibility): SheetState["visibility"] {
  // The enum's values are these strings; anything else (a future state) counts as hidden.
  const text = String(visibility);
  return text === "Visible" || text === "VeryHidden" ? text : "Hidden";
}
