import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { dayFromIso } from "../../src/engine/dates/civil";
import { buildReport } from "../../src/engine/report/buildReport";
import type { ReceivablesJson } from "../../src/engine/report/receivablesJson";
import { reportToWorkbookData } from "../../src/engine/report/reportToWorkbookData";
import { DEFAULT_REPORT_SETTINGS } from "../../src/engine/report/reportSettings";
import { runReceivables } from "../../src/engine/runReceivables";
import type { DumpedCell, DumpedSheet } from "../../src/excel/testing";
import { generateSample } from "../../src/sample";
import { expectedSheetRows } from "../excel/support/reportFixtures";
import { runCliInProcess } from "../support/runCliInProcess";
import { isLocal, launchChromium } from "./support/chromium";
import { buildPlayground, serveDirectory, type StaticServer } from "./support/playgroundServer";

/**
 * The task pane in a real browser: the playground page (src/playground) runs the pane on the in-memory Excel. The
 * figures it writes are checked against the CLI's JSON for the same sample workbook, the report sheets cell by cell
 * against the engine's report model, and every request the page makes against localhost.
 */

const SEED = 11;
const INVOICES = 600;
const AS_OF = "2026-11-30";
const SOURCE_SHEETS = ["Invoices", "Payments"];
const SCREENSHOTS = resolve(__dirname, "../../out/screenshots");

type PageSheet = DumpedSheet & { visibility: string };

