import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireTool } from "../support/systemTool";
import { runCliInProcess } from "../support/runCliInProcess";

/** LibreOffice opens the report workbook the CLI writes and renders every sheet. */
describe("the report workbook in LibreOffice", () => {
  const soffice = requireTool("soffice", "libreoffice-calc-nogui");
  const pdftotext = requireTool("pdftotext", "poppler-utils");
  const dir = mkdtempSync(join(tmpdir(), "rd-render-"));

  it("renders every report sheet, with its charts and the figures the JSON holds", async () => {
    const sample = join(dir, "sample.xlsx");
    expect((await runCliInProcess(["sample", "--out", sample, "--invoices", "300"])).code).toBe(0);
    const report = join(dir, "report.xlsx");
    const json = join(dir, "report.json");
    const result = await runCliInProcess(["report", sample, "--as-of", "2026-11-30", "--currency", "PLN", "--out", report, "--json", json]);
    expect(result.code).toBe(0);

    execFileSync(soffice, ["--headless", `-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--convert-to", "pdf", "--outdir", dir, report], { stdio: "ignore" });
    expect(readdirSync(dir)).toContain("report.pdf");
    const text = execFileSync(pdftotext, ["-layout", join(dir, "report.pdf"), "-"], { encoding: "utf8" });
    for (const title of [
      "Accounts receivable aging as of 2026-11-30", "Open items as of 2026-11-30", "Receivables on 2026-11-30",
      "Receivables by quarter, 2025-Q1 – 2026-Q4", "Receivables, fiscal year 2026*", "Collections worklist as of 2026-11-30",
      "Expected collections as of 2026-11-30", "Statement for ", "Problems found in the source data",
      // chart titles, drawn by LibreOffice from the chart parts
      "Open balance by bucket (PLN)", "Open and overdue balance, last 30 days (PLN)", "Closing balance by quarter (PLN)", "Expected collections vs due dates (PLN)",
    ]) {
      expect(text).toContain(title);
    }
    expect(text).not.toContain("###");
    // The grand total of the largest currency, formatted as the sheet shows it, appears in the rendering.
    const { totals } = JSON.parse(readFileSync(json, "utf8")) as { totals: Array<{ currency: string; open: number }> };
    const pln = totals.find((t) => t.currency === "PLN")!;
    const shown = pln.open.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(text).toContain(shown);
  });
});
