import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { runCliInProcess } from "../support/runCliInProcess";

const dir = mkdtempSync(join(tmpdir(), "rd-security-"));
const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"];
const CARD = "4111 1111 1111 1111";

/** A workbook whose customers are formula-injection strings and whose payment titles carry a card number. */
async function hostileWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const invoices = workbook.addWorksheet("Invoices");
  invoices.addRow(["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Notes"]);
  INJECTIONS.forEach((name, i) => invoices.addRow([`FV/${i + 1}`, name, "2026-01-10", "2026-02-10", 100 + i, `card ${CARD}`]));
  const payments = workbook.addWorksheet("Payments");
  payments.addRow(["Payment Date", "Customer", "Amount", "Reference"]);
  payments.addRow(["2026-03-01", INJECTIONS[0], 50, `FV/1 paid by card ${CARD}`]);
  payments.addRow(["2026-03-02", "Card payer", 10, `Karta ${CARD.replace(/ /g, "")}`]);
  await workbook.xlsx.writeFile(path);
}

describe("security of the outputs", () => {
  const input = join(dir, "hostile.xlsx");
  const out = join(dir, "report.xlsx");
  const json = join(dir, "report.json");

  beforeAll(async () => {
    await hostileWorkbook(input);
    const result = await runCliInProcess(["report", input, "--as-of", "2026-11-30", "--currency", "PLN", "--out", out, "--json", json]);
    expect(result.code).toBe(0);
  });

  it("writes formula-like customer names as text, never as formulas", async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) expect(await zip.file(name)!.async("string")).not.toMatch(/<f[ >]/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const texts = new Set<string>();
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === "string") texts.add(cell.value);
      expect(cell.formula).toBeFalsy();
    })));
    for (const name of INJECTIONS) expect(texts).toContain(name);
  });

  it("never prints the full card number: not in the JSON, not in any sheet", async () => {
    const digits = CARD.replace(/ /g, "");
    const jsonText = readFileSync(json, "utf8");
    expect(jsonText.replace(/[ -]/g, "")).not.toContain(digits);
    expect(jsonText).toMatch(/Karta \*{12}1111/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of Object.keys(zip.files)) {
      if (!name.endsWith(".xml")) continue;
      expect((await zip.file(name)!.async("string")).replace(/[ -]/g, "")).not.toContain(digits);
    }
  });
});

describe("optional protection of the report sheets", () => {
  it("--protect locks every report sheet without a password; the input stays unprotected and unchanged", async () => {
    const input = join(dir, "protect-input.xlsx");
    await hostileWorkbook(input);
    const out = join(dir, "protected.xlsx");
    expect((await runCliInProcess(["report", input, "--as-of", "2026-11-30", "--protect", "--sheets", "aging,issues", "--out", out])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(2);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
      expect(xml).not.toMatch(/hashValue|password=/);
    }
  });
});
