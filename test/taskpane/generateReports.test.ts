import { buildReport, reportFigures } from "../../src/engine/report/buildReport";
import { receivablesJson } from "../../src/engine/report/receivablesJson";
import { DEFAULT_REPORT_SETTINGS } from "../../src/engine/report/reportSettings";
import { runReceivables } from "../../src/engine/runReceivables";
import { DEFAULT_DESK_SETTINGS, DESK_SETTINGS_KEY, RUN_SETTING_PREFIX, parseDeskSettings } from "../../src/excel";
import { FakeExcel } from "../../src/excel/testing";
import { generateReports, RunCancelled, RUN_STEPS, type RunOutcome, type RunStep } from "../../src/taskpane/run";
import { expectedSheetRows, sampleWorkbookData } from "../excel/support/reportFixtures";
import { AS_OF, sampleExcel, sampleRequest, watchedHost, workbookState } from "./support/paneFixtures";

const noCancel = () => new AbortController().signal;

async function generate(excel: FakeExcel, request = sampleRequest(), signal = noCancel()): Promise<{ outcome: RunOutcome; steps: RunStep[] }> {
  const steps: RunStep[] = [];
  const outcome = await generateReports(excel, request, { signal, onStep: (step) => steps.push(step) });
  return { outcome, steps };
}

function done(outcome: RunOutcome) {
  if (outcome.kind !== "done") throw new Error(`expected a report, got ${JSON.stringify(outcome)}`);
  return outcome.summary;
}

describe("generateReports: the pane's run on the open workbook", () => {
  it("writes exactly the report the engine describes, with the CLI's figures, through the named steps", async () => {
    const excel = sampleExcel(300);
    const sources = workbookState(excel);
    const { outcome, steps } = await generate(excel);
    const summary = done(outcome);
    expect(steps).toEqual([...RUN_STEPS]);

    // The same workbook through the engine alone, as src/cli/runCli.ts runs it.
    const data = sampleWorkbookData(300);
    const run = runReceivables(data, { asOf: AS_OF, invoicesSheet: "Invoices", paymentsSheet: "Payments" });
    if (!run.ok) throw new Error("no invoice table");
    const figures = reportFigures(run, DEFAULT_REPORT_SETTINGS);
    const report = buildReport(run, DEFAULT_REPORT_SETTINGS, figures);
    const json = receivablesJson(run, figures);

    expect(excel.sheetNames()).toEqual(["Invoices", "Payments", ...report.sheets.map((sheet) => sheet.name)]);
    for (const sheet of report.sheets) expect(excel.dumpSheet(sheet.name).rows).toEqual(expectedSheetRows(sheet));
    expect(workbookState(excel).slice(0, 2)).toEqual(sources);

    expect(summary.totals.map(({ currency, open, overdue }) => ({ currency, open, overdue }))).toEqual(
      json.totals.map(({ currency, open, overdue }) => ({ currency, open, overdue })),
    );
    expect(summary.openItems).toBe(json.openItems.length);
    expect(summary.accountsInCollections).toBe(json.customers.filter((customer) => customer.status === "collections").length);
    expect(summary.problems.map((problem) => problem.message)).toEqual(json.issues.map((issue) => issue.message));
    expect(summary.problems.map((problem) => `${problem.sheet}!${problem.cell}`)).toEqual(json.issues.map((issue) => `${issue.sheet}!${issue.column}${issue.row}`));
    expect(summary.sheets.map((sheet) => sheet.name)).toEqual(report.sheets.map((sheet) => sheet.name));
  });

  it("saves the run's settings in the workbook", async () => {
    const excel = sampleExcel();
    await generate(excel, sampleRequest({ ladder: [30, 90], basis: "invoice" }));
    expect(parseDeskSettings(excel.setting(DESK_SETTINGS_KEY))).toMatchObject({ ladder: [30, 90], basis: "invoice" });
  });

  it("reads only the source sheets, and reports a chosen sheet that is gone as the engine words it", async () => {
    const excel = sampleExcel();
    excel.addSheet({ name: "Notes", rows: [["Invoice No", "Customer", "Invoice Date", "Amount"], ["X-1", "Nobody", 46000, 1]], firstRow: 1, firstColumn: 1 });
    const summary = done((await generate(excel)).outcome);
    expect(summary.problems.some((problem) => problem.sheet === "Notes")).toBe(false);

    const { outcome } = await generate(excel, { ...sampleRequest(), sources: { invoicesSheet: "Faktury" } });
    expect(outcome).toEqual({
      kind: "unusable",
      problems: [
        { sheet: "Faktury", cell: null, severity: "error", message: "Sheet Faktury does not exist in the workbook" },
        { sheet: "Faktury", cell: null, severity: "error", message: expect.stringContaining("No invoice table found") },
      ],
    });
  });

  it("applies a column chosen for a field: the run reads the amount from it", async () => {
    const rows = [
      ["Invoice No", "Customer", "Invoice Date", "Due Date", "Gross", "Net amount (PLN)"],
      ["FV/1", "Alfa", 46300, 46310, 123, 100],
      ["FV/2", "Beta", 46300, 46310, 246, 200],
    ];
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [{ name: "Invoices", rows, firstRow: 1, firstColumn: 1 }] });
    const request = { ...sampleRequest(), sources: { invoicesSheet: "Invoices" } };
    expect(done((await generate(excel, request)).outcome).totals).toEqual([{ currency: "EUR", decimals: 2, open: 369, overdue: 369 }]);

    const chosen = { ...request, settings: { ...request.settings, columnOverrides: { invoices: { amount: "Net amount (PLN)" }, payments: {} } } };
    // The chosen header names PLN: the currency in it still counts.
    expect(done((await generate(excel, chosen)).outcome).totals).toEqual([{ currency: "PLN", decimals: 2, open: 300, overdue: 300 }]);
    expect(excel.dumpSheet("Invoices").rows).toEqual(rows);
  });

  it("says why when the data cannot be used, and writes nothing", async () => {
    const excel = FakeExcel.fromWorkbookData({ date1904: false, sheets: [{ name: "Notes", rows: [["Hello"]], firstRow: 1, firstColumn: 1 }] });
    const { outcome, steps } = await generate(excel, { ...sampleRequest(), sources: {}, language: "pl" });
    expect(outcome.kind).toBe("unusable");
    expect(outcome.kind === "unusable" && outcome.problems[0]?.message).toMatch(/^Nie znaleziono tabeli faktur/);
    expect(steps).toEqual(["read", "apply"]);
    expect(excel.sheetNames()).toEqual(["Notes"]);
  });
});

