import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import type { ReportWorkbook } from "../../src/engine/report/model";
import { writeReportWorkbook } from "../../src/xlsx/writeReportWorkbook";
import { requireTool } from "../support/systemTool";

const run = promisify(execFile);
const RENDER_SCRIPT = resolve(__dirname, "../../scripts/render-report.mjs");

const SHEET = "Kowalski's AR Aging";
const QUOTED = "'Kowalski''s AR Aging'";

const report: ReportWorkbook = {
  sheets: [
    {
      key: "aging",
      name: SHEET,
      columnWidths: [14, 12, 12, 12, 12, 12],
      texts: [{ row: 0, column: 0, text: "Aging as of 2025-01-31", role: "title" }],
      blocks: [
        {
          row: 3,
          column: 0,
          header: ["Currency", "Current", "1-30", "31-60", "61-90", "Over 90"],
          columns: [{ kind: "text" }, ...Array.from({ length: 5 }, () => ({ kind: "amount" as const }))],
          rows: [
            ["PLN", 12500.5, 4200, 1800.25, 950, 3100],
            ["EUR", 3000, 1250, 600, 400, 75.5],
          ],
          table: { name: "BucketTotals" },
        },
        {
          row: 8,
          column: 0,
          header: ["Month", "Overdue"],
          columns: [{ kind: "text" }, { kind: "amount" }],
          rows: [["Aug 2024", 8100], ["Sep 2024", 7400.5], ["Oct 2024", 9050], ["Nov 2024", 10200]],
        },
      ],
      charts: [
        {
          kind: "column",
          title: "Open amount by bucket",
          anchor: { row: 14, column: 0, rows: 16, columns: 6 },
          categories: "B4:F4",
          series: [{ name: "PLN", values: "B5:F5" }, { name: "EUR", values: "B6:F6" }],
        },
        {
          kind: "line",
          title: "Overdue at month end",
          anchor: { row: 31, column: 0, rows: 16, columns: 6 },
          categories: "A10:A13",
          series: [{ name: "Overdue", values: "B10:B13" }],
        },
      ],
      conditionalFormats: [{ kind: "dataBar", range: "B5:F6", color: "#5B9BD5" }],
    },
  ],
};

/** LibreOffice reads the native charts the writer adds, and the render script turns a report into pages. */
describe("report charts in LibreOffice", () => {
  const soffice = requireTool("soffice", "libreoffice-calc-nogui");
  const pdftotext = requireTool("pdftotext", "poppler-utils");
  requireTool("pdftoppm", "poppler-utils");
  const dir = mkdtempSync(join(tmpdir(), "rd-charts-e2e-"));
  const workbook = join(dir, "charts.xlsx");

  beforeAll(async () => {
    await writeReportWorkbook(report, workbook);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps both charts, their kinds and their ranges when LibreOffice saves the workbook again", async () => {
    // LibreOffice writes charts from its own model of the file: chart parts in its output prove it read ours.
    const resaved = join(dir, "resaved");
    mkdirSync(resaved);
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--convert-to", "xlsx", "--outdir", resaved, workbook],
      { stdio: "ignore" },
    );
    const zip = await JSZip.loadAsync(readFileSync(join(resaved, "charts.xlsx")));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
        .sort()
        .map((name) => zip.file(name)!.async("string")),
    );
    expect(charts).toHaveLength(2);
    const column = charts.find((xml) => xml.includes("<c:barChart>"));
    const line = charts.find((xml) => xml.includes("<c:lineChart>"));
    const unescape = (xml: string) => xml.replace(/&apos;/g, "'").replace(/&quot;/g, '"');
    expect(column).toBeDefined();
    expect(line).toBeDefined();
    expect(column).toMatch(/<c:barDir val="col"\/>/);
    expect(unescape(column!)).toContain(`<c:f>${QUOTED}!$B$4:$F$4</c:f>`);
    expect(unescape(column!)).toContain(`<c:f>${QUOTED}!$B$6:$F$6</c:f>`);
    expect(column).toContain("Open amount by bucket");
    expect(unescape(line!)).toContain(`<c:f>${QUOTED}!$A$10:$A$13</c:f>`);
    expect(unescape(line!)).toContain(`<c:f>${QUOTED}!$B$10:$B$13</c:f>`);
    expect(line).toContain("Overdue at month end");
  });

  it("renders the charts, titles, categories and legends, to PDF and PNG pages", async () => {
    const out = join(dir, "pages");
    const { stdout } = await run(process.execPath, [RENDER_SCRIPT, workbook, "--out", out]);
    const files = stdout.trim().split("\n");
    expect(files[0]).toBe(join(out, "charts.pdf"));
    // Landscape pages: the column chart on the first, the line chart below it on the second.
    expect(files.slice(1)).toEqual([join(out, "charts-1.png"), join(out, "charts-2.png")]);
    for (const page of files.slice(1)) expect(readFileSync(page).subarray(1, 4).toString("latin1")).toBe("PNG");

    const text = execFileSync(pdftotext, ["-layout", join(out, "charts.pdf"), "-"], { encoding: "utf8" });
    for (const expected of ["Open amount by bucket", "Overdue at month end", "Over 90", "Nov 2024"]) expect(text).toContain(expected);
    // The legend names both series of the column chart on one line.
    expect(text).toMatch(/PLN\s+EUR/);
  });

  it("says which Debian packages to install when the tools are missing", async () => {
    const failure = await run(process.execPath, [RENDER_SCRIPT, workbook], { env: { PATH: join(dir, "no-tools-here") } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain("libreoffice-calc-nogui");
    expect(stderr).toContain("poppler-utils");
  });

  it("answers a wrong command line with its usage", async () => {
    const failure = await run(process.execPath, [RENDER_SCRIPT]).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: node scripts/render-report.mjs") });
  });
});
