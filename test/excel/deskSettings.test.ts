import { DEFAULT_DESK_SETTINGS, DESK_SETTINGS_KEY, loadDeskSettings, parseDeskSettings, saveDeskSettings, type DeskSettings } from "../../src/excel";
import { FakeExcel } from "../../src/excel/testing";

const chosen: DeskSettings = {
  ...DEFAULT_DESK_SETTINGS,
  sources: { invoicesSheet: "Faktury", paymentsSheet: "Wyciąg" },
  columnOverrides: { invoices: { amount: "Kwota brutto", due: "Termin" }, payments: { invoiceRef: "Tytuł" } },
  ladder: [30, 90, 150, 365],
  basis: "invoice",
  asOf: { kind: "fixed", date: "2026-06-30" },
  apply: "oldest-first",
  collectionsAfterDays: 60,
  defaultCurrency: "PLN",
  dateOrder: "dmy",
  language: "pl",
  report: {
    ...DEFAULT_DESK_SETTINGS.report,
    sheets: ["aging", "aging-detail", "collections"],
    fiscalYearStartMonth: 4,
    collections: { ...DEFAULT_DESK_SETTINGS.report.collections, referenceRatePercent: 5.75, marginPercent: 10, eurRates: { PLN: 4.3 } },
  },
};

describe("desk settings", () => {
  it("are saved in the workbook's settings and load back equal, one sync each", async () => {
    const excel = new FakeExcel();
    excel.addSheet({ name: "Sheet1", rows: [], firstRow: 1, firstColumn: 1 });
    expect(await excel.run((context) => loadDeskSettings(context))).toEqual(DEFAULT_DESK_SETTINGS);
    await excel.run((context) => saveDeskSettings(context, chosen));
    expect(await excel.run((context) => loadDeskSettings(context))).toEqual(chosen);
    expect(excel.syncCount).toBe(3);
    expect(excel.setting(DESK_SETTINGS_KEY)).toEqual(chosen);
  });

  it("take the default for every field stored wrongly, without throwing", () => {
    const parsed = parseDeskSettings({
      sources: { invoicesSheet: 7 },
      columnOverrides: { invoices: { amount: "Kwota", bogus: "x" } },
      ladder: [60, 30],
      basis: "whenever",
      asOf: { kind: "fixed", date: "30.06.2026" },
      collectionsAfterDays: -1,
      defaultCurrency: "zł",
      language: "de",
      report: { fiscalYearStartMonth: 13, collections: { marginPercent: "8", eurRates: { PLN: 4.3, xx: 1, EUR: -1 } } },
    });
    expect(parsed).toEqual({
      ...DEFAULT_DESK_SETTINGS,
      columnOverrides: { invoices: { amount: "Kwota" }, payments: {} },
      report: { ...DEFAULT_DESK_SETTINGS.report, collections: { ...DEFAULT_DESK_SETTINGS.report.collections, eurRates: { PLN: 4.3 } } },
    });
    expect(parseDeskSettings("not an object")).toEqual(DEFAULT_DESK_SETTINGS);
    expect(parseDeskSettings(null)).toEqual(DEFAULT_DESK_SETTINGS);
  });
});
