import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ReceivablesJson } from "../../src/engine/report/receivablesJson";
import { generateSampleWithFacts } from "../../src/sample/generateSample";
import { readWorkbookFile } from "../../src/xlsx/readWorkbook";
import { runCliInProcess } from "../support/runCliInProcess";

const dir = mkdtempSync(join(tmpdir(), "rd-cli-"));
const cents = (major: number) => Math.round(major * 100);
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("receivables report on the sample workbook (.xlsx written and read back)", () => {
  const { workbook: sample, facts } = generateSampleWithFacts({ invoices: 600, seed: 11 });
  const samplePath = join(dir, "sample.xlsx");
  const outPath = join(dir, "report.xlsx");
  const jsonPath = join(dir, "report.json");
  let json: ReceivablesJson;
  let stdout = "";

  beforeAll(async () => {
    expect((await runCliInProcess(["sample", "--out", samplePath, "--invoices", "600", "--seed", "11"])).code).toBe(0);
    const before = sha(samplePath);
    const result = await runCliInProcess(["report", samplePath, "--as-of", "2026-11-30", "--currency", "PLN", "--out", outPath, "--json", jsonPath]);
    expect(result.code).toBe(0);
    expect(sha(samplePath)).toBe(before); // the user's file is never modified
    stdout = result.stdout;
    json = JSON.parse(readFileSync(jsonPath, "utf8")) as ReceivablesJson;
  });

  it("says which tables it chose", () => {
    expect(stdout).toContain('Invoices: sheet "Invoices", header on row 4');
    expect(stdout).toContain('Payments: sheet "Payments", header on row 3');
  });

  it("reports exactly the sample's bad rows, by sheet, row and column", () => {
    expect(json.issues.map((i) => ({ sheet: i.sheet, row: i.row, column: i.column }))).toEqual(
      facts.badRows.map(({ sheet, row, column }) => ({ sheet, row, column })),
    );
    expect(json.issues.every((i) => i.severity === "error")).toBe(true);
  });

  it("conserves money per currency: open = invoiced − credits − payments over the good rows", () => {
    // Computed straight from the generator's rows, independently of the engine.
    const expected = new Map<string, number>();
    const bad = new Set(facts.badRows.map((b) => `${b.sheet}:${b.row}`));
    for (const sheet of sample.sheets) {
      const block = sheet.blocks[0]!;
      const header = block.header!;
      const amountAt = header.indexOf("Amount");
      const currencyAt = header.indexOf("Currency");
      const sign = sheet.name === "Payments" ? -1 : 1;
      block.rows.forEach((row, i) => {
        if (block.rowRoles?.get(i) === "total" || bad.has(`${sheet.name}:${block.row + 2 + i}`)) return;
        const currency = String(row[currencyAt]);
        expected.set(currency, (expected.get(currency) ?? 0) + sign * cents(row[amountAt] as number));
      });
    }
    expect(Object.fromEntries(json.totals.map((t) => [t.currency, cents(t.open)]))).toEqual(Object.fromEntries(expected));
  });

  it("writes a report workbook whose totals rows equal the JSON totals", async () => {
    const report = await readWorkbookFile(outPath);
    expect(report.sheets.map((s) => s.name)).toEqual([
      "AR Aging", "AR Aging Detail", "AR Daily", "AR Quarterly", "AR Annual", "AR Collections", "AR Forecast", "AR Statements",
      "AR Data Issues",
    ]);
    const aging = report.sheets[0]!;
    const header = aging.rows[3]!;
    const totalAt = header.indexOf("Total");
    for (const total of json.totals) {
      const row = aging.rows.find((r) => r[0] === `Total ${total.currency}`)!;
      expect(row[totalAt]).toBeCloseTo(total.open, 2);
    }
    // The detail table: one row per open item plus one subtotal per customer and currency.
    const detail = report.sheets[1]!;
    expect(detail.rows.length - 4).toBe(json.openItems.length + json.customers.length);
  });
});

describe("the report figures in the JSON", () => {
  it("reconcile every quarter and the year: opening + invoiced − credits − collected − write-offs = closing, to the cent", async () => {
    const path = join(dir, "sample-q.xlsx");
    await runCliInProcess(["sample", "--out", path, "--invoices", "800", "--seed", "5"]);
    const jsonPath = join(dir, "q.json");
    expect((await runCliInProcess(["report", path, "--as-of", "2026-11-30", "--currency", "PLN", "--json", jsonPath])).code).toBe(0);
    const json = JSON.parse(readFileSync(jsonPath, "utf8")) as Required<ReceivablesJson>;
    expect(json.quarters.map((q) => q.period)).toContain("2025-Q1");
    for (const q of [...json.quarters, ...json.annual]) {
      expect(cents(q.opening) + cents(q.invoiced) - cents(q.credits) - cents(q.collected) - cents(q.writeOffs)).toBe(cents(q.closing));
    }
    // The last quarter closes on the as-of date, where the aging total is.
    for (const total of json.totals) {
      expect(json.quarters.filter((q) => q.currency === total.currency).at(-1)!.closing).toBe(total.open);
    }
  });
});

