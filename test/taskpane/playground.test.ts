import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatCell } from "../../src/playground/formatCell";
import { loadXlsx } from "../../src/playground/loadXlsx";
import { readWorkbookFile } from "../../src/xlsx/readWorkbook";
import { runCliInProcess } from "../support/runCliInProcess";

describe("the playground's workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "rd-playground-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("opens an .xlsx as the CLI reads it (the cell rules are shared), dates under a date format", async () => {
    const file = join(dir, "sample.xlsx");
    expect((await runCliInProcess(["sample", "--out", file, "--invoices", "80"])).code).toBe(0);
    const bytes = readFileSync(file);
    const excel = await loadXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const cli = await readWorkbookFile(file);
    expect(excel.sheetNames()).toEqual(cli.sheets.map((sheet) => sheet.name));
    for (const sheet of cli.sheets) {
      const rows = sheet.rows.map((row) => {
        const cells = row.map((cell) => (cell === "" ? null : cell));
        while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
        return cells;
      });
      expect(excel.dumpSheet(sheet.name).rows).toEqual(rows);
    }
    expect(excel.state.date1904).toBe(cli.date1904);
    // Invoices: the header is on row 4, the first invoice date in D5.
    expect(excel.numberFormat("Invoices", "D5")).toBe("yyyy-mm-dd");
  });

  it("shows cells under the formats the reports use", () => {
    expect(formatCell(46356, "yyyy-mm-dd", false)).toBe("2026-11-30");
    expect(formatCell(44894, "yyyy-mm-dd", true)).toBe("2026-11-30");
    expect(formatCell(-1234.5, "#,##0.00;-#,##0.00", false)).toBe("-1,234.50");
    expect(formatCell(0.1234, "0.0%", false)).toBe("12.3%");
    expect(formatCell(12, "0", false)).toBe("12");
    expect(formatCell(1 / 3, "General", false)).toBe("0.3333333333");
    expect([formatCell(true, "General", false), formatCell({ error: "#N/A" }, "General", false), formatCell(undefined, "General", false)]).toEqual(["TRUE", "#N/A", ""]);
  });
});
