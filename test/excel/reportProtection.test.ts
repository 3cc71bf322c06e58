// Report sheets with `protect: true` end up protected without a password (sorting, filtering and formatting rows
// and columns allowed), only once complete and their tables named; a re-run replaces protected reports; sources are
// never protected. The fake refuses writes to a protected sheet, so a protection applied too early fails the run.
import { isDeepStrictEqual } from "node:util";
import type { ReportWorkbook } from "../../src/engine/report/model";
import { recoverReports, REPORTS_SETTING_KEY, RUN_SETTING_PREFIX, writeReport } from "../../src/excel";
import type { XlWorksheet } from "../../src/excel/excelApi";
import { REPORT_PROTECTION } from "../../src/excel/planSheetWrites";
import { FakeExcel, type DumpedSheet, type FailureMode } from "../../src/excel/testing";
import { agingReport, expectedSheetRows, sampleWorkbookData } from "./support/reportFixtures";
import { codeOf } from "../support/officeErrorCode";

const data = sampleWorkbookData(300);
const SOURCES = ["Invoices", "Payments"];
const BUDGET = 12_000;
const EXPECTED_OPTIONS = {
  allowSort: true,
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

const protectAll = (report: ReportWorkbook): ReportWorkbook => ({
  sheets: report.sheets.map((sheet) => ({ ...sheet, protect: true })),
});
const baseReport = agingReport(data);
const protectedReport = protectAll(baseReport);
const reportNames = baseReport.sheets.map((sheet) => sheet.name);

function holds(excel: FakeExcel, report: ReportWorkbook): boolean {
  return report.sheets.every((sheet) => {
    const found = excel.state.findSheet(sheet.name);
    return (
      found !== undefined &&
      found.name === sheet.name &&
      found.visibility === "Visible" &&
      isDeepStrictEqual(excel.dumpSheet(sheet.name).rows, expectedSheetRows(sheet))
    );
  });
}

function expectProtectedReport(excel: FakeExcel, sources: readonly DumpedSheet[]): void {
  expect(holds(excel, protectedReport)).toBe(true);
  expect(excel.sheetNames()).toEqual([...SOURCES, ...reportNames]);
  for (const name of reportNames)
    expect({ name, ...excel.protection(name) }).toEqual({
      name,
      protected: true,
      options: EXPECTED_OPTIONS,
      password: null,
    });
  for (const name of SOURCES)
    expect({ name, protected: excel.protection(name).protected }).toEqual({
      name,
      protected: false,
    });
  expect(SOURCES.map((name) => excel.dumpSheet(name))).toEqual(sources);
  expect(excel.tables().map((table) => table.name)).toEqual(["ArOpenItems", "ArDataIssues"]);
  expect(excel.settingKeys().filter((key) => key.startsWith(RUN_SETTING_PREFIX))).toEqual([]);
}

async function workbookWithProtectedReport(): Promise<{
  excel: FakeExcel;
  sources: DumpedSheet[];
}> {
  const excel = FakeExcel.fromWorkbookData(data);
  const sources = SOURCES.map((name) => excel.dumpSheet(name));
  await excel.run((context) => writeReport(context, protectedReport, { budgetBytes: BUDGET }));
  excel.resetSyncLog();
  return { excel, sources };
}

describe("report sheet protection", () => {
  it("protects every report sheet, without a password, with sorting, filtering and row/column formatting allowed", async () => {
    expect(REPORT_PROTECTION).toEqual(EXPECTED_OPTIONS);
    const excel = FakeExcel.fromWorkbookData(data);
    const sources = SOURCES.map((name) => excel.dumpSheet(name));
    const result = await excel.run((context) => writeReport(context, protectedReport, { budgetBytes: BUDGET }));
    expect(result.syncs).toBeGreaterThanOrEqual(3);
    expectProtectedReport(excel, sources);
    // Protection is applied in the last sync (the swap), once per sheet.
    expect(excel.syncLog.map((sync) => sync.actionKinds["call protect"] ?? 0)).toEqual([...new Array<number>(excel.syncCount - 1).fill(0), reportNames.length]);
  });

  it("leaves sheets unprotected when the report does not ask for it", async () => {
    const excel = FakeExcel.fromWorkbookData(data);
    await excel.run((context) => writeReport(context, baseReport));
    for (const name of excel.sheetNames()) expect(excel.protection(name).protected).toBe(false);
    expect(excel.actionCount("call protect")).toBe(0);
  });

  it("re-runs over a protected report: the old protected sheets are deleted, the new ones protected", async () => {
    const { excel, sources } = await workbookWithProtectedReport();
    const oldIds = reportNames.map((name) => excel.sheet(name).id);
    const result = await excel.run((context) => writeReport(context, protectedReport, { budgetBytes: BUDGET }));
    expect(result.replaced).toEqual(reportNames);
    expect(reportNames.map((name) => excel.sheet(name).id).some((id) => oldIds.includes(id))).toBe(false);
    expectProtectedReport(excel, sources);
    const record = excel.setting(REPORTS_SETTING_KEY) as {
      sheets: Array<{ name: string }>;
    };
    expect(record.sheets.map((sheet) => sheet.name)).toEqual(reportNames);

    // And an unprotected report replaces a protected one.
    await excel.run((context) => writeReport(context, baseReport));
    expect(holds(excel, baseReport)).toBe(true);
    for (const name of excel.sheetNames()) expect(excel.protection(name).protected).toBe(false);
  });

  it.each<[string, FailureMode]>([
    ["nothing applied", "nothing-applied"],
    ["all applied", "all-applied"],
    ["timeout", "timeout"],
  ])("a re-run over a protected report failing at any sync (%s) leaves a complete report; recovery and a retry succeed", async (_, mode) => {
    const probe = await workbookWithProtectedReport();
    await probe.excel.run((context) =>
      writeReport(context, protectedReport, {
        budgetBytes: BUDGET,
        runId: "probe001",
      }),
    );
    const syncs = probe.excel.syncCount;
    for (let n = 1; n <= syncs; n++) {
      const { excel, sources } = await workbookWithProtectedReport();
      excel.failSync(n, mode);
      await expect(
        excel.run((context) =>
          writeReport(context, protectedReport, {
            budgetBytes: BUDGET,
            runId: "rerun001",
          }),
        ),
      ).rejects.toMatchObject({
        code: mode === "timeout" ? "RequestAborted" : "GeneralException",
      });
      excel.clearFailures();
      await excel.run((context) => recoverReports(context));
      expectProtectedReport(excel, sources);
      await excel.run((context) => writeReport(context, protectedReport, { budgetBytes: BUDGET }));
      expectProtectedReport(excel, sources);
    }
  });

  it("finishes and protects a swap that stopped at any action, with recoverReports", async () => {
    const probe = await workbookWithProtectedReport();
    await probe.excel.run((context) =>
      writeReport(context, protectedReport, {
        budgetBytes: BUDGET,
        runId: "probe001",
      }),
    );
    const swap = probe.excel.syncCount;
    const swapActions = probe.excel.syncLog[swap - 1]!.actions;
    let finished = 0;
    for (let applied = 1; applied < swapActions; applied++) {
      const { excel, sources } = await workbookWithProtectedReport();
      excel.failSync(swap, { appliedActions: applied });
      await expect(
        excel.run((context) =>
          writeReport(context, protectedReport, {
            budgetBytes: BUDGET,
            runId: "rerun001",
          }),
        ),
      ).rejects.toBeDefined();
      excel.clearFailures();
      const recovered = await excel.run((context) => recoverReports(context));
      if (recovered.finishedRun !== null) finished++;
      expectProtectedReport(excel, sources);
      await excel.run((context) => writeReport(context, protectedReport, { budgetBytes: BUDGET }));
      expectProtectedReport(excel, sources);
    }
    expect(finished).toBeGreaterThan(0);
  });
});

describe("the fake's sheet protection", () => {
  async function protectedSheet(options: Excel.WorksheetProtectionOptions = EXPECTED_OPTIONS): Promise<FakeExcel> {
    const excel = FakeExcel.fromWorkbookData({
      date1904: false,
      sheets: [{ name: "Data", firstRow: 1, firstColumn: 1, rows: [["a", 1]] }],
    });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Locked");
      context.workbook.tables.add("Locked!A1:B2", true).name = "Locked";
      sheet.protection.protect(options);
      await context.sync();
    });
    return excel;
  }

  it("records the options and no password", async () => {
    const excel = await protectedSheet();
    expect(excel.protection("Locked")).toEqual({
      protected: true,
      options: EXPECTED_OPTIONS,
      password: null,
    });
    expect(excel.protection("Data")).toEqual({
      protected: false,
      options: {},
      password: null,
    });
  });

  it("refuses values, formats, tables, charts and a second protect; allows what the options allow", async () => {
    const excel = await protectedSheet();
    const attempt = (edit: (sheet: XlWorksheet) => void) =>
      codeOf(
        excel.run(async (context) => {
          edit(context.workbook.worksheets.getItem("Locked"));
          await context.sync();
        }),
      );
    expect(await attempt((sheet) => (sheet.getRange("C1").values = [[1]]))).toBe("AccessDenied");
    expect(await attempt((sheet) => (sheet.getRange("C1").numberFormat = [["@"]]))).toBe("AccessDenied");
    expect(await attempt((sheet) => (sheet.getRange("C1").format.font.bold = true))).toBe("AccessDenied");
    expect(await attempt((sheet) => sheet.tables.add(sheet.getRange("D1:E2"), true))).toBe("AccessDenied");
    expect(await attempt((sheet) => (sheet.tables.getItem("Locked").name = "Renamed"))).toBe("AccessDenied");
    expect(await attempt((sheet) => sheet.charts.add("Line", sheet.getRange("A1:B2")))).toBe("AccessDenied");
    expect(await attempt((sheet) => sheet.protection.protect())).toBe("InvalidOperation");
    expect(excel.cell("Locked", "C1")).toBeUndefined();
    // allowFormatColumns: column widths may change; the sheet may be renamed, hidden and deleted.
    expect(await attempt((sheet) => (sheet.getRange("A1").format.columnWidth = 80))).toBe("no error");
    expect(await attempt((sheet) => (sheet.visibility = "Hidden"))).toBe("no error");
    expect(excel.sheet("Locked").visibility).toBe("Hidden");
    expect(
      await attempt((sheet) => {
        sheet.name = "Still locked";
        sheet.delete();
      }),
    ).toBe("no error");
    expect(excel.sheetNames()).toEqual(["Data"]);
  });

  it("reports protection through a sheet load", async () => {
    const excel = await protectedSheet({});
    const seen = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
      await context.sync();
      return sheets.items.map((sheet) => [sheet.name, sheet.protection.protected]);
    });
    expect(seen).toEqual([
      ["Data", false],
      ["Locked", true],
    ]);
    expect(excel.protection("Locked").options).toEqual({});
  });
});
