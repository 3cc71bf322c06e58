import type { ReportSheet, ReportWorkbook } from "../../src/engine/report/model";
import { REPORTS_SETTING_KEY, readWorkbookData, SyncMeter, writeReport } from "../../src/excel";
import { cellAddress } from "../../src/excel/a1";
import { FakeExcel } from "../../src/excel/testing";
import { agingReport, expectedSheetRows, sampleWorkbookData } from "./support/reportFixtures";

async function sampleWithReport(invoices = 300) {
  const data = sampleWorkbookData(invoices);
  const excel = FakeExcel.fromWorkbookData(data);
  const read = await excel.run((context) => readWorkbookData(context));
  const report = agingReport(read);
  excel.resetSyncLog();
  const result = await excel.run((context) => writeReport(context, report));
  return { data, excel, report, result };
}

describe("the aging report written into the workbook", () => {
  it("holds exactly the model's cell values, sheet by sheet", async () => {
    const { excel, report, result } = await sampleWithReport();
    expect(result.sheets.map((sheet) => sheet.name)).toEqual(["AR Aging", "AR Aging Detail", "AR Data Issues"]);
    expect(excel.sheetNames()).toEqual(["Invoices", "Payments", "AR Aging", "AR Aging Detail", "AR Data Issues"]);
    for (const sheet of report.sheets) expect(excel.dumpSheet(sheet.name).rows).toEqual(expectedSheetRows(sheet));
    expect(excel.state.activeSheet?.name).toBe("AR Aging");
  });

  it("formats whole columns: dates, amounts and days as numbers under their formats, text as text", async () => {
    const { excel, report } = await sampleWithReport(2_000);
    const detail = report.sheets[1]!;
    const last = 4 + detail.blocks[0]!.rows.length;
    // Customer, Document, Kind, Date, Due, Currency, Amount, Open, Days, Bucket, Source row.
    expect(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"].map((c) => excel.numberFormat("AR Aging Detail", `${c}${last}`))).toEqual([
      "@", "@", "@", "yyyy-mm-dd", "yyyy-mm-dd", "@", "#,##0.00;-#,##0.00", "#,##0.00;-#,##0.00", "0", "@", "@",
    ]);
    expect(typeof excel.cell("AR Aging Detail", "D5")).toBe("number");
    expect(excel.style("AR Aging Detail", "A4", "bold")).toBe(true);
    expect(excel.style("AR Aging Detail", "A4", "fill")).toBe("#DDEBF7");
    expect(excel.style("AR Aging Detail", "G4", "horizontalAlignment")).toBe("Right");
    expect(excel.style("AR Aging", "A1", "size")).toBe(14);
    // Per-column formats, not per-cell: a few dozen format actions for thousands of cells, one values action per block.
    const cells = report.sheets.flatMap((sheet) => sheet.blocks).reduce((sum, block) => sum + block.rows.length * block.columns.length, 0);
    expect(cells).toBeGreaterThan(3_000);
    expect(excel.actionCount("set numberFormat")).toBeLessThan(60);
    expect(excel.actionCount("set values")).toBe(report.sheets.reduce((sum, sheet) => sum + sheet.texts.length + sheet.blocks.length, 0));
  });

  it("draws the totals bold, the tables, the chart, the conditional format, widths, frozen panes and page setup", async () => {
    const { excel, report } = await sampleWithReport();
    const summary = report.sheets[0]!;
    const block = summary.blocks[0]!;
    const firstTotal = 4 + [...block.rowRoles!.keys()][0]!;
    expect(excel.style("AR Aging", `A${firstTotal + 1}`, "bold")).toBe(true);
    expect(excel.style("AR Aging", "A6", "bold")).toBeUndefined();

    const detailRows = report.sheets[1]!.blocks[0]!.rows.length;
    expect(excel.tables()).toEqual([
      // The last row is the last customer's subtotal: total rows at the end stay out of the table.
      { name: "ArOpenItems", sheet: "AR Aging Detail", address: `A4:K${3 + detailRows}`, style: "TableStyleMedium2" },
      { name: "ArDataIssues", sheet: "AR Data Issues", address: `A4:F${4 + report.sheets[2]!.blocks[0]!.rows.length}`, style: "TableStyleMedium2" },
    ]);

    const chart = summary.charts[0]!;
    const [drawn] = excel.charts("AR Aging");
    expect(drawn).toMatchObject({ type: "ColumnClustered", title: chart.title });
    expect(drawn!.series).toEqual([{ name: chart.series[0]!.name, values: `'AR Aging'!${chart.series[0]!.values}`, xValues: `'AR Aging'!${chart.categories}` }]);
    const { row, column, rows, columns } = chart.anchor;
    expect(drawn!.position).toEqual({ start: cellAddress(row, column), end: cellAddress(row + rows - 1, column + columns - 1) });

    const [format] = excel.conditionalFormats("AR Aging Detail");
    expect(format).toMatchObject({ type: "CellValue", address: `I5:I${4 + detailRows}` });
    expect(format!.properties).toEqual({ fill: "#F8CBAD", fontColor: "#9C0006", rule: { formula1: "90", operator: "GreaterThan" } });

    const sheet = excel.sheet("AR Aging Detail");
    expect(sheet.columnWidths.get(0)).toBe(((34 * 7 + 5) * 3) / 4);
    expect(sheet.freeze).toEqual({ rows: 4, columns: 1 });
    expect(sheet.pageLayout).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(excel.sheet("AR Data Issues").freeze).toEqual({ rows: 4, columns: 0 });
  });

  it("suspends calculation for every sync and screen updating for the swap, in two syncs for a small report", async () => {
    const { excel, result } = await sampleWithReport();
    expect(result.syncs).toBe(2);
    expect(excel.syncLog.map((sync) => [sync.calculationSuspended, sync.screenUpdatingSuspended])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(result.largestRequestBytes).toBeGreaterThanOrEqual(excel.largestRequestBytes);
  });

  it("shifts date cells by 1,462 days in a 1904 workbook", async () => {
    const data = sampleWorkbookData(100);
    const excel = FakeExcel.fromWorkbookData({ ...data, date1904: true });
    const report = agingReport(data);
    await excel.run((context) => writeReport(context, report, { date1904: true }));
    expect(excel.dumpSheet("AR Aging Detail").rows).toEqual(expectedSheetRows(report.sheets[1]!, true));
  });
});

