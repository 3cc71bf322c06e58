/**
 * The part of the Excel JavaScript API that `src/excel` uses, as structural interfaces.
 *
 * Why a subset: the adapter is written against these interfaces, so it type-checks against the real API (a real
 * `Excel.RequestContext` is assignable to `XlContext`; `asXlContext` below makes the compiler prove it) and against
 * the in-memory Excel in `./testing` (whose classes `implements` them). Member types are taken from
 * @types/office-js where they are more than plain strings and numbers, so a signature cannot drift from Office's.
 * Enumerations are used as their string values ("Visible", "Error", "DataBar"): the `Excel` global that holds the
 * enum objects exists only inside Office.
 *
 * Add a member here only when the adapter starts to use it, and give the fake the same member.
 */

/** Property names to load: one comma-separated string or a list, as `ClientObject.load` takes them. */
export type LoadNames = string | string[];

export interface XlContext {
  readonly workbook: XlWorkbook;
  readonly application: XlApplication;
  sync(): Promise<void>;
}

export interface XlApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
  readonly settings: XlSettingCollection;
  readonly functions: XlFunctions;
}

export interface XlFunctions {
  /** `=DATE(year, month, day)` evaluated by the workbook, in the workbook's own date system. */
  date(year: number, month: number, day: number): XlFunctionResult<number>;
}

export interface XlFunctionResult<T> {
  readonly value: T;
  load(propertyNames: LoadNames): XlFunctionResult<T>;
}

export interface XlWorksheetCollection {
  readonly items: readonly XlWorksheet[];
  add(name?: string): XlWorksheet;
  /** By name (ignoring case) or by id. */
  getItem(key: string): XlWorksheet;
  load(propertyNames: LoadNames): XlWorksheetCollection;
}

export type SheetVisibility = Excel.Worksheet["visibility"];

export interface XlWorksheet {
  readonly id: string;
  name: string;
  visibility: SheetVisibility;
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;
  /** ExcelApi 1.2. */
  readonly protection: XlWorksheetProtection;
  activate(): void;
  delete(): void;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  load(propertyNames: LoadNames): XlWorksheet;
}

/** What `Range.valueTypes` reports per cell. */
export type CellValueType =
  | Excel.RangeValueType
  | "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

export interface XlRange {
  /** Sheet-qualified A1 address, e.g. "Invoices!A1:M400". */
  readonly address: string;
  /** 0-based index of the first row and column; sizes in cells. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Read: numbers, strings, booleans; "" for an empty cell; an error cell gives its text ("#N/A"). */
  values: unknown[][];
  readonly valueTypes: ReadonlyArray<ReadonlyArray<CellValueType>>;
  /** A 1×1 array sets the whole range (Excel's "single input copy"). */
  numberFormat: unknown[][];
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
  /** The bounding rectangle of the range's non-empty cells; a null object when there are none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  load(propertyNames: LoadNames): XlRange;
}

export interface XlRangeFormat {
  /** Points, not characters. */
  columnWidth: number;
  horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  readonly font: XlRangeFont;
  readonly fill: XlRangeFill;
}

export interface XlRangeFont {
  bold: boolean;
  italic: boolean;
  size: number;
  /** "#RRGGBB". */
  color: string;
}

export interface XlRangeFill {
  color: string;
}

export interface XlTableCollection {
  readonly items: readonly XlTable[];
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
  getItem(key: string): XlTable;
  load(propertyNames: LoadNames): XlTableCollection;
}

export interface XlTable {
  name: string;
  style: string;
  readonly worksheet: XlWorksheet;
  getHeaderRowRange(): XlRange;
  load(propertyNames: LoadNames): XlTable;
}

export type ChartKind = "ColumnClustered" | "Line";

export interface XlChartCollection {
  add(type: ChartKind, sourceData: XlRange, seriesBy?: "Auto" | "Columns" | "Rows"): XlChart;
}

export interface XlChart {
  readonly title: XlChartTitle;
  readonly series: XlChartSeriesCollection;
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlChartTitle {
  text: string;
}

export interface XlChartSeriesCollection {
  /** ExcelApi 1.7. */
  add(name?: string, index?: number): XlChartSeries;
  getItemAt(index: number): XlChartSeries;
}

export interface XlChartSeries {
  name: string;
  /** ExcelApi 1.7. */
  setValues(sourceData: XlRange): void;
  setXAxisValues(sourceData: XlRange): void;
}

export type ConditionalFormatKind = "DataBar" | "CellValue" | "ColorScale";

export interface XlConditionalFormatCollection {
  add(type: ConditionalFormatKind): XlConditionalFormat;
}

export interface XlConditionalFormat {
  readonly dataBar: { readonly positiveFormat: { fillColor: string } };
  readonly cellValue: {
    rule: Excel.ConditionalCellValueRule;
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
  readonly colorScale: { criteria: Excel.ConditionalColorScaleCriteria };
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  /** Freezes the rows above and the columns left of the range's bottom-right corner, inclusive. */
  freezeAt(frozenRange: XlRange | string): void;
}

export interface XlPageLayout {
  orientation: Excel.PageLayout["orientation"];
  zoom: Excel.PageLayoutZoomOptions;
}

export interface XlWorksheetProtection {
  /** Loaded through the sheet ("items/protection/protected"). */
  readonly protected: boolean;
  /**
   * ExcelApi 1.2 (1.7 with a password). Fails if the sheet is already protected. Sheet protection guards cells,
   * formats and objects (tables: no rename); the sheet itself can still be renamed, hidden, shown and deleted (only
   * workbook structure protection prevents that).
   */
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
}

export interface XlSettingCollection {
  readonly items: readonly XlSetting[];
  /** Sets or adds: a JSON-serializable value. */
  add(key: string, value: unknown): XlSetting;
  getItem(key: string): XlSetting;
  getItemOrNullObject(key: string): XlSetting;
  load(propertyNames: LoadNames): XlSettingCollection;
}

export interface XlSetting {
  readonly key: string;
  value: unknown;
  readonly isNullObject: boolean;
  delete(): void;
  load(propertyNames: LoadNames): XlSetting;
}

/**
 * A real request context seen through the subset. This function is also the compile-time proof that Office's types
 * satisfy the subset: if a member above stops matching @types/office-js, this line stops compiling.
 */
export function asXlContext(context: Excel.RequestContext): XlContext {
  return context;
}
