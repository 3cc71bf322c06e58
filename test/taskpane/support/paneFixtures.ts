import type { ExcelHost, XlContext } from "../../../src/excel";
import { DEFAULT_DESK_SETTINGS, type DeskSettings } from "../../../src/excel";
import { FakeExcel, type DumpedSheet } from "../../../src/excel/testing";
import type { RunRequest } from "../../../src/taskpane/run";
import { AS_OF, sampleWorkbookData } from "../../excel/support/reportFixtures";

export { AS_OF };

/** The sample workbook (Invoices, Payments) in the in-memory Excel. */
export function sampleExcel(invoices = 150, seed = 11): FakeExcel {
  return FakeExcel.fromWorkbookData(sampleWorkbookData(invoices, seed));
}

/** A run of the sample as the pane would ask for it, as of 2026-11-30, in English. */
export function sampleRequest(settings: Partial<DeskSettings> = {}): RunRequest {
  return {
    settings: { ...DEFAULT_DESK_SETTINGS, ...settings },
    sources: { invoicesSheet: "Invoices", paymentsSheet: "Payments" },
    asOf: AS_OF,
    language: "en",
  };
}

/** Every sheet with its visibility and cells, in workbook order. */
export function workbookState(excel: FakeExcel): Array<DumpedSheet & { visibility: string }> {
  return excel.state.sheets.map((sheet) => ({ ...excel.dumpSheet(sheet.name), visibility: sheet.visibility }));
}

/**
 * The in-memory Excel as a host that calls `onSync(n)` after its n-th successful sync (counted over every batch),
 * e.g. to press Cancel at a precise point of a run.
 */
export function watchedHost(excel: FakeExcel, onSync: (n: number) => void): ExcelHost {
  let syncs = 0;
  return {
    supports: (version) => excel.supports(version),
    run: (batch) =>
      excel.run((context) => {
        const watched: XlContext = {
          workbook: context.workbook,
          application: context.application,
          sync: async () => {
            await context.sync();
            onSync(++syncs);
          },
        };
        return batch(watched);
      }),
  };
}
