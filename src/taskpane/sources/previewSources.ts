import type { WorkbookData } from "../../engine/port";
import { INVOICE_SYNONYMS, PAYMENT_SYNONYMS, REQUIRED_FIELDS, type InvoiceField, type PaymentField, type TableKind } from "../../engine/tables/columnSynonyms";
import { columnLetter } from "../../engine/tables/columnLetter";
import { detectTables, type TableSource } from "../../engine/tables/detectTables";
import type { DeskSettings } from "../../excel";
import { columnOfHeader, withColumnOverrides, type SourceSheets } from "./columnOverrides";

/** A column the user can pick for a field: its letter and header text. */
export interface ColumnChoice {
  readonly letter: string;
  readonly header: string;
}

export interface FieldMapping<F extends string = string> {
  readonly field: F;
  /** The column the run will read the field from; null when none. */
  readonly column: ColumnChoice | null;
  readonly required: boolean;
  /** The user chose this column (an override saved in the workbook), rather than detection. */
  readonly chosen: boolean;
}

export interface SourceView<F extends string = string> {
  readonly kind: TableKind;
  /** The sheet the run will use; null when none was found or chosen. */
  readonly sheet: string | null;
  /** The sheet was chosen by the user (saved in the workbook), not detected. */
  readonly pinned: boolean;
  /** 1-based sheet row of the header; null when the sheet has no usable header row. */
  readonly headerRow: number | null;
  /** Every non-empty cell of the header row, for picking a column. */
  readonly columns: readonly ColumnChoice[];
  readonly fields: ReadonlyArray<FieldMapping<F>>;
}

export interface SourcesPreview {
  /** Sheets that can be sources, in workbook order. */
  readonly sheets: readonly string[];
  readonly invoices: SourceView<InvoiceField>;
  readonly payments: SourceView<PaymentField>;
  /** What a run should read: the sheets shown above (undefined: none found, the engine looks everywhere). */
  readonly sources: SourceSheets;
}

const INVOICE_FIELDS = Object.keys(INVOICE_SYNONYMS) as InvoiceField[];
const PAYMENT_FIELDS = Object.keys(PAYMENT_SYNONYMS) as PaymentField[];

/**
 * What a run would read, shown before it runs: for each table the sheet, header row and field → column mapping,
 * found by the engine's own detection on the sheets' first rows (see `readSheetHeads`) after the user's choices in
 * `settings` (a pinned sheet, columns chosen for fields) are applied exactly as the run applies them.
 * A pinned sheet that no longer exists is ignored.
 */
export function previewSources(heads: WorkbookData, settings: DeskSettings): SourcesPreview {
  const sheets = heads.sheets.map((sheet) => sheet.name);
  const existing = (name: string | undefined) => (name === undefined ? undefined : sheets.find((s) => s.toLowerCase() === name.toLowerCase()));
  const pinned: SourceSheets = {
    ...optional("invoicesSheet", existing(settings.sources.invoicesSheet)),
    ...optional("paymentsSheet", existing(settings.sources.paymentsSheet)),
  };
  const detected = detectTables(heads, pinned);
  const sources: SourceSheets = {
    ...optional("invoicesSheet", pinned.invoicesSheet ?? detected.invoices?.sheet.name),
    ...optional("paymentsSheet", pinned.paymentsSheet ?? detected.payments?.sheet.name),
  };
  const relabelled = withColumnOverrides(heads, sources, settings.columnOverrides);
  const tables = relabelled === heads ? detected : detectTables(relabelled, sources);
  return {
    sheets,
    invoices: sourceView("invoices", heads, sources.invoicesSheet, pinned.invoicesSheet !== undefined, tables.invoices, INVOICE_FIELDS, settings.columnOverrides.invoices),
    payments: sourceView("payments", heads, sources.paymentsSheet, pinned.paymentsSheet !== undefined, tables.payments, PAYMENT_FIELDS, settings.columnOverrides.payments),
    sources,
  };
}

function sourceView<F extends string>(
  kind: TableKind,
  heads: WorkbookData,
  sheetName: string | undefined,
  pinned: boolean,
  table: TableSource<F> | undefined,
  fields: readonly F[],
  overrides: Readonly<Partial<Record<F, string>>>,
): SourceView<F> {
  const sheet = heads.sheets.find((s) => s.name === sheetName);
  if (sheet === undefined || table === undefined) {
    return { kind, sheet: sheetName ?? null, pinned, headerRow: null, columns: [], fields: [] };
  }
  // Header texts from the sheet as the user sees it, not as relabelled for the engine.
  const header = sheet.rows[table.headerIndex] ?? [];
  const choice = (column: number): ColumnChoice => ({ letter: columnLetter(sheet.firstColumn + column), header: String(header[column] ?? "") });
  const columns = header.flatMap((cell, column) => (cell === null || String(cell).trim() === "" ? [] : [choice(column)]));
  const required = REQUIRED_FIELDS[kind];
  return {
    kind,
    sheet: sheet.name,
    pinned,
    headerRow: sheet.firstRow + table.headerIndex,
    columns,
    fields: fields.map((field) => {
      const column = table.columns.get(field);
      const override = overrides[field];
      return {
        field,
        column: column === undefined ? null : choice(column),
        required: required.includes(field),
        chosen: override !== undefined && column !== undefined && columnOfHeader(header, override) === column,
      };
    }),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