describe("receivables report on Polish CSV files", () => {
  it("reads semicolon CSVs with Polish headers, text dates and decimal commas", async () => {
    const invoices = join(dir, "faktury.csv");
    const payments = join(dir, "wyciag.csv");
    writeFileSync(
      invoices,
      [
        "Zestawienie faktur;;;;",
        "Nr faktury;Nabywca;Data wystawienia;Termin płatności;Kwota brutto",
        'FV/1;"Kowalski; Syn";01.10.2025;15.10.2025;"1 234,56"',
        "FV/2;Nowak;02.10.2025;16.10.2025;500,00",
        "Razem;;;;1 734,56",
      ].join("\r\n"),
    );
    writeFileSync(payments, ["Data wpłaty;Kontrahent;Kwota;Tytuł przelewu", "20.10.2025;Nowak;500,00;Zapłata za FV/2"].join("\n"));
    const result = await runCliInProcess(["report", "--invoices", invoices, "--payments", payments, "--as-of", "2025-10-31", "--currency", "PLN", "--lang", "pl", "--json", join(dir, "pl.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Faktury: arkusz \"faktury\"");
    // Polish number style in the summary: a four-digit amount ungrouped, a decimal comma in the share too.
    expect(result.stdout).toContain("PLN: do zapłaty 1234,56, przeterminowane 1234,56 (100,0 %)");
    const json = JSON.parse(readFileSync(join(dir, "pl.json"), "utf8")) as ReceivablesJson;
    expect(json.issues).toEqual([]);
    expect(json.openItems.map((i) => [i.document, i.customer, i.open, i.daysPastDue])).toEqual([["FV/1", "Kowalski; Syn", 1234.56, 16]]);
  });

  it("--timings names every step it ran, in order, on standard error (in Polish with --lang pl)", async () => {
    const invoices = join(dir, "t-faktury.csv");
    writeFileSync(invoices, ["Nr faktury;Nabywca;Data wystawienia;Termin płatności;Kwota", "FV/1;Nowak;01.10.2025;15.10.2025;100,00"].join("\n"));
    const result = await runCliInProcess(["report", invoices, "--as-of", "2025-10-31", "--lang", "pl", "--json", join(dir, "t.json"), "--out", join(dir, "t.xlsx"), "--timings"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Czasy \(s\): start \d+\.\d\d · read \d+\.\d\d · ledger \d+\.\d\d · figures \d+\.\d\d · json \d+\.\d\d · sheets \d+\.\d\d · xlsx \d+\.\d\d$/m);
    // Linux counts minor page faults: the same steps, a count each.
    expect(result.stderr).toMatch(/^Strony pamięci użyte po raz pierwszy: start \d+ · read \d+ · ledger \d+ · figures \d+ · json \d+ · sheets \d+ · xlsx \d+$/m);
    expect(result.stdout).not.toContain("Czasy");
  });
});

describe("exit codes", () => {
  it("1 when the input cannot be read, naming the file", async () => {
    const result = await runCliInProcess(["report", join(dir, "missing.xlsx")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("missing.xlsx");
  });

  it("1 when there is no invoice table, saying what was expected", async () => {
    const path = join(dir, "notes.csv");
    writeFileSync(path, "Note,Text\nhello,world\n");
    const result = await runCliInProcess(["report", path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No invoice table found");
  });

  it("1 when a pinned sheet does not exist", async () => {
    const path = join(dir, "sample-small.xlsx");
    await runCliInProcess(["sample", "--out", path, "--invoices", "50"]);
    const result = await runCliInProcess(["report", path, "--invoices-sheet", "Nope"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Nope");
  });

  it.each([
    [["report"]],
    [["report", "a.xlsx", "--basis", "weekly"]],
    [["report", "a.xlsx", "--buckets", "60,30"]],
    [["report", "a.xlsx", "--as-of", "2025-02-30"]],
    [["report", "a.xlsx", "--frobnicate"]],
    [["report", "a.xlsx", "--out", "a.xlsx"]],
    [["sample"]],
    [["dance"]],
  ])("2 for a usage error: %j", async (args) => {
    const result = await runCliInProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("receivables report");
  });
});
