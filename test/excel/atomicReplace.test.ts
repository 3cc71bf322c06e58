// A re-run replaces the report as one step: whichever sync fails, the workbook holds the complete old report or the
// complete new one, never a mix; the sources never change; a retry succeeds and leaves nothing behind.
import { isDeepStrictEqual } from "node:util";
import { dayFromIso } from "../../src/engine/dates/civil";
import type { WorkbookData } from "../../src/engine/port";
import { agingSheets } from "../../src/engine/report/agingSheets";
import type { ReportWorkbook } from "../../src/engine/report/model";
import { runReceivables } from "../../src/engine/runReceivables";
import { recoverReports, REPORTS_SETTING_KEY, RUN_SETTING_PREFIX, writeReport } from "../../src/excel";
import { FakeExcel, type DumpedSheet, type FailureMode } from "../../src/excel/testing";
import { expectedSheetRows, sampleWorkbookData } from "./support/reportFixtures";

const data = sampleWorkbookData(400);
const SOURCES = ["Invoices", "Payments"];
/** A small budget, so that the re-run takes several build syncs before its swap. */
const BUDGET = 12_000;
const RERUN = { budgetBytes: BUDGET, runId: "rerun001" } as const;

function reportAsOf(iso: string): ReportWorkbook {
  const run = runReceivables(data, { asOf: dayFromIso(iso)!, defaultCurrency: "PLN" });
  if (!run.ok) throw new Error("no report");
  return { sheets: agingSheets(run) };
}

const oldReport = reportAsOf("2026-10-31");
const newReport = reportAsOf("2026-11-30");
const reportNames = oldReport.sheets.map((sheet) => sheet.name);

/** The report is in the workbook, complete: every sheet visible under its name with exactly its cells. */
function holds(excel: FakeExcel, report: ReportWorkbook): boolean {
  return report.sheets.every((sheet) => {
    const found = excel.state.findSheet(sheet.name);
    return found !== undefined && found.name === sheet.name && found.visibility === "Visible" && isDeepStrictEqual(excel.dumpSheet(sheet.name).rows, expectedSheetRows(sheet));
  });
}

function leftovers(excel: FakeExcel): { sheets: string[]; journals: string[] } {
  return {
    sheets: excel.sheetNames().filter((name) => !SOURCES.includes(name) && !reportNames.includes(name)),
    journals: excel.settingKeys().filter((key) => key.startsWith(RUN_SETTING_PREFIX)),
  };
}

async function workbookWithOldReport(): Promise<{ excel: FakeExcel; sources: DumpedSheet[] }> {
  const excel = FakeExcel.fromWorkbookData(data as WorkbookData);
  await excel.run((context) => writeReport(context, oldReport));
  excel.resetSyncLog();
  return { excel, sources: SOURCES.map((name) => excel.dumpSheet(name)) };
}

function expectCleanNewReport(excel: FakeExcel, sources: DumpedSheet[]): void {
  expect(holds(excel, newReport)).toBe(true);
  expect(leftovers(excel)).toEqual({ sheets: [], journals: [] });
  expect(excel.sheetNames()).toEqual([...SOURCES, ...reportNames]);
  expect(excel.tables().map((table) => table.name)).toEqual(["ArOpenItems", "ArDataIssues"]);
  const record = excel.setting(REPORTS_SETTING_KEY) as { sheets: Array<{ name: string }> };
  expect(record.sheets.map((sheet) => sheet.name)).toEqual(reportNames);
  expect(SOURCES.map((name) => excel.dumpSheet(name))).toEqual(sources);
}

/** The re-run's syncs, undisturbed: how many, and how many actions each. */
async function calibrate(): Promise<number[]> {
  const { excel, sources } = await workbookWithOldReport();
  await excel.run((context) => writeReport(context, newReport, RERUN));
  expectCleanNewReport(excel, sources);
  return excel.syncLog.map((sync) => sync.actions);
}

