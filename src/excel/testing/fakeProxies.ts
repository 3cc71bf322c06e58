/**
 * Proxy classes of the fake, one per Excel API class the adapter uses, each `implements` the matching interface of
 * `../excelApi` so that the adapter type-checks against the fake exactly as against Office.
 */
import type {
  CellValueType,
  ChartKind,
  ConditionalFormatKind,
  LoadNames,
  SheetVisibility,
  XlApplication,
  XlChart,
  XlChartCollection,
  XlChartSeries,
  XlChartSeriesCollection,
  XlChartTitle,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlFreezePanes,
  XlFunctionResult,
  XlFunctions,
  XlPageLayout,
  XlRange,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlSetting,
  XlSettingCollection,
  XlTable,
  XlTableCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from "../excelApi";
import { a1, checkRect, parseCells, qualifiedAddress, splitSheetPrefix } from "./fakeAddress";
import { FakeClientObject, unknownProperty, writeOnly, type ActionQueue, type Snapshot } from "./fakeClientObject";
import { FakeOfficeError, errorCodes } from "./fakeOfficeError";
import {
  type FakeChart,
  type FakeChartSeries,
  type FakeConditionalFormat,
  type FakeSheet,
  type FakeTable,
  type FakeWorkbook,
  type ProtectionOptions,
  type Rect,
  type StyleEntry,
  type Visibility,
} from "./fakeWorkbook";

/** The request context's side the proxies see. */
export interface FakeScope extends ActionQueue {
  readonly state: FakeWorkbook;
}

/** An object reference resolved when a sync first needs it, then kept (Office binds proxies the same way). */
class Binding<T> {
  private resolved = false;
  private value: T | null = null;

  constructor(
    private readonly locate: () => T | null,
    private readonly nullable: boolean,
    private readonly what: string,
  ) {}

  static bound<T>(value: T, what: string): Binding<T> {
    const binding = new Binding<T>(() => value, false, what);
    binding.bind(value);
    return binding;
  }

  /** Bound by the action that creates the object (worksheets.add, tables.add, ...). */
  static later<T>(what: string): Binding<T> {
    return new Binding<T>(() => {
      throw new FakeOfficeError(errorCodes.invalidObjectPath, `${what} is used before the action that creates it`);
    }, false, what);
  }

  bind(value: T): void {
    this.resolved = true;
    this.value = value;
  }

  /** The object, or null for a null object. */
  resolve(): T | null {
    if (!this.resolved) {
      const value = this.locate();
      if (value === null && !this.nullable) throw new FakeOfficeError(errorCodes.itemNotFound, `${this.what} was not found`);
      this.bind(value as T);
    }
    return this.value;
  }

  require(): T {
    const value = this.resolve();
    if (value === null) throw new FakeOfficeError(errorCodes.invalidOperation, `${this.what} is a null object`);
    return value;
  }
}

function requireSet(version: string): string {
  return version;
}

// ---- workbook, application, functions --------------------------------------------------------------------------

export class FakeWorkbookObject extends FakeClientObject implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollectionObject;
  readonly tables: FakeTableCollectionObject;
  readonly settings: FakeSettingCollectionObject;
  readonly functions: FakeFunctionsObject;

  constructor(scope: FakeScope) {
    super(scope, "workbook");
    this.worksheets = new FakeWorksheetCollectionObject(scope);
    this.tables = new FakeTableCollectionObject(scope, "workbook.tables", null);
    this.settings = new FakeSettingCollectionObject(scope);
    this.functions = new FakeFunctionsObject(scope);
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakeApplicationObject extends FakeClientObject implements XlApplication {
  constructor(scope: FakeScope) {
    super(scope, "application");
  }

  suspendApiCalculationUntilNextSync(): void {
    this.enqueueCall("suspendApiCalculationUntilNextSync", [], () => this.queue.markSuspended("calculation"), requireSet("1.6"));
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.enqueueCall("suspendScreenUpdatingUntilNextSync", [], () => this.queue.markSuspended("screenUpdating"), requireSet("1.9"));
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakeFunctionsObject extends FakeClientObject implements XlFunctions {
  constructor(private readonly scope: FakeScope) {
    super(scope, "workbook.functions");
  }

  date(year: number, month: number, day: number): FakeFunctionResultObject<number> {
    const scope = this.scope;
    return new FakeFunctionResultObject<number>(scope, `${this.path}.date(${year},${month},${day})`, () => {
      // Days since the epoch of the workbook's date system; valid from 1900-03-01 (1900) or 1904-01-01 (1904).
      const utc = Date.UTC(year, month - 1, day);
      const epoch = scope.state.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      return Math.round((utc - epoch) / 86_400_000);
    });
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakeFunctionResultObject<T> extends FakeClientObject implements XlFunctionResult<T> {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly evaluate: () => T,
  ) {
    super(scope, path);
  }

  get value(): T {
    return this.loaded<T>("value");
  }

  load(propertyNames: LoadNames): FakeFunctionResultObject<T> {
    this.enqueueLoad(propertyNames);
    return this;
  }

  protected currentValue(property: string): unknown {
    if (property === "value") return this.evaluate();
    throw unknownProperty(this.path, property);
  }
}

// ---- worksheets ------------------------------------------------------------------------------------------------

export class FakeWorksheetCollectionObject extends FakeClientObject implements XlWorksheetCollection {
  constructor(private readonly scope: FakeScope) {
    super(scope, "workbook.worksheets");
  }

  get items(): FakeWorksheetObject[] {
    return this.loaded<FakeWorksheetObject[]>("items");
  }

  add(name?: string): FakeWorksheetObject {
    const binding = Binding.later<FakeSheet>(`worksheets.add(${JSON.stringify(name ?? null)})`);
    const sheet = new FakeWorksheetObject(this.scope, `${this.path}.add(${JSON.stringify(name ?? null)})`, binding);
    this.enqueueCall("add", [name ?? null], () => binding.bind(this.scope.state.addSheet(name)));
    return sheet;
  }

  getItem(key: string): FakeWorksheetObject {
    const binding = new Binding(() => this.scope.state.findSheet(key) ?? null, false, `worksheet "${key}"`);
    return new FakeWorksheetObject(this.scope, `${this.path}.getItem(${JSON.stringify(key)})`, binding);
  }

  load(propertyNames: LoadNames): FakeWorksheetCollectionObject {
    this.enqueueLoad(propertyNames);
    return this;
  }

  override snapshot(paths: readonly string[]): Snapshot {
    const itemPaths = itemPathsOf(this.path, paths);
    const items = this.scope.state.sheets.map(
      (sheet, i) => new FakeWorksheetObject(this.scope, `${this.path}.items[${i}]`, Binding.bound(sheet, `worksheet "${sheet.name}"`)),
    );
    return collectionSnapshot(items, itemPaths, (loadedItems) => this.setLoaded("items", loadedItems));
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

function itemPathsOf(path: string, paths: readonly string[]): string[] {
  return paths.map((p) => {
    if (!p.startsWith("items/")) throw new FakeOfficeError(errorCodes.invalidArgument, `${path}: load "items/<property>", not "${p}"`);
    return p.slice("items/".length);
  });
}

function collectionSnapshot<T extends FakeClientObject>(items: T[], itemPaths: readonly string[], keep: (items: T[]) => void): Snapshot {
  const children = items.map((item) => item.snapshot(itemPaths));
  return {
    data: { items: children.map((child) => child.data) },
    commit: () => {
      for (const child of children) child.commit();
      keep(items);
    },
  };
}

export class FakeWorksheetObject extends FakeClientObject implements XlWorksheet {
  readonly tables: FakeTableCollectionObject;
  readonly charts: FakeChartCollectionObject;
  readonly freezePanes: FakeFreezePanesObject;
  readonly pageLayout: FakePageLayoutObject;
  readonly protection: FakeWorksheetProtectionObject;

  constructor(
    private readonly scope: FakeScope,
    path: string,
    private readonly binding: Binding<FakeSheet>,
  ) {
    super(scope, path);
    this.tables = new FakeTableCollectionObject(scope, `${path}.tables`, this);
    this.charts = new FakeChartCollectionObject(scope, `${path}.charts`, this);
    this.freezePanes = new FakeFreezePanesObject(scope, `${path}.freezePanes`, this);
    this.pageLayout = new FakePageLayoutObject(scope, `${path}.pageLayout`, this);
    this.protection = new FakeWorksheetProtectionObject(scope, `${path}.protection`, this);
  }

  /** The sheet, still in the workbook (ItemNotFound after it was deleted). */
  target(): FakeSheet {
    const sheet = this.binding.require();
    this.scope.state.checkAttached(sheet);
    return sheet;
  }

  get id(): string {
    return this.loaded<string>("id");
  }

  get name(): string {
    return this.loaded<string>("name");
  }

  set name(name: string) {
    this.enqueueSet("name", name, () => this.scope.state.renameSheet(this.target(), name));
  }

  get visibility(): SheetVisibility {
    return this.loaded<SheetVisibility>("visibility");
  }

  set visibility(visibility: SheetVisibility) {
    this.enqueueSet("visibility", visibility, () => {
      if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
        throw new FakeOfficeError(errorCodes.invalidArgument, `visibility ${String(visibility)}`);
      }
      this.scope.state.setVisibility(this.target(), visibility as Visibility);
    });
  }

  activate(): void {
    this.enqueueCall("activate", [], () => this.scope.state.activate(this.target()));
  }

  delete(): void {
    this.enqueueCall("delete", [], () => this.scope.state.deleteSheet(this.target()));
  }

  getRange(address?: string): FakeRangeObject {
    return this.range(`getRange(${JSON.stringify(address ?? null)})`, () => {
      const sheet = this.target();
      if (address === undefined) throw new FakeOfficeError(errorCodes.notImplemented, "getRange() of the whole sheet is not modelled");
      const { sheet: prefix, cells } = splitSheetPrefix(address);
      if (prefix !== null && prefix.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new FakeOfficeError(errorCodes.invalidArgument, `address ${address} is not on sheet ${sheet.name}`);
      }
      return { sheet, rect: parseCells(cells) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRangeObject {
    return this.range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const rect = { row: startRow, column: startColumn, rows: rowCount, columns: columnCount };
      checkRect(rect);
      return { sheet: this.target(), rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeObject {
    return this.range(
      `getUsedRangeOrNullObject(${String(valuesOnly)})`,
      () => {
        checkValuesOnly(valuesOnly);
        const sheet = this.target();
        const rect = sheet.usedRect();
        return rect === null ? null : { sheet, rect };
      },
      true,
    );
  }

  load(propertyNames: LoadNames): FakeWorksheetObject {
    this.enqueueLoad(propertyNames);
    return this;
  }

  protected override navigation(name: string): FakeClientObject {
    if (name === "protection") return this.protection;
    return super.navigation(name);
  }

  protected currentValue(property: string): unknown {
    const sheet = this.target();
    switch (property) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      default:
        throw unknownProperty(this.path, property);
    }
  }

  private range(method: string, locate: () => RangeTarget | null, nullable = false): FakeRangeObject {
    return new FakeRangeObject(this.scope, `${this.path}.${method}`, new Binding(locate, nullable, `${this.path}.${method}`));
  }
}

/** `Worksheet.protection` (ExcelApi 1.2): `protected` (loaded through the sheet) and `protect`. */
export class FakeWorksheetProtectionObject extends FakeClientObject implements XlWorksheetProtection {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly worksheet: FakeWorksheetObject,
  ) {
    super(scope, path);
  }

  get protected(): boolean {
    return this.loaded<boolean>("protected");
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const recorded: ProtectionOptions = { ...(options ?? {}) };
    this.enqueueCall(
      "protect",
      [recorded, password ?? null],
      () => this.worksheet.target().protect(recorded, password ?? null),
      requireSet(password === undefined ? "1.2" : "1.7"),
    );
  }

  protected currentValue(property: string): unknown {
    if (property === "protected") return this.worksheet.target().protection.protected;
    throw unknownProperty(this.path, property);
  }
}

function checkValuesOnly(valuesOnly: boolean | undefined): void {
  if (valuesOnly !== true) throw new FakeOfficeError(errorCodes.notImplemented, "the fake models getUsedRange(valuesOnly: true) only");
}

function nullSnapshot(keep: (isNull: boolean) => void): Snapshot {
  return { data: { isNullObject: true }, commit: () => keep(true) };
}

// ---- ranges ----------------------------------------------------------------------------------------------------

export interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

export class FakeRangeObject extends FakeClientObject implements XlRange {
  readonly format: FakeRangeFormatObject;
  readonly conditionalFormats: FakeConditionalFormatCollectionObject;

  constructor(
    private readonly scope: FakeScope,
    path: string,
    private readonly binding: Binding<RangeTarget>,
  ) {
    super(scope, path);
    this.format = new FakeRangeFormatObject(scope, `${path}.format`, this);
    this.conditionalFormats = new FakeConditionalFormatCollectionObject(scope, `${path}.conditionalFormats`, this);
  }

  target(): RangeTarget {
    const target = this.binding.require();
    this.scope.state.checkAttached(target.sheet);
    return target;
  }

  resolveNullable(): RangeTarget | null {
    return this.binding.resolve();
  }

  get address(): string {
    return this.loaded<string>("address");
  }
  get rowIndex(): number {
    return this.loaded<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded<number>("columnIndex");
  }
  get rowCount(): number {
    return this.loaded<number>("rowCount");
  }
  get columnCount(): number {
    return this.loaded<number>("columnCount");
  }
  get isNullObject(): boolean {
    return this.loaded<boolean>("isNullObject");
  }
  get valueTypes(): CellValueType[][] {
    return this.loaded<CellValueType[][]>("valueTypes");
  }

  get values(): unknown[][] {
    return this.loaded<unknown[][]>("values");
  }

  set values(values: unknown[][]) {
    this.enqueueSet("values", values, () => {
      const { sheet, rect } = this.target();
      sheet.checkEditable("values");
      forEachInput(values, rect, "values", (row, column, value) => sheet.writeValue(row, column, value));
    });
  }

  get numberFormat(): unknown[][] {
    return this.loaded<unknown[][]>("numberFormat");
  }

  set numberFormat(formats: unknown[][]) {
    this.enqueueSet("numberFormat", formats, () => {
      const { sheet, rect } = this.target();
      sheet.checkEditable("numberFormat", "allowFormatCells");
      forEachInput(formats, rect, "numberFormat", (row, column, format) => {
        if (format === null || format === undefined) return;
        if (typeof format !== "string") throw new FakeOfficeError(errorCodes.invalidArgument, `number format ${JSON.stringify(format)}`);
        sheet.setNumberFormat(row, column, format === "" ? "General" : format);
      });
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRangeObject {
    return new FakeRangeObject(
      this.scope,
      `${this.path}.getUsedRangeOrNullObject(${String(valuesOnly)})`,
      new Binding(
        () => {
          checkValuesOnly(valuesOnly);
          const base = this.binding.resolve();
          if (base === null) return null;
          const rect = base.sheet.usedRect(base.rect);
          return rect === null ? null : { sheet: base.sheet, rect };
        },
        true,
        "used range",
      ),
    );
  }

  load(propertyNames: LoadNames): FakeRangeObject {
    this.enqueueLoad(propertyNames);
    return this;
  }

  override snapshot(paths: readonly string[]): Snapshot {
    const target = this.binding.resolve();
    if (target === null) return nullSnapshot((value) => this.setLoaded("isNullObject", value));
    const inner = super.snapshot(paths);
    return {
      data: inner.data,
      commit: () => {
        inner.commit();
        this.setLoaded("isNullObject", false);
      },
    };
  }

  protected currentValue(property: string): unknown {
    const { sheet, rect } = this.target();
    switch (property) {
      case "address":
        return qualifiedAddress(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.column;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.columns;
      case "isNullObject":
        return false;
      case "values":
        return this.cellGrid(rect, (r, c) => sheet.readValue(r, c));
      case "valueTypes":
        return this.cellGrid(rect, (r, c) => sheet.readValueType(r, c));
      case "numberFormat":
        return this.cellGrid(rect, (r, c) => sheet.numberFormat(r, c));
      default:
        throw unknownProperty(this.path, property);
    }
  }

  private cellGrid<T>(rect: Rect, read: (row: number, column: number) => T): T[][] {
    const cells = rect.rows * rect.columns;
    if (cells > this.scope.maxReadCells) {
      throw new FakeOfficeError(errorCodes.responsePayloadSizeLimitExceeded, `reading ${cells} cells at once (limit ${this.scope.maxReadCells})`);
    }
    const grid: T[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.columns; c++) row.push(read(rect.row + r, rect.column + c));
      grid.push(row);
    }
    return grid;
  }
}

function asFake(range: XlRange): FakeRangeObject {
  if (!(range instanceof FakeRangeObject)) throw new FakeOfficeError(errorCodes.invalidArgument, "a range from another API was passed to the fake");
  return range;
}

/**
 * Applies a 2-D input to a rectangle: same dimensions cell by cell, or one value for every cell (Excel's "single
 * input copy"). Anything else is InvalidArgument, as in Excel.
 */
function forEachInput(input: unknown, rect: Rect, property: string, apply: (row: number, column: number, value: unknown) => void): void {
  if (!Array.isArray(input) || input.some((row) => !Array.isArray(row))) {
    throw new FakeOfficeError(errorCodes.invalidArgument, `${property} must be a 2-D array`);
  }
  const rows = input as unknown[][];
  if (rows.length === 1 && rows[0]!.length === 1) {
    const value = rows[0]![0];
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) apply(rect.row + r, rect.column + c, value);
    return;
  }
  if (rows.length !== rect.rows || rows.some((row) => row.length !== rect.columns)) {
    throw new FakeOfficeError(
      errorCodes.invalidArgument,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}, ${rect.rows}×${rect.columns})`,
    );
  }
  rows.forEach((row, r) => row.forEach((value, c) => apply(rect.row + r, rect.column + c, value)));
}

export class FakeRangeFormatObject extends FakeClientObject implements XlRangeFormat {
  readonly font: FakeRangeFontObject;
  readonly fill: FakeRangeFillObject;

  constructor(
    scope: FakeScope,
    path: string,
    private readonly range: FakeRangeObject,
  ) {
    super(scope, path);
    this.font = new FakeRangeFontObject(scope, `${path}.font`, range);
    this.fill = new FakeRangeFillObject(scope, `${path}.fill`, range);
  }

  get columnWidth(): number {
    throw writeOnly(this.path, "columnWidth");
  }

  set columnWidth(points: number) {
    this.enqueueSet("columnWidth", points, () => {
      if (!(points >= 0 && points <= 1800)) throw new FakeOfficeError(errorCodes.invalidArgument, `column width ${points}`);
      const { sheet, rect } = this.range.target();
      sheet.checkEditable("columnWidth", "allowFormatColumns");
      for (let c = 0; c < rect.columns; c++) sheet.columnWidths.set(rect.column + c, points);
    });
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    throw writeOnly(this.path, "horizontalAlignment");
  }

  set horizontalAlignment(alignment: Excel.RangeFormat["horizontalAlignment"]) {
    this.enqueueSet("horizontalAlignment", alignment, () => addStyle(this.range, "horizontalAlignment", alignment));
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

function addStyle(range: FakeRangeObject, property: StyleEntry["property"], value: StyleEntry["value"]): void {
  const { sheet, rect } = range.target();
  sheet.checkEditable(property, "allowFormatCells");
  sheet.styles.push({ rect, property, value });
}

export class FakeRangeFontObject extends FakeClientObject implements XlRangeFont {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly range: FakeRangeObject,
  ) {
    super(scope, path);
  }

  get bold(): boolean {
    throw writeOnly(this.path, "bold");
  }
  set bold(bold: boolean) {
    this.enqueueSet("bold", bold, () => addStyle(this.range, "bold", bold));
  }
  get italic(): boolean {
    throw writeOnly(this.path, "italic");
  }
  set italic(italic: boolean) {
    this.enqueueSet("italic", italic, () => addStyle(this.range, "italic", italic));
  }
  get size(): number {
    throw writeOnly(this.path, "size");
  }
  set size(size: number) {
    this.enqueueSet("size", size, () => {
      if (!(size >= 1 && size <= 409)) throw new FakeOfficeError(errorCodes.invalidArgument, `font size ${size}`);
      addStyle(this.range, "size", size);
    });
  }
  get color(): string {
    throw writeOnly(this.path, "color");
  }
  set color(color: string) {
    this.enqueueSet("color", color, () => addStyle(this.range, "fontColor", checkColor(color)));
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

export class FakeRangeFillObject extends FakeClientObject implements XlRangeFill {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly range: FakeRangeObject,
  ) {
    super(scope, path);
  }

  get color(): string {
    throw writeOnly(this.path, "color");
  }
  set color(color: string) {
    this.enqueueSet("color", color, () => addStyle(this.range, "fill", checkColor(color)));
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

function checkColor(color: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw new FakeOfficeError(errorCodes.invalidArgument, `color "${color}" (the fake takes #RRGGBB)`);
  return color.toUpperCase();
}

// ---- tables ----------------------------------------------------------------------------------------------------

export class FakeTableCollectionObject extends FakeClientObject implements XlTableCollection {
  constructor(
    private readonly scope: FakeScope,
    path: string,
    /** The worksheet of a worksheet's collection; null for the workbook's. */
    private readonly worksheet: FakeWorksheetObject | null,
  ) {
    super(scope, path);
  }

  get items(): FakeTableObject[] {
    return this.loaded<FakeTableObject[]>("items");
  }

  add(address: XlRange | string, hasHeaders: boolean): FakeTableObject {
    const binding = Binding.later<FakeTable>("table");
    const description = typeof address === "string" ? address : asFake(address).path;
    const table = new FakeTableObject(this.scope, `${this.path}.add(${JSON.stringify(description)})`, binding);
    this.enqueueCall("add", [description, hasHeaders], () => {
      const { sheet, rect } = this.locateRange(address);
      binding.bind(this.scope.state.addTable(sheet, rect, hasHeaders));
    });
    return table;
  }

  getItem(key: string): FakeTableObject {
    return new FakeTableObject(this.scope, `${this.path}.getItem(${JSON.stringify(key)})`, new Binding(() => this.find(key), false, `table "${key}"`));
  }

  load(propertyNames: LoadNames): FakeTableCollectionObject {
    this.enqueueLoad(propertyNames);
    return this;
  }

  override snapshot(paths: readonly string[]): Snapshot {
    const itemPaths = itemPathsOf(this.path, paths);
    const sheet = this.worksheet?.target() ?? null;
    const tables = this.scope.state.tables.filter((table) => sheet === null || table.sheet === sheet);
    const items = tables.map((table, i) => new FakeTableObject(this.scope, `${this.path}.items[${i}]`, Binding.bound(table, `table ${table.name}`)));
    return collectionSnapshot(items, itemPaths, (loadedItems) => this.setLoaded("items", loadedItems));
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }

  private find(key: string): FakeTable | null {
    const sheet = this.worksheet?.target() ?? null;
    return this.scope.state.tables.find((table) => table.name.toLowerCase() === key.toLowerCase() && (sheet === null || table.sheet === sheet)) ?? null;
  }

  private locateRange(address: XlRange | string): RangeTarget {
    if (typeof address !== "string") return asFake(address).target();
    const { sheet: prefix, cells } = splitSheetPrefix(address);
    const sheet = this.worksheet?.target() ?? (prefix === null ? null : (this.scope.state.findSheet(prefix) ?? null));
    if (sheet === null) throw new FakeOfficeError(errorCodes.invalidArgument, `table address ${address} names no sheet`);
    return { sheet, rect: parseCells(cells) };
  }
}

export class FakeTableObject extends FakeClientObject implements XlTable {
  constructor(
    private readonly scope: FakeScope,
    path: string,
    private readonly binding: Binding<FakeTable>,
  ) {
    super(scope, path);
  }

  private target(): FakeTable {
    const table = this.binding.require();
    if (!this.scope.state.tables.includes(table)) throw new FakeOfficeError(errorCodes.itemNotFound, `table ${table.name} no longer exists`);
    return table;
  }

  get name(): string {
    return this.loaded<string>("name");
  }
  set name(name: string) {
    this.enqueueSet("name", name, () => this.scope.state.renameTable(this.target(), name));
  }

  get style(): string {
    return this.loaded<string>("style");
  }
  set style(style: string) {
    this.enqueueSet("style", style, () => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(style)) throw new FakeOfficeError(errorCodes.invalidArgument, `table style "${style}"`);
      const table = this.target();
      table.sheet.checkEditable("table style");
      table.style = style;
    });
  }

  get worksheet(): FakeWorksheetObject {
    return this.worksheetObject();
  }

  getHeaderRowRange(): FakeRangeObject {
    return new FakeRangeObject(
      this.scope,
      `${this.path}.getHeaderRowRange()`,
      new Binding(
        () => {
          const table = this.target();
          return { sheet: table.sheet, rect: { ...table.rect, rows: 1 } };
        },
        false,
        "header row",
      ),
    );
  }

  load(propertyNames: LoadNames): FakeTableObject {
    this.enqueueLoad(propertyNames);
    return this;
  }

  protected override navigation(name: string): FakeClientObject {
    if (name === "worksheet") return this.worksheetObject();
    return super.navigation(name);
  }

  protected currentValue(property: string): unknown {
    const table = this.target();
    if (property === "name") return table.name;
    if (property === "style") return table.style;
    throw unknownProperty(this.path, property);
  }

  private worksheetProxy: FakeWorksheetObject | undefined;

  /** One proxy per navigation property, as in Office.js: what a load puts in it stays readable through it. */
  private worksheetObject(): FakeWorksheetObject {
    this.worksheetProxy ??= new FakeWorksheetObject(this.scope, `${this.path}.worksheet`, new Binding(() => this.target().sheet, false, "table's worksheet"));
    return this.worksheetProxy;
  }
}

// ---- charts ----------------------------------------------------------------------------------------------------

export class FakeChartCollectionObject extends FakeClientObject implements XlChartCollection {
  constructor(
    private readonly scope: FakeScope,
    path: string,
    private readonly worksheet: FakeWorksheetObject,
  ) {
    super(scope, path);
  }

  add(type: ChartKind, sourceData: XlRange, seriesBy?: "Auto" | "Columns" | "Rows"): FakeChartObject {
    const binding = Binding.later<FakeChart>("chart");
    const chart = new FakeChartObject(this.scope, `${this.path}.add(${type})`, binding);
    this.enqueueCall("add", [type, asFake(sourceData).path, seriesBy ?? "Auto"], () => {
      const sheet = this.worksheet.target();
      sheet.checkEditable("charts.add", "allowEditObjects");
      const source = asFake(sourceData).target();
      if (source.sheet !== sheet) throw new FakeOfficeError(errorCodes.invalidArgument, "chart source on another sheet");
      const byRows = seriesBy === "Rows" || ((seriesBy ?? "Auto") === "Auto" && source.rect.rows <= source.rect.columns);
      const series: FakeChartSeries[] = [];
      const count = byRows ? source.rect.rows : source.rect.columns;
      for (let i = 0; i < count; i++) {
        const rect = byRows ? { ...source.rect, row: source.rect.row + i, rows: 1 } : { ...source.rect, column: source.rect.column + i, columns: 1 };
        series.push({ name: `Series${i + 1}`, values: { sheet, rect }, xValues: null });
      }
      const created: FakeChart = {
        id: this.scope.state.newObjectId(),
        type,
        source: { sheet, rect: source.rect },
        name: `Chart ${sheet.charts.length + 1}`,
        title: "",
        position: null,
        series,
      };
      sheet.charts.push(created);
      binding.bind(created);
    });
    return chart;
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakeChartObject extends FakeClientObject implements XlChart {
  readonly title: FakeChartTitleObject;
  readonly series: FakeChartSeriesCollectionObject;

  constructor(
    scope: FakeScope,
    path: string,
    private readonly binding: Binding<FakeChart>,
  ) {
    super(scope, path);
    this.title = new FakeChartTitleObject(scope, `${path}.title`, () => this.binding.require());
    this.series = new FakeChartSeriesCollectionObject(scope, `${path}.series`, () => this.binding.require());
  }

  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    const describe = (cell: XlRange | string) => (typeof cell === "string" ? cell : asFake(cell).path);
    this.enqueueCall("setPosition", [describe(startCell), endCell === undefined ? null : describe(endCell)], () => {
      const where = (cell: XlRange | string) => (typeof cell === "string" ? a1(parseCells(splitSheetPrefix(cell).cells)) : a1(asFake(cell).target().rect));
      const chart = this.binding.require();
      chart.source.sheet.checkEditable("chart.setPosition", "allowEditObjects");
      chart.position = { start: where(startCell), end: endCell === undefined ? null : where(endCell) };
    });
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

export class FakeChartTitleObject extends FakeClientObject implements XlChartTitle {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly chart: () => FakeChart,
  ) {
    super(scope, path);
  }

  get text(): string {
    throw writeOnly(this.path, "text");
  }
  set text(text: string) {
    this.enqueueSet("text", text, () => {
      const chart = this.chart();
      chart.source.sheet.checkEditable("chart title", "allowEditObjects");
      chart.title = text;
    });
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

export class FakeChartSeriesCollectionObject extends FakeClientObject implements XlChartSeriesCollection {
  constructor(
    private readonly scope: FakeScope,
    path: string,
    private readonly chart: () => FakeChart,
  ) {
    super(scope, path);
  }

  add(name?: string, index?: number): FakeChartSeriesObject {
    const binding = Binding.later<FakeChartSeries>("chart series");
    this.enqueueCall(
      "add",
      [name ?? null, index ?? null],
      () => {
        const series: FakeChartSeries = { name: name ?? "", values: null, xValues: null };
        const list = this.chart().series;
        list.splice(index ?? list.length, 0, series);
        binding.bind(series);
      },
      "1.7",
    );
    return new FakeChartSeriesObject(this.scope, `${this.path}.add(${JSON.stringify(name ?? null)})`, binding);
  }

  getItemAt(index: number): FakeChartSeriesObject {
    return new FakeChartSeriesObject(this.scope, `${this.path}.getItemAt(${index})`, new Binding(() => this.chart().series[index] ?? null, false, `series ${index}`));
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakeChartSeriesObject extends FakeClientObject implements XlChartSeries {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly binding: Binding<FakeChartSeries>,
  ) {
    super(scope, path);
  }

  get name(): string {
    throw writeOnly(this.path, "name");
  }
  set name(name: string) {
    this.enqueueSet("name", name, () => (this.binding.require().name = name));
  }

  setValues(sourceData: XlRange): void {
    this.enqueueCall("setValues", [asFake(sourceData).path], () => (this.binding.require().values = addressOf(sourceData)), "1.7");
  }

  setXAxisValues(sourceData: XlRange): void {
    this.enqueueCall("setXAxisValues", [asFake(sourceData).path], () => (this.binding.require().xValues = addressOf(sourceData)), "1.7");
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

function addressOf(range: XlRange): RangeTarget {
  const { sheet, rect } = asFake(range).target();
  return { sheet, rect };
}

// ---- conditional formats, freeze panes, page layout -------------------------------------------------------------

export class FakeConditionalFormatCollectionObject extends FakeClientObject implements XlConditionalFormatCollection {
  constructor(
    private readonly scope: FakeScope,
    path: string,
    private readonly range: FakeRangeObject,
  ) {
    super(scope, path);
  }

  add(type: ConditionalFormatKind): FakeConditionalFormatObject {
    const binding = Binding.later<FakeConditionalFormat>("conditional format");
    this.enqueueCall(
      "add",
      [type],
      () => {
        const { sheet, rect } = this.range.target();
        sheet.checkEditable("conditionalFormats.add", "allowFormatCells");
        const format: FakeConditionalFormat = { id: this.scope.state.newObjectId(), type, address: a1(rect), properties: {} };
        sheet.conditionalFormats.push(format);
        binding.bind(format);
      },
      "1.6",
    );
    return new FakeConditionalFormatObject(this.scope, `${this.path}.add(${type})`, binding);
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakeConditionalFormatObject extends FakeClientObject implements XlConditionalFormat {
  readonly dataBar: { readonly positiveFormat: { fillColor: string } };
  readonly cellValue: {
    rule: Excel.ConditionalCellValueRule;
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
  readonly colorScale: { criteria: Excel.ConditionalColorScaleCriteria };

  constructor(
    scope: FakeScope,
    path: string,
    private readonly binding: Binding<FakeConditionalFormat>,
  ) {
    super(scope, path);
    const setter = (kind: string, property: string) => (value: unknown) =>
      this.enqueueSet(`${kind}.${property}`, value, () => {
        const format = this.binding.require();
        if (format.type !== kind) throw new FakeOfficeError(errorCodes.invalidOperation, `${kind}.${property} on a ${format.type} format`);
        format.properties[property] = value;
      });
    this.dataBar = { positiveFormat: writeOnlyObject(path, { fillColor: setter("DataBar", "fillColor") }) };
    this.cellValue = writeOnlyObject(path, { rule: setter("CellValue", "rule") }, {
      format: {
        fill: writeOnlyObject(path, { color: setter("CellValue", "fill") }),
        font: writeOnlyObject(path, { color: setter("CellValue", "fontColor") }),
      },
    });
    this.colorScale = writeOnlyObject(path, { criteria: setter("ColorScale", "criteria") });
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

/**
 * A plain object whose properties in `setters` are write-only (their setters queue actions) beside the fixed
 * properties of `fixed`. Typed as the caller needs: the fake's sub-objects of a conditional format.
 */
function writeOnlyObject<T>(path: string, setters: Record<string, (value: unknown) => void>, fixed: object = {}): T {
  const target: Record<string, unknown> = { ...fixed };
  for (const [property, set] of Object.entries(setters)) {
    Object.defineProperty(target, property, {
      enumerable: true,
      get: () => {
        throw writeOnly(path, property);
      },
      set,
    });
  }
  return target as T;
}

export class FakeFreezePanesObject extends FakeClientObject implements XlFreezePanes {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly worksheet: FakeWorksheetObject,
  ) {
    super(scope, path);
  }

  freezeRows(count = 1): void {
    this.enqueueCall("freezeRows", [count], () => (this.worksheet.target().freeze = { rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.enqueueCall("freezeColumns", [count], () => (this.worksheet.target().freeze = { rows: 0, columns: count }));
  }

  freezeAt(frozenRange: XlRange | string): void {
    const description = typeof frozenRange === "string" ? frozenRange : asFake(frozenRange).path;
    this.enqueueCall("freezeAt", [description], () => {
      const sheet = this.worksheet.target();
      const rect = typeof frozenRange === "string" ? parseCells(splitSheetPrefix(frozenRange).cells) : asFake(frozenRange).target().rect;
      sheet.freeze = { rows: rect.row + rect.rows, columns: rect.column + rect.columns };
    });
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakePageLayoutObject extends FakeClientObject implements XlPageLayout {
  constructor(
    scope: FakeScope,
    path: string,
    private readonly worksheet: FakeWorksheetObject,
  ) {
    super(scope, path);
  }

  get orientation(): Excel.PageLayout["orientation"] {
    throw writeOnly(this.path, "orientation");
  }
  set orientation(orientation: Excel.PageLayout["orientation"]) {
    this.enqueueSet(
      "orientation",
      orientation,
      () => {
        if (orientation !== "Portrait" && orientation !== "Landscape") throw new FakeOfficeError(errorCodes.invalidArgument, `orientation ${String(orientation)}`);
        this.worksheet.target().pageLayout.orientation = orientation;
      },
      "1.9",
    );
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    throw writeOnly(this.path, "zoom");
  }
  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    this.enqueueSet("zoom", zoom, () => (this.worksheet.target().pageLayout.zoom = { ...zoom }), "1.9");
  }

  protected currentValue(property: string): unknown {
    throw writeOnly(this.path, property);
  }
}

// ---- settings --------------------------------------------------------------------------------------------------

export class FakeSettingCollectionObject extends FakeClientObject implements XlSettingCollection {
  constructor(private readonly scope: FakeScope) {
    super(scope, "workbook.settings");
  }

  get items(): FakeSettingObject[] {
    return this.loaded<FakeSettingObject[]>("items");
  }

  add(key: string, value: unknown): FakeSettingObject {
    const text = JSON.stringify(value);
    this.enqueueCall("add", [key, value], () => {
      if (key === "" || text === undefined) throw new FakeOfficeError(errorCodes.invalidArgument, `setting ${JSON.stringify(key)}`);
      this.scope.state.settings.set(key, text);
    });
    return new FakeSettingObject(this.scope, `${this.path}.add(${JSON.stringify(key)})`, key, false);
  }

  getItem(key: string): FakeSettingObject {
    return new FakeSettingObject(this.scope, `${this.path}.getItem(${JSON.stringify(key)})`, key, false);
  }

  getItemOrNullObject(key: string): FakeSettingObject {
    return new FakeSettingObject(this.scope, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, key, true);
  }

  load(propertyNames: LoadNames): FakeSettingCollectionObject {
    this.enqueueLoad(propertyNames);
    return this;
  }

  override snapshot(paths: readonly string[]): Snapshot {
    const itemPaths = itemPathsOf(this.path, paths);
    const items = [...this.scope.state.settings.keys()].map((key, i) => new FakeSettingObject(this.scope, `${this.path}.items[${i}]`, key, false));
    return collectionSnapshot(items, itemPaths, (loadedItems) => this.setLoaded("items", loadedItems));
  }

  protected currentValue(property: string): unknown {
    throw unknownProperty(this.path, property);
  }
}

export class FakeSettingObject extends FakeClientObject implements XlSetting {
  private readonly binding: Binding<string>;

  constructor(
    private readonly scope: FakeScope,
    path: string,
    key: string,
    nullable: boolean,
  ) {
    super(scope, path);
    this.binding = new Binding(() => (scope.state.settings.has(key) ? key : null), nullable, `setting "${key}"`);
  }

  get key(): string {
    return this.loaded<string>("key");
  }

  get value(): unknown {
    return this.loaded<unknown>("value");
  }
  set value(value: unknown) {
    const text = JSON.stringify(value);
    this.enqueueSet("value", value, () => {
      if (text === undefined) throw new FakeOfficeError(errorCodes.invalidArgument, "setting value");
      this.scope.state.settings.set(this.binding.require(), text);
    });
  }

  get isNullObject(): boolean {
    return this.loaded<boolean>("isNullObject");
  }

  delete(): void {
    this.enqueueCall("delete", [], () => {
      const key = this.binding.require();
      if (!this.scope.state.settings.delete(key)) throw new FakeOfficeError(errorCodes.itemNotFound, `setting "${key}"`);
    });
  }

  load(propertyNames: LoadNames): FakeSettingObject {
    this.enqueueLoad(propertyNames);
    return this;
  }

  override snapshot(paths: readonly string[]): Snapshot {
    if (this.binding.resolve() === null) return nullSnapshot((value) => this.setLoaded("isNullObject", value));
    const inner = super.snapshot(paths);
    return { data: inner.data, commit: () => (inner.commit(), this.setLoaded("isNullObject", false)) };
  }

  protected currentValue(property: string): unknown {
    const key = this.binding.require();
    if (property === "key") return key;
    if (property === "value") {
      const text = this.scope.state.settings.get(key);
      if (text === undefined) throw new FakeOfficeError(errorCodes.itemNotFound, `setting "${key}"`);
      return JSON.parse(text) as unknown;
    }
    throw unknownProperty(this.path, property);
  }
}
