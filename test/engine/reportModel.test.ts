import { dayFromCivil } from "../../src/engine/dates/civil";
import { buildReport, reportFigures } from "../../src/engine/report/buildReport";
import type { ReportSheet } from "../../src/engine/report/model";
import { reportSheetGrid, reportToWorkbookData } from "../../src/engine/report/reportToWorkbookData";
import { DEFAULT_REPORT_SETTINGS } from "../../src/engine/report/reportSettings";
import { runReceivables } from "../../src/engine/runReceivables";
import { generateSample } from "../../src/sample/generateSample";

const sample = reportToWorkbookData(generateSample({ invoices: 1500, seed: 3 }));

function report(language: "en" | "pl") {
  const run = runReceivables(sample, { asOf: dayFromCivil(2026, 11, 30), defaultCurrency: "PLN", language });
  if (!run.ok) throw new Error("no run");
  return { run, workbook: buildReport(run, DEFAULT_REPORT_SETTINGS) };
}

/** Parses "B5:F5" into 0-based corners. */
function corners(range: string): [number, number, number, number] {
  const cell = (ref: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return [Number(match[2]) - 1, column] as const;
  };
  const [from, to = from] = range.split(":");
  return [...cell(from!), ...cell(to!)] as [number, number, number, number];
}

describe("the report model", () => {
  for (const language of ["en", "pl"] as const) {
    it(`names sheets and tables as Excel allows (${language})`, () => {
      const { workbook } = report(language);
      const names = workbook.sheets.map((s) => s.name);
      expect(names).toHaveLength(9);
      for (const name of names) {
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
      }
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      const tables = workbook.sheets.flatMap((s) => s.blocks.flatMap((b) => (b.table ? [b.table.name] : [])));
      expect(new Set(tables).size).toBe(tables.length);
    });
  }

  it("points every chart at numbers and labels on its own sheet", () => {
    const { workbook } = report("en");
    const charts = workbook.sheets.flatMap((sheet) => sheet.charts.map((chart) => ({ sheet, chart })));
    expect(charts.map((c) => c.sheet.key).sort()).toEqual(["aging", "daily", "forecast", "forecast", "quarterly", "quarterly"]);
    const valueAt = (sheet: ReportSheet, row: number, column: number) => reportSheetGrid(sheet).rows[row]?.[column] ?? null;
    for (const { sheet, chart } of charts) {
      const [r1, c1, r2, c2] = corners(chart.categories);
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) expect(valueAt(sheet, r, c)).not.toBeNull();
      for (const series of chart.series) {
        const [s1, t1, s2, t2] = corners(series.values);
        for (let r = s1; r <= s2; r++) for (let c = t1; c <= t2; c++) expect(typeof valueAt(sheet, r, c)).toBe("number");
      }
    }
  });

  it("keeps blocks from overlapping one another", () => {
    const { workbook } = report("en");
    for (const sheet of workbook.sheets) {
      const taken = new Set<string>();
      for (const block of sheet.blocks) {
        const height = block.rows.length + (block.header ? 1 : 0);
        for (let r = block.row; r < block.row + height; r++) {
          for (let c = block.column; c < block.column + block.columns.length; c++) {
            expect(taken.has(`${r}:${c}`)).toBe(false);
            taken.add(`${r}:${c}`);
          }
        }
      }
    }
  });

  it("lists every overdue account in collections with its stage, and the worst first within a currency", () => {
    const { run } = report("en");
    const figures = reportFigures(run, DEFAULT_REPORT_SETTINGS);
    const overdueAccounts = run.aging.customers.filter((c) => c.overdue > 0).length;
    expect(figures.collections).toHaveLength(overdueAccounts);
    const pln = figures.collections.filter((a) => run.ledger.currencies[a.currency] === "PLN");
    for (let i = 1; i < pln.length; i++) expect(pln[i - 1]!.priority).toBeGreaterThanOrEqual(pln[i]!.priority);
    expect(pln.every((a) => a.stage !== undefined)).toBe(true);
  });
});