describe("safe writes: text is never a formula", () => {
  const injections = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "00123", "TRUE"];
  const hostile: ReportSheet = {
    key: "hostile",
    name: "Hostile",
    columnWidths: [],
    texts: [{ row: 0, column: 0, text: "=1+1", role: "title" }],
    blocks: [
      {
        row: 2,
        column: 0,
        header: ["=Name", "-Amount"],
        rows: injections.map((text, i) => [text, i % 2 === 0 ? text : i]),
        columns: [{ kind: "text" }, { kind: "amount" }],
        table: { name: "Hostile" },
      },
    ],
    charts: [],
  };

  it("keeps every formula-looking string as the text it was, in text and number columns, headers and titles", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [{ name: "Source", rows: [["x"]], firstRow: 1, firstColumn: 1 }] });
    await excel.run((context) => writeReport(context, { sheets: [hostile] }));
    const rows = excel.dumpSheet("Hostile").rows;
    expect(rows).toEqual(expectedSheetRows(hostile));
    expect(rows.flat().some((cell) => typeof cell === "object" && cell !== null)).toBe(false);
    expect(excel.numberFormat("Hostile", "B4")).toBe("@");
    expect(excel.numberFormat("Hostile", "B5")).toBe("#,##0.00;-#,##0.00");
  });
});