describe("edge cases: cancel and failure leave the old report or the new one, never a mix", () => {
  /** A workbook with a report in place (ladder 30,60,90), and what a second run (ladder 30,60) would make of it. */
  async function withReport() {
    const excel = sampleExcel(120);
    done((await generate(excel)).outcome);
    return excel;
  }
  const secondRequest = sampleRequest({ ladder: [30, 60] });

  let oldState: ReturnType<typeof workbookState>;
  let newState: ReturnType<typeof workbookState>;
  let secondRunSyncs: number;
  beforeAll(async () => {
    const excel = await withReport();
    oldState = workbookState(excel);
    excel.resetSyncLog();
    done((await generate(excel, secondRequest)).outcome);
    newState = workbookState(excel);
    secondRunSyncs = excel.syncCount;
    expect(newState).not.toEqual(oldState);
  });

  /** No hidden temporary sheets and no run journals are left behind. */
  function expectNoLeftovers(excel: FakeExcel) {
    expect(excel.state.sheets.filter((sheet) => sheet.visibility !== "Visible")).toEqual([]);
    expect(excel.settingKeys().filter((key) => key.startsWith(RUN_SETTING_PREFIX))).toEqual([]);
  }

  it("cancelled before it starts, changes nothing", async () => {
    const excel = await withReport();
    const abort = new AbortController();
    abort.abort();
    await expect(generate(excel, secondRequest, abort.signal)).rejects.toBeInstanceOf(RunCancelled);
    expect(workbookState(excel)).toEqual(oldState);
  });

  it("cancelled after any sync, leaves the old report (or, once the swap was sent, the new one)", async () => {
    for (let n = 1; n <= secondRunSyncs; n++) {
      const excel = await withReport();
      const abort = new AbortController();
      const host = watchedHost(excel, (sync) => sync === n && abort.abort());
      const result = await generateReports(host, secondRequest, { signal: abort.signal, onStep: () => {} }).then(
        () => "done",
        (error: unknown) => (error instanceof RunCancelled ? "cancelled" : error),
      );
      const state = workbookState(excel);
      if (result === "cancelled") expect(state).toEqual(oldState);
      else {
        // Only a cancel after the last sync (the swap) lets the run finish.
        expect([n, result]).toEqual([secondRunSyncs, "done"]);
        expect(state).toEqual(newState);
      }
      expectNoLeftovers(excel);
    }
  });

  it("when any sync fails, leaves the old report or the new one, and no leftovers", async () => {
    for (const mode of ["nothing-applied", "all-applied"] as const) {
      for (let n = 1; n <= secondRunSyncs; n++) {
        const excel = await withReport();
        excel.resetSyncLog();
        excel.failSync(n, mode);
        const error = await generate(excel, secondRequest).then(() => null, (caught: unknown) => caught);
        expect(error).toMatchObject({ code: "GeneralException" });
        const state = workbookState(excel);
        expect([oldState, newState]).toContainEqual(state);
        // A failure that reached Excel only at the swap may still have made the new report; earlier, never.
        if (n < secondRunSyncs) expect(state).toEqual(oldState);
        expectNoLeftovers(excel);
      }
    }
  });

  it("runs with the defaults the desk settings give: the CLI's", () => {
    expect(DEFAULT_DESK_SETTINGS).toMatchObject({ basis: "due", ladder: [30, 60, 90], apply: "unapplied", collectionsAfterDays: 90, defaultCurrency: "EUR" });
    expect(DEFAULT_DESK_SETTINGS.report).toEqual(DEFAULT_REPORT_SETTINGS);
  });
});
