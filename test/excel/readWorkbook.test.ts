import type { CellValue, SheetGrid, WorkbookData } from "../../src/engine/port";
import { discoverWorkbook, readWorkbookData, SyncMeter, writeReport } from "../../src/excel";
import { FakeExcel } from "../../src/excel/testing";
import { agingReport, sampleWorkbookData } from "./support/reportFixtures";

/** A grid as the port gives it back: trailing empty cells dropped. */
function trimmed(grid: SheetGrid): CellValue[][] {
  return grid.rows.map((row) => {
    const cells = [...row];
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
}

describe("discoverWorkbook", () => {
  it("lists sheets with visibility and used range, and tables with their header row, in two syncs", async () => {
    const data = sampleWorkbookData(200);
    const excel = FakeExcel.fromWorkbookData(data);
    excel.hideSheet("Payments");
    await excel.run((context) => writeReport(context, agingReport(data)));
    excel.resetSyncLog();
    const meter = new SyncMeter();
    const found = await excel.run((context) => discoverWorkbook(context, { meter }));
    expect(excel.syncCount).toBe(2);
    expect(meter.syncs).toBe(2);
    expect(found.sheets.map(({ name, visibility, reportKey, leftover }) => ({ name, visibility, reportKey, leftover }))).toEqual([
      { name: "Invoices", visibility: "Visible", reportKey: null, leftover: false },
      { name: "Payments", visibility: "Hidden", reportKey: null, leftover: false },
      { name: "AR Aging", visibility: "Visible", reportKey: "aging", leftover: false },
      { name: "AR Aging Detail", visibility: "Visible", reportKey: "aging-detail", leftover: false },
      { name: "AR Data Issues", visibility: "Visible", reportKey: "issues", leftover: false },
    ]);
    const invoices = data.sheets[0]!;
    expect(found.sheets[0]!.used).toEqual({ address: `A1:M${invoices.rows.length}`, rows: invoices.rows.length, columns: 13 });
    expect(found.tables.map((table) => table.name)).toEqual(["ArOpenItems", "ArDataIssues"]);
    expect(found.tables[0]).toMatchObject({ sheet: "AR Aging Detail", headerAddress: "A4:K4" });
    expect(found.tables[0]!.headers[0]).toBe("Customer");
    expect(found.date1904).toBe(false);
    expect(found.unfinishedRuns).toBe(0);
  });

  it("reports an empty sheet without a used range, and no tables", async () => {
    const excel = new FakeExcel();
    excel.addSheet({ name: "Empty", rows: [], firstRow: 1, firstColumn: 1 });
    const found = await excel.run((context) => discoverWorkbook(context));
    expect(found.sheets[0]!.used).toBeNull();
    expect(found.tables).toEqual([]);
  });
});

describe("readWorkbookData", () => {
  it("gives back every sheet's cells as the workbook holds them, at their place", async () => {
    const data: WorkbookData = {
      date1904: false,
      sheets: [
        { name: "Offset", rows: [["Invoice", "Amount"], ["FV/1", 12.5], [null, true]], firstRow: 3, firstColumn: 2 },
        { name: "Empty", rows: [], firstRow: 1, firstColumn: 1 },
        { name: "Wide", rows: [["a", null, null, "d"], [], [1]], firstRow: 1, firstColumn: 1 },
      ],
    };
    const excel = FakeExcel.fromWorkbookData(data);
    const read = await excel.run((context) => readWorkbookData(context));
    expect(read.sheets.map((sheet) => [sheet.name, sheet.firstRow, sheet.firstColumn, trimmed(sheet)])).toEqual([
      ["Offset", 3, 2, [["Invoice", "Amount"], ["FV/1", 12.5], [null, true]]],
      ["Empty", 1, 1, []],
      ["Wide", 1, 1, [["a", null, null, "d"], [], [1]]],
    ]);
    expect(read.date1904).toBe(false);
  });

  it("tells an error value from text that reads the same, with valueTypes for those cells only", async () => {
    const excel = FakeExcel.fromWorkbookData({
      date1904: false,
      sheets: [{ name: "Data", rows: [["Amount", "Note"], [{ error: "#N/A" }, "#N/A"], [5, "#DIV/0!"], [{ error: "#REF!" }, "fine"]], firstRow: 1, firstColumn: 1 }],
    });
    const read = await excel.run((context) => readWorkbookData(context, { sheets: ["Data"] }));
    expect(read.sheets[0]!.rows).toEqual([["Amount", "Note"], [{ error: "#N/A" }, "#N/A"], [5, "#DIV/0!"], [{ error: "#REF!" }, "fine"]]);
    // Sizes and probes, the values, then the types of the two candidate columns.
    expect(excel.syncCount).toBe(3);
  });

  it("reports the 1904 date system", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: true, sheets: [{ name: "Data", rows: [["Due"], [0]], firstRow: 1, firstColumn: 1 }] });
    expect((await excel.run((context) => readWorkbookData(context))).date1904).toBe(true);
  });

  it("leaves out the add-in's own report sheets unless asked for them", async () => {
    const data = sampleWorkbookData(100);
    const excel = FakeExcel.fromWorkbookData(data);
    await excel.run((context) => writeReport(context, agingReport(data)));
    const read = await excel.run((context) => readWorkbookData(context));
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(["Invoices", "Payments"]);
    const asked = await excel.run((context) => readWorkbookData(context, { sheets: ["AR Aging"] }));
    expect(asked.sheets.map((sheet) => sheet.name)).toEqual(["AR Aging"]);
  });

  it("reads the sample back exactly, and the engine finds the same tables as in the original", async () => {
    const data = sampleWorkbookData(600);
    const excel = FakeExcel.fromWorkbookData(data);
    const read = await excel.run((context) => readWorkbookData(context, { sheets: ["Invoices", "Payments"] }));
    expect(read.sheets.map(trimmed)).toEqual(data.sheets.map(trimmed));
    expect(agingReport(read)).toEqual(agingReport(data));
  });

  it("recovers when rows are far longer than the probes saw: Excel refuses, the blocks shrink, the read completes", async () => {
    // Rows 2,000–8,999 carry 2,000 characters each; the probes (rows 1, 101, 1,001, 10,001 on) see short rows only.
    const rows: CellValue[][] = Array.from({ length: 12_000 }, (_, r) => [r, r >= 2_000 && r < 9_000 ? `${"x".repeat(1_999)}${r % 10}` : "short"]);
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [{ name: "Data", rows, firstRow: 1, firstColumn: 1 }] });
    const read = await excel.run((context) => readWorkbookData(context, { sheets: ["Data"] }));
    expect(read.sheets[0]!.rows).toEqual(rows);
    expect(excel.syncLog.some((sync) => sync.outcome === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(excel.syncLog.filter((sync) => sync.outcome === "ok").every((sync) => sync.responseBytes <= excel.payloadLimitBytes)).toBe(true);
  });

  it("fails with ItemNotFound for a sheet that is not there", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [{ name: "Data", rows: [["a"]], firstRow: 1, firstColumn: 1 }] });
    await expect(excel.run((context) => readWorkbookData(context, { sheets: ["Missing"] }))).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