describe("the task pane in the playground (Chromium)", () => {
  const work = mkdtempSync(join(tmpdir(), "rd-pane-e2e-"));
  let server: StaticServer;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  /** Every request the page made that was not to this machine (each one was refused). */
  const offsite: string[] = [];
  const local: string[] = [];

  beforeAll(async () => {
    buildPlayground(join(work, "site"));
    server = await serveDirectory(join(work, "site"));
    browser = await launchChromium();
    await browser.context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) {
        local.push(url);
        return route.continue();
      }
      offsite.push(url);
      return route.abort("blockedbyclient");
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const pages: Page[] = [];
  afterEach(async () => {
    // Closed whatever the test's outcome: a page left open behind the next one would have its timers throttled.
    await Promise.all(pages.splice(0).map((page) => page.close()));
    expect(offsite).toEqual([]);
  });

  async function openPlayground(query: Record<string, string | number>): Promise<Page> {
    const page = await browser.context.newPage();
    pages.push(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    await page.goto(`${server.origin}/?${search.toString()}`);
    // The pane has read the workbook's heads and shows the detected sources.
    await page.locator("#pane [data-source=invoices] select").first().waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  const sheets = (page: Page) => page.evaluate(() => window.receivablesPlayground!.sheets()) as Promise<PageSheet[]>;

  it("writes the reports the CLI computes, leaves the source sheets as they were, and asks nothing of the network", async () => {
    const page = await openPlayground({ today: AS_OF, seed: SEED, invoices: INVOICES });
    const pane = page.locator("#pane");

    // The detected sources are shown and accepted as they are.
    await expect(pane.locator("[data-source=invoices] select").first().inputValue()).resolves.toBe("Invoices");
    await expect(pane.locator("[data-source=payments] select").first().inputValue()).resolves.toBe("Payments");
    await expect(pane.locator("[data-source=invoices]").innerText()).resolves.toContain("Header in row 4");
    await expect(pane.locator("input[type=date]").inputValue()).resolves.toBe(AS_OF);
    const before = await sheets(page);
    expect(before.map((sheet) => sheet.name)).toEqual(SOURCE_SHEETS);

    await pane.getByRole("button", { name: "Generate reports" }).click();
    const summary = pane.locator("[data-testid=run-summary]");
    await summary.waitFor({ timeout: 60_000 });

    // The CLI on the same sample, written to .xlsx and read back.
    const xlsx = join(work, "sample.xlsx");
    const jsonPath = join(work, "report.json");
    expect((await runCliInProcess(["sample", "--out", xlsx, "--seed", String(SEED), "--invoices", String(INVOICES)])).code).toBe(0);
    expect((await runCliInProcess(["report", xlsx, "--as-of", AS_OF, "--json", jsonPath])).code).toBe(0);
    const json = JSON.parse(readFileSync(jsonPath, "utf8")) as ReceivablesJson;
    expect(json.totals.length).toBeGreaterThan(1);

    const after = await sheets(page);
    const byName = new Map(after.map((sheet) => [sheet.name, sheet]));
    // Source sheets: untouched, cell for cell; no hidden leftovers of the run.
    for (const name of SOURCE_SHEETS) expect(byName.get(name)).toEqual(before.find((sheet) => sheet.name === name));
    expect(after.filter((sheet) => sheet.visibility !== "Visible")).toEqual([]);
    // ...and they hold the CLI's sample workbook.
    const sample = reportToWorkbookData(generateSample({ seed: SEED, invoices: INVOICES }));
    for (const grid of sample.sheets) expect(byName.get(grid.name)!.rows).toEqual(trimmedRows(grid.rows));

    // AR Aging: a total row per currency whose buckets and total are the JSON's.
    const aging = byName.get("AR Aging")!;
    const bucketCount = json.buckets.length;
    for (const total of json.totals) {
      const row = aging.rows.find((cells) => cells[0] === `Total ${total.currency}` && cells[2] === total.currency);
      expect(row).toBeDefined();
      expect(row!.slice(3, 3 + bucketCount)).toEqual(total.buckets);
      expect(row![3 + bucketCount]).toBe(total.open);
    }
    // AR Aging Detail: one row per open item besides the customers' subtotal rows, the same documents.
    const detailRows = byName.get("AR Aging Detail")!.rows.slice(4).filter((cells) => typeof cells[2] === "string" && cells[2] !== "Subtotal");
    expect(detailRows.length).toBe(json.openItems.length);
    expect(detailRows.map((cells) => String(cells[1] ?? "")).sort()).toEqual(json.openItems.map((item) => item.document).sort());
    // AR Data Issues: the JSON's issues, in order.
    const issueRows = byName.get("AR Data Issues")!.rows.slice(4);
    expect(issueRows.map((cells) => cells[5])).toEqual(json.issues.map((issue) => issue.message));

    // Every report sheet, cell for cell, is the engine's report model for this workbook.
    const run = runReceivables(sample, { asOf: dayFromIso(AS_OF)!, invoicesSheet: "Invoices", paymentsSheet: "Payments" });
    if (!run.ok) throw new Error("the sample has no invoice table");
    const report = buildReport(run, DEFAULT_REPORT_SETTINGS);
    expect(after.map((sheet) => sheet.name)).toEqual([...SOURCE_SHEETS, ...report.sheets.map((sheet) => sheet.name)]);
    // Ratios are compared to 12 significant digits: Chromium's V8 and Node's may differ in the last bit of
    // Math.exp/log/pow (the forecast's probabilities); amounts are rounded to the cent and compare exactly anyway.
    for (const sheet of report.sheets) expect(significant(byName.get(sheet.name)!.rows)).toEqual(significant(expectedSheetRows(sheet)));

    // The summary shows the same figures.
    const money = (value: number) => value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const total of json.totals) {
      const row = summary.locator(`[data-currency=${total.currency}]`);
      await expect(row.locator("[data-field=open]").innerText()).resolves.toBe(money(total.open));
      await expect(row.locator("[data-field=overdue]").innerText()).resolves.toBe(money(total.overdue));
    }
    await expect(summary.locator("[data-testid=open-items]").innerText()).resolves.toBe(json.openItems.length.toLocaleString("en-US"));
    const inCollections = json.customers.filter((customer) => customer.status === "collections").length;
    await expect(summary.locator("[data-testid=accounts-in-collections]").innerText()).resolves.toBe(String(inCollections));
    const problems = summary.locator("[data-testid=problems] li");
    expect(await problems.count()).toBe(Math.min(json.issues.length, 25));

    // A problem's link shows its cell: the sheet becomes active and the cell selected in the grid.
    const first = json.issues.find((issue) => issue.row > 0 && issue.column !== "")!;
    await problems.first().getByRole("button").click();
    await expect(page.locator(`[data-sheet-tab="${first.sheet}"]`).getAttribute("aria-selected")).resolves.toBe("true");
    const selected = page.locator(`table[data-sheet="${first.sheet}"] td[aria-selected=true]`);
    await expect(selected.getAttribute("data-cell")).resolves.toBe(`${first.column}${first.row}`);

    // The pane at 350 px: nothing wider than the pane.
    const overflow = await pane.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshotPane(page, "taskpane.png");
    await pane.locator("[data-source=invoices]").getByRole("button", { name: "Columns" }).click();
    await screenshotPane(page, "taskpane-columns.png");

    expect(local.length).toBeGreaterThan(0);
  }, 120_000);

  it("cancelled while writing, leaves the previous report exactly as it was", async () => {
    // Every sync takes 500 ms, as over a slow connection: time to press Cancel while the sheets are written.
    const page = await openPlayground({ today: AS_OF, seed: SEED, invoices: 200, latency: 500 });
    const pane = page.locator("#pane");
    await pane.getByRole("button", { name: "Generate reports" }).click();
    await pane.locator("[data-testid=run-summary]").waitFor({ timeout: 60_000 });
    const previous = await sheets(page);

    // A different ladder, so a report that got through would differ.
    await pane.getByLabel("Buckets (days)").fill("30,60");
    await pane.getByRole("button", { name: "Generate reports" }).click();
    // Cancel the moment the pane shows the last step, from inside the page (a click through the driver could come
    // after the run has finished): the first write sync is then under way, and the swap not yet sent.
    await page.waitForFunction(
      () => {
        const panel = document.getElementById("pane")!;
        if (!panel.innerText.includes("Step 5 of 5: Writing sheets")) return false;
        const cancel = [...panel.querySelectorAll("button")].find((button) => button.textContent === "Cancel");
        cancel?.click();
        return cancel !== undefined;
      },
      undefined,
      { polling: "raf", timeout: 60_000 },
    );
    await pane
      .locator("[data-testid=run-cancelled]")
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(`no "Cancelled" in the pane, which shows: ${await pane.innerText()}`, { cause: error });
      });

    expect(await sheets(page)).toEqual(previous);
  }, 120_000);

  it("shows a failed sync in Polish with Retry, and the retry writes the reports", async () => {
    const page = await openPlayground({ today: AS_OF, seed: SEED, invoices: 200, lang: "pl-PL" });
    const pane = page.locator("#pane");
    await expect(pane.getByRole("button", { name: "Generuj raporty" }).isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "Fail next sync" }).click();
    await pane.getByRole("button", { name: "Generuj raporty" }).click();
    const failed = pane.locator("[data-testid=run-failed]");
    await failed.waitFor({ timeout: 60_000 });
    await expect(failed.innerText()).resolves.toContain("Raporty nie zostały utworzone.");
    await screenshotPane(page, "taskpane-pl-failed.png");
    expect((await sheets(page)).map((sheet) => sheet.name)).toEqual(SOURCE_SHEETS);

    await failed.getByRole("button", { name: "Ponów" }).click();
    await pane.locator("[data-testid=run-summary]").waitFor({ timeout: 60_000 });
    const names = (await sheets(page)).map((sheet) => sheet.name);
    expect(names).toContain("Wiekowanie należności");
    expect(names.slice(0, 2)).toEqual(SOURCE_SHEETS);
  }, 120_000);
});

/** Saves the pane (350 px wide) down to the end of its content, in out/screenshots. */
async function screenshotPane(page: Page, name: string): Promise<void> {
  const pane = page.locator("#pane");
  const box = (await pane.boundingBox())!;
  const bottom = await pane.evaluate((element) => Math.max(...[...element.querySelectorAll("main > *")].map((child) => child.getBoundingClientRect().bottom)));
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, Math.ceil(bottom - box.y) + 16) } });
}

/** Cells with every number rounded to 12 significant digits. */
function significant(rows: ReadonlyArray<ReadonlyArray<DumpedCell>>): DumpedCell[][] {
  return rows.map((row) => row.map((cell) => (typeof cell === "number" ? Number(cell.toPrecision(12)) : cell)));
}

/** A grid's rows as the in-memory Excel dumps them: trailing empty cells dropped. */
function trimmedRows(rows: ReadonlyArray<ReadonlyArray<DumpedCell>>): DumpedCell[][] {
  return rows.map((row) => {
    const cells = row.map((cell) => (cell === "" ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
}