describe("failure at every sync of a re-run", () => {
  let actionsPerSync: number[] = [];
  beforeAll(async () => {
    actionsPerSync = await calibrate();
  });

  it("takes several syncs (so that the test below means something)", () => {
    expect(oldReport).not.toEqual(newReport);
    expect(actionsPerSync.length).toBeGreaterThanOrEqual(4);
  });

  it.each<[string, FailureMode]>([
    ["the request never reached Excel (nothing applied)", "nothing-applied"],
    ["Excel ran it but the answer was lost (all applied)", "all-applied"],
    ["Excel ran it but the client stopped waiting (timeout)", "timeout"],
  ])("leaves the old report or the new one when %s, and recoverReports or a retry cleans up", async (_, mode) => {
    for (let n = 1; n <= actionsPerSync.length; n++) {
      for (const cleanUp of ["retry", "recoverReports"] as const) {
        const { excel, sources } = await workbookWithOldReport();
        excel.failSync(n, mode);
        await expect(excel.run((context) => writeReport(context, newReport, RERUN))).rejects.toMatchObject({
          code: mode === "timeout" ? "RequestAborted" : "GeneralException",
        });

        const isOld = holds(excel, oldReport);
        const isNew = holds(excel, newReport);
        expect({ n, mix: isOld === isNew }).toEqual({ n, mix: false });
        // Only the swap, the last sync, shows the new report, and only when it ran.
        expect({ n, isNew }).toEqual({ n, isNew: mode !== "nothing-applied" && n === actionsPerSync.length });
        expect(SOURCES.map((name) => excel.dumpSheet(name))).toEqual(sources);
        // Whatever is left over is hidden: the user sees sources and one report.
        expect(excel.state.sheets.filter((sheet) => sheet.visibility === "Visible").map((sheet) => sheet.name)).toEqual([...SOURCES, ...reportNames]);

        excel.clearFailures();
        if (cleanUp === "recoverReports") {
          // Recovery keeps whichever report is complete and removes everything else.
          await excel.run((context) => recoverReports(context));
          expect({ n, old: holds(excel, oldReport), new: holds(excel, newReport) }).toEqual({ n, old: isOld, new: isNew });
          expect(leftovers(excel)).toEqual({ sheets: [], journals: [] });
          expect(SOURCES.map((name) => excel.dumpSheet(name))).toEqual(sources);
        }
        await excel.run((context) => writeReport(context, newReport, { budgetBytes: BUDGET }));
        expectCleanNewReport(excel, sources);
      }
    }
  });

  it("finishes a swap that stopped halfway (an action failing inside the swap sync) with recoverReports", async () => {
    let mixesSeen = 0;
    let swapsFinished = 0;
    for (let n = 1; n <= actionsPerSync.length; n++) {
      const actions = actionsPerSync[n - 1]!;
      // Inside the swap sync every stopping point; inside a build sync a few.
      const stops = n === actionsPerSync.length ? Array.from({ length: actions - 1 }, (_, i) => i + 1) : [1, Math.floor(actions / 2), actions - 1];
      for (const applied of new Set(stops)) {
        const { excel, sources } = await workbookWithOldReport();
        excel.failSync(n, { appliedActions: applied });
        await expect(excel.run((context) => writeReport(context, newReport, RERUN))).rejects.toMatchObject({ code: "GeneralException" });
        const isOld = holds(excel, oldReport);
        const isNew = holds(excel, newReport);
        // A mix is possible only inside the swap sync, and then the journal says the new sheets are complete.
        if (isOld === isNew) {
          expect({ n, swapSync: n === actionsPerSync.length }).toEqual({ n, swapSync: true });
          mixesSeen++;
        }
        expect(SOURCES.map((name) => excel.dumpSheet(name))).toEqual(sources);

        excel.clearFailures();
        excel.resetSyncLog();
        const recovered = await excel.run((context) => recoverReports(context));
        const after = { old: holds(excel, oldReport), new: holds(excel, newReport) };
        expect({ n, applied, complete: after.old !== after.new }).toEqual({ n, applied, complete: true });
        // A finished swap gives the new report; a build that stopped, the old one.
        if (recovered.finishedRun !== null) {
          expect(after.new).toBe(true);
          swapsFinished++;
        }
        if (n < actionsPerSync.length) expect(after.old).toBe(true);
        expect(leftovers(excel)).toEqual({ sheets: [], journals: [] });
        expect(excel.syncCount).toBeLessThanOrEqual(2);

        await excel.run((context) => writeReport(context, newReport, { budgetBytes: BUDGET }));
        expectCleanNewReport(excel, sources);
      }
    }
    // The stopping points did reach the window where old sheets were gone and new ones not yet named.
    expect(mixesSeen).toBeGreaterThan(0);
    expect(swapsFinished).toBeGreaterThan(0);
  });
});

describe("a re-run straight after a swap that stopped halfway", () => {
  it("replaces whatever the interrupted run left, without recoverReports first", async () => {
    const actionsPerSync = await calibrate();
    const swap = actionsPerSync.length;
    for (let applied = 1; applied < actionsPerSync[swap - 1]!; applied++) {
      const { excel, sources } = await workbookWithOldReport();
      excel.failSync(swap, { appliedActions: applied });
      await expect(excel.run((context) => writeReport(context, newReport, RERUN))).rejects.toBeDefined();
      excel.clearFailures();
      await excel.run((context) => writeReport(context, newReport, { budgetBytes: BUDGET }));
      expectCleanNewReport(excel, sources);
    }
  });
});

describe("recoverReports", () => {
  it("does nothing, in one sync, when no run was interrupted", async () => {
    const { excel } = await workbookWithOldReport();
    const result = await excel.run((context) => recoverReports(context));
    expect(result).toEqual({ finishedRun: null, removed: [], syncs: 1 });
    expect(holds(excel, oldReport)).toBe(true);
  });

  it("removes the hidden sheets of a run that stopped while building, keeping the report in place", async () => {
    const { excel } = await workbookWithOldReport();
    excel.failSync(2);
    await expect(excel.run((context) => writeReport(context, newReport, RERUN))).rejects.toBeDefined();
    expect(leftovers(excel).sheets).toEqual(["~rd rerun001 1", "~rd rerun001 2", "~rd rerun001 3"]);
    const result = await excel.run((context) => recoverReports(context));
    expect(result.removed).toEqual(["~rd rerun001 1", "~rd rerun001 2", "~rd rerun001 3"]);
    expect(holds(excel, oldReport)).toBe(true);
    expect(leftovers(excel)).toEqual({ sheets: [], journals: [] });
  });
});
