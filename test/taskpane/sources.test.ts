import type { WorkbookData } from "../../src/engine/port";
import { detectTables } from "../../src/engine/tables/detectTables";
import { headerCurrency } from "../../src/engine/tables/normalizeHeader";
import { DEFAULT_DESK_SETTINGS, DESK_SETTINGS_KEY, parseDeskSettings, writeReport, type DeskSettings } from "../../src/excel";
import { FakeExcel } from "../../src/excel/testing";
import {
  previewSources,
  readSheetHeads,
  SourcesController,
  withColumnChoice,
  withColumnOverrides,
  withDetectedColumns,
  withSheetChoice,
  type SourcesState,
} from "../../src/taskpane/sources";
import { agingReport, sampleWorkbookData } from "../excel/support/reportFixtures";
import { sampleExcel, workbookState } from "./support/paneFixtures";

const grid = (name: string, rows: unknown[][], firstRow = 1, firstColumn = 1) => ({ name, rows: rows as WorkbookData["sheets"][number]["rows"], firstRow, firstColumn });

function ready(state: SourcesState) {
  if (state.phase !== "ready") throw new Error(`not ready: ${JSON.stringify(state)}`);
  return state;
}

describe("readSheetHeads + previewSources: what a run would read, before it runs", () => {
  it("finds on the first rows the same header rows and columns as the engine on the whole sheets", async () => {
    const data = sampleWorkbookData(2_000);
    const excel = FakeExcel.fromWorkbookData(data);
    const heads = await excel.run((context) => readSheetHeads(context));
    expect(heads.sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([["Invoices", 40], ["Payments", 40]]);
    const onHeads = detectTables({ sheets: heads.sheets, date1904: false });
    const onAll = detectTables(data);
    for (const kind of ["invoices", "payments"] as const) {
      expect(onHeads[kind]!.sheet.firstRow + onHeads[kind]!.headerIndex).toBe(onAll[kind]!.sheet.firstRow + onAll[kind]!.headerIndex);
      expect([...onHeads[kind]!.columns]).toEqual([...onAll[kind]!.columns]);
    }
  });

  it("shows sheet, header row and field → column, and leaves out the add-in's report sheets", async () => {
    const excel = sampleExcel();
    await excel.run((context) => writeReport(context, agingReport(sampleWorkbookData(150))));
    const heads = await excel.run((context) => readSheetHeads(context));
    const preview = previewSources({ sheets: heads.sheets, date1904: false }, DEFAULT_DESK_SETTINGS);
    expect(preview.sheets).toEqual(["Invoices", "Payments"]);
    expect(preview.sources).toEqual({ invoicesSheet: "Invoices", paymentsSheet: "Payments" });
    expect(preview.invoices).toMatchObject({ sheet: "Invoices", pinned: false, headerRow: 4 });
    expect(preview.invoices.fields.find((field) => field.field === "amount")).toEqual({
      field: "amount", column: { letter: "G", header: "Amount" }, required: true, chosen: false,
    });
    expect(preview.payments.fields.find((field) => field.field === "invoiceRef")?.column).toBeNull();
    expect(preview.invoices.columns.map((column) => column.letter).slice(0, 3)).toEqual(["A", "B", "C"]);
  });

  it("places columns by the sheet's own letters when the data starts further in", () => {
    const heads = { date1904: false, sheets: [grid("FV", [["Nr faktury", "Kontrahent", "Data", "Kwota"], ["1", "A", 46000, 10]], 3, 2)] };
    const preview = previewSources(heads, DEFAULT_DESK_SETTINGS);
    expect(preview.invoices.headerRow).toBe(3);
    expect(preview.invoices.fields.filter((field) => field.column !== null).map((field) => `${field.field}:${field.column!.letter}`)).toEqual([
      "document:B", "customer:C", "date:D", "amount:E",
    ]);
    expect(preview.payments).toMatchObject({ sheet: null, headerRow: null, fields: [] });
  });

  it("applies a pinned sheet and chosen columns as the run will", () => {
    const heads = {
      date1904: false,
      sheets: [
        grid("A", [["Invoice No", "Customer", "Date", "Amount", "Net"]]),
        grid("B", [["Invoice No", "Customer", "Date", "Amount"], ["2", "x", 46000, 5]]),
      ],
    };
    let settings: DeskSettings = withColumnChoice(DEFAULT_DESK_SETTINGS, "invoices", "amount", "Net");
    let preview = previewSources(heads, settings);
    expect(preview.invoices.sheet).toBe("A");
    expect(preview.invoices.fields.find((field) => field.field === "amount")).toMatchObject({ column: { letter: "E", header: "Net" }, chosen: true });

    settings = withSheetChoice(settings, "invoices", "B");
    expect(settings.columnOverrides.invoices).toEqual({});
    preview = previewSources(heads, settings);
    expect(preview.invoices).toMatchObject({ sheet: "B", pinned: true });
    // A pinned sheet that is gone is forgotten: detection decides.
    expect(previewSources(heads, withSheetChoice(DEFAULT_DESK_SETTINGS, "invoices", "Gone")).invoices).toMatchObject({ sheet: "A", pinned: false });
  });
});

describe("withColumnOverrides: the user's column choices, as the engine will see them", () => {
  const header = ["Invoice No", "Customer", "Invoice Date", "Gross amount", "Kwota netto (PLN)", "Notes"];
  const workbook: WorkbookData = { date1904: false, sheets: [grid("FV", [["Title"], header, ["1", "A", 46000, 123, 100, "x"]])] };
  const overrides = (invoices: Record<string, string>) => ({ invoices, payments: {} });

  it("maps the chosen column to the field and takes the field from the detected one", () => {
    expect(detectTables(workbook).invoices!.columns.get("amount")).toBe(3);
    const relabelled = withColumnOverrides(workbook, { invoicesSheet: "FV" }, overrides({ amount: "Kwota netto (PLN)" }));
    const columns = detectTables(relabelled).invoices!.columns;
    expect(columns.get("amount")).toBe(4);
    expect([...columns.values()]).not.toContain(3);
    // The currency named in the chosen header still counts; the other rows are untouched.
    expect(headerCurrency(String(relabelled.sheets[0]!.rows[1]![4]))).toBe("PLN");
    expect(relabelled.sheets[0]!.rows[2]).toBe(workbook.sheets[0]!.rows[2]);
  });

  it("moves several fields at once, even onto each other's columns", () => {
    const relabelled = withColumnOverrides(workbook, { invoicesSheet: "FV" }, overrides({ customer: "Notes", reference: "Customer" }));
    const columns = detectTables(relabelled).invoices!.columns;
    expect(columns.get("customer")).toBe(5);
    expect(columns.get("reference")).toBe(1);
  });

  describe("edge cases", () => {
    it("returns the workbook itself when there is nothing to apply", () => {
      expect(withColumnOverrides(workbook, { invoicesSheet: "FV" }, overrides({}))).toBe(workbook);
      expect(withColumnOverrides(workbook, {}, overrides({ amount: "Gross amount" }))).toBe(workbook);
      expect(withColumnOverrides(workbook, { invoicesSheet: "FV" }, overrides({ amount: "No such header" }))).toEqual(workbook);
    });

    it("finds the header row by the chosen headers when detection alone finds none", () => {
      const bare: WorkbookData = { date1904: false, sheets: [grid("X", [["Nr", "Klient", "Kiedy", "Ile"], ["1", "A", 46000, 5]])] };
      expect(detectTables(bare).invoices).toBeUndefined();
      const relabelled = withColumnOverrides(bare, { invoicesSheet: "X" }, overrides({ document: "Nr", customer: "Klient", date: "Kiedy", amount: "Ile" }));
      expect([...detectTables(relabelled).invoices!.columns]).toEqual([["document", 0], ["customer", 1], ["date", 2], ["amount", 3]]);
    });
  });
});

describe("SourcesController: the pane's view of the workbook, saved as the user corrects it", () => {
  it("loads the settings and the sources, and saves each correction in the workbook", async () => {
    const excel = sampleExcel();
    const before = workbookState(excel);
    const controller = new SourcesController(excel);
    expect(controller.getState()).toEqual({ phase: "loading" });
    await controller.load();
    expect(ready(controller.getState()).preview.invoices.sheet).toBe("Invoices");

    await controller.chooseColumn("invoices", "reference", "Collector");
    expect(parseDeskSettings(excel.setting(DESK_SETTINGS_KEY)).columnOverrides.invoices).toEqual({ reference: "Collector" });
    const reference = ready(controller.getState()).preview.invoices.fields.find((field) => field.field === "reference");
    expect(reference).toMatchObject({ column: { header: "Collector" }, chosen: true });

    await controller.useDetectedColumns("invoices");
    expect(parseDeskSettings(excel.setting(DESK_SETTINGS_KEY)).columnOverrides.invoices).toEqual({});

    await controller.chooseSheet("payments", "Invoices");
    expect(parseDeskSettings(excel.setting(DESK_SETTINGS_KEY)).sources).toEqual({ paymentsSheet: "Invoices" });

    // A pane opened later starts from what was saved.
    const later = new SourcesController(excel);
    await later.load();
    expect(ready(later.getState()).preview.payments).toMatchObject({ sheet: "Invoices", pinned: true });
    // Only the settings changed: every sheet is as it was.
    expect(workbookState(excel)).toEqual(before);
  });

  it("cleans up after an interrupted run when it opens", async () => {
    const excel = sampleExcel();
    // A write that stops after its first sync: hidden, half-built sheets and a journal.
    excel.failSync(2);
    await expect(excel.run((context) => writeReport(context, agingReport(sampleWorkbookData(150))))).rejects.toThrow();
    expect(excel.state.sheets.some((sheet) => sheet.visibility === "Hidden")).toBe(true);
    await new SourcesController(excel).load();
    expect(excel.sheetNames()).toEqual(["Invoices", "Payments"]);
  });

  describe("edge cases", () => {
    it("a failed read is shown, and loading again recovers", async () => {
      const excel = sampleExcel();
      const controller = new SourcesController(excel);
      excel.failSync(1);
      await controller.load();
      expect(controller.getState()).toEqual({ phase: "failed", message: expect.stringContaining("injected failure") });
      await controller.load();
      expect(controller.getState().phase).toBe("ready");
    });

    it("a choice that cannot be saved still applies, with the reason shown", async () => {
      const excel = sampleExcel();
      const controller = new SourcesController(excel);
      await controller.load();
      excel.failSync(excel.syncCount + 1);
      await controller.chooseColumn("invoices", "reference", "Collector");
      const state = ready(controller.getState());
      expect(state.saveError).toMatch(/injected failure/);
      expect(state.settings.columnOverrides.invoices).toEqual({ reference: "Collector" });
    });

    it("withDetectedColumns forgets one table's choices only", () => {
      const both = withColumnChoice(withColumnChoice(DEFAULT_DESK_SETTINGS, "invoices", "amount", "Net"), "payments", "amount", "Paid");
      expect(withDetectedColumns(both, "invoices").columnOverrides).toEqual({ invoices: {}, payments: { amount: "Paid" } });
    });
  });
});
