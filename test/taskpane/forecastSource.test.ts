import { ForecastModelCache } from "../../src/functions/modelCache";
import { registerForecastSource } from "../../src/taskpane/run/forecastSource";
import type { WorkbookData } from "../../src/engine/port";
import { dayFromCivil } from "../../src/engine/dates/civil";

describe("the pane hands its sources to the custom functions", () => {
  const holder = globalThis as { receivablesDeskForecastModels?: ForecastModelCache };
  afterEach(() => delete holder.receivablesDeskForecastModels);

  it("registers the workbook it read with the functions' model cache, which then fits on it", async () => {
    const cache = new ForecastModelCache(() => dayFromCivil(2025, 6, 30));
    holder.receivablesDeskForecastModels = cache;
    const workbook: WorkbookData = {
      date1904: false,
      sheets: [{ name: "Invoices", firstRow: 1, firstColumn: 1, rows: [["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"], ["FV/1", "Alfa", dayFromCivil(2025, 5, 1), dayFromCivil(2025, 5, 31), 100]] }],
    };
    expect(registerForecastSource(workbook, { defaultCurrency: "PLN" })).toBe(true);
    expect(cache.hasSource).toBe(true);
    const fitted = await cache.model();
    expect(fitted.ledger.count).toBe(1);
  });

  it("does nothing where the functions do not run (e.g. the playground)", () => {
    expect(registerForecastSource({ date1904: false, sheets: [] }, {})).toBe(false);
  });
});