describe("ownership", () => {
  const userSheet = { name: "AR Aging", rows: [["My own notes"], ["=keep", 42]], firstRow: 1, firstColumn: 1 };

  it("never touches a user's sheet of the same name: the report takes 'AR Aging (2)', again on a re-run", async () => {
    const data = sampleWorkbookData(200);
    const excel = FakeExcel.fromWorkbookData({ ...data, sheets: [...data.sheets, userSheet] });
    const before = excel.dumpSheet("AR Aging");
    const report = agingReport(data);
    const first = await excel.run((context) => writeReport(context, report));
    expect(first.sheets.map((sheet) => sheet.name)).toEqual(["AR Aging (2)", "AR Aging Detail", "AR Data Issues"]);
    const second = await excel.run((context) => writeReport(context, report));
    expect(second.sheets.map((sheet) => sheet.name)).toEqual(["AR Aging (2)", "AR Aging Detail", "AR Data Issues"]);
    expect(second.replaced).toEqual(["AR Aging (2)", "AR Aging Detail", "AR Data Issues"]);
    expect(excel.dumpSheet("AR Aging")).toEqual(before);
    expect(excel.dumpSheet("AR Aging (2)").rows).toEqual(expectedSheetRows(report.sheets[0]!));
    expect(excel.sheetNames()).toEqual(["Invoices", "Payments", "AR Aging", "AR Aging (2)", "AR Aging Detail", "AR Data Issues"]);
  });

  it("replaces only its own sheets on a re-run: a report sheet the user renamed becomes theirs and stays", async () => {
    const data = sampleWorkbookData(200);
    const excel = FakeExcel.fromWorkbookData(data);
    const report = agingReport(data);
    const first = await excel.run((context) => writeReport(context, report));
    excel.renameSheet("AR Data Issues", "Issues kept");
    excel.addSheet({ name: "Notes", rows: [["n"]], firstRow: 1, firstColumn: 1 });
    const kept = excel.dumpSheet("Issues kept");
    const second = await excel.run((context) => writeReport(context, report));
    expect(second.replaced).toEqual(["AR Aging", "AR Aging Detail"]);
    expect(second.sheets.map((sheet) => sheet.id)).not.toContain(first.sheets[0]!.id);
    expect(excel.sheetNames()).toEqual(["Invoices", "Payments", "Issues kept", "Notes", "AR Aging", "AR Aging Detail", "AR Data Issues"]);
    expect(excel.dumpSheet("Issues kept")).toEqual(kept);
    // Its table keeps its name; the new report's table takes the next free one.
    expect(excel.tables().map((table) => `${table.sheet}: ${table.name}`)).toEqual([
      "Issues kept: ArDataIssues",
      "AR Aging Detail: ArOpenItems",
      "AR Data Issues: ArDataIssues2",
    ]);
    expect(excel.setting(REPORTS_SETTING_KEY)).toEqual({ version: 1, sheets: second.sheets.map(({ key, id, name }) => ({ key, id, name })) });
  });

  it("never writes a source sheet", async () => {
    const data = sampleWorkbookData(200);
    const excel = FakeExcel.fromWorkbookData(data);
    const sources = excel.dumpWorkbook();
    const report = agingReport(data);
    await excel.run((context) => writeReport(context, report));
    await excel.run((context) => writeReport(context, report));
    expect(excel.dumpWorkbook().slice(0, 2)).toEqual(sources);
  });
});

describe("sync budget", () => {
  it("splits a large report into syncs of at most the budget and counts them on a shared meter", async () => {
    const data = sampleWorkbookData(600);
    const excel = FakeExcel.fromWorkbookData(data);
    const report: ReportWorkbook = agingReport(data);
    const meter = new SyncMeter();
    const result = await excel.run((context) => writeReport(context, report, { budgetBytes: 20_000, meter }));
    expect(result.syncs).toBe(excel.syncCount);
    expect(meter.syncs).toBe(excel.syncCount);
    expect(excel.syncCount).toBeGreaterThan(3);
    expect(excel.largestRequestBytes).toBeLessThanOrEqual(20_000);
    for (const sheet of report.sheets) expect(excel.dumpSheet(sheet.name).rows).toEqual(expectedSheetRows(sheet));
  });
});
