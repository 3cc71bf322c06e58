import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import type { ReportBlock, ReportSheet, ReportWorkbook } from "../engine/report/model";
import { readWorkbookFile } from "./readWorkbook";
import { isValidTableName, writeReportWorkbook } from "./writeReportWorkbook";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rd-write-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const agingDetail: ReportBlock = {
  row: 3,
  column: 0,
  header: ["Faktura", "Kontrahent", "Termin", "Kwota", "Udział"],
  columns: [{ kind: "text" }, { kind: "text" }, { kind: "date" }, { kind: "amount" }, { kind: "percent" }],
  rows: [
    ["FV/001", "ACME", 45688, 1234.56, 0.5],
    ["007", "Beta", 45716.5, -0.01, 0.25],
    ["FV/003", "=HYPERLINK(\"http://x\",\"y\")", 45747, 1234.56, 0.25],
    ["Razem", null, null, 2469.11, 1],
  ],
  rowRoles: new Map([[3, "total" as const]]),
  table: { name: "AgingDetail" },
};

const summarySheet: ReportSheet = {
  key: "summary",
  name: "Podsumowanie",
  columnWidths: [24, 14, 14],
  texts: [
    { row: 0, column: 0, text: "Wiekowanie należności", role: "title" },
    { row: 1, column: 0, text: "na dzień 2025-01-31", role: "subtitle" },
    { row: 7, column: 0, text: "Kwoty w PLN", role: "note" },
  ],
  blocks: [
    {
      row: 3,
      column: 0,
      header: ["Przedział", "Kwota", "Dni"],
      columns: [{ kind: "text" }, { kind: "amount", numberFormat: "#,##0.00 \"zł\"" }, { kind: "days" }],
      rows: [
        ["bieżące", 1000, 0],
        ["1–30", 469.11, 15],
        ["Razem", 1469.11, null],
      ],
      rowRoles: new Map([[2, "total" as const]]),
    },
  ],
  charts: [],
  freeze: { rows: 4, columns: 1 },
};

const report: ReportWorkbook = {
  sheets: [
    summarySheet,
    {
      key: "detail",
      name: "Szczegóły",
      columnWidths: [12, 30, 12, 14, 10],
      texts: [{ row: 0, column: 0, text: "Otwarte pozycje", role: "title" }],
      blocks: [agingDetail],
      charts: [],
      freeze: { rows: 4, columns: 0 },
    },
  ],
};

async function sheetXml(path: string, part: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(await readFile(path))).file(part)?.async("string");
  if (xml === undefined) throw new Error(`no ${part}`);
  return xml;
}

async function loadWithExcelJs(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe("writeReportWorkbook", () => {
  it("round-trips values, number formats, styles, a native table and frozen panes", async () => {
    const path = join(dir, "report.xlsx");
    await writeReportWorkbook(report, path);

    const data = await readWorkbookFile(path);
    expect(data.date1904).toBe(false);
    expect(data.sheets.map((s) => s.name)).toEqual(["Podsumowanie", "Szczegóły"]);
    expect(data.sheets[0]?.rows).toEqual([
      ["Wiekowanie należności"],
      ["na dzień 2025-01-31"],
      [],
      ["Przedział", "Kwota", "Dni"],
      ["bieżące", 1000, 0],
      ["1–30", 469.11, 15],
      ["Razem", 1469.11],
      ["Kwoty w PLN"],
    ]);
    expect(data.sheets[1]?.rows).toEqual([
      ["Otwarte pozycje"],
      [],
      [],
      ["Faktura", "Kontrahent", "Termin", "Kwota", "Udział"],
      ["FV/001", "ACME", 45688, 1234.56, 0.5],
      ["007", "Beta", 45716.5, -0.01, 0.25],
      ["FV/003", "=HYPERLINK(\"http://x\",\"y\")", 45747, 1234.56, 0.25],
      ["Razem", null, null, 2469.11, 1],
    ]);

    const workbook = await loadWithExcelJs(path);
    const summary = workbook.getWorksheet("Podsumowanie");
    const detail = workbook.getWorksheet("Szczegóły");
    if (summary === undefined || detail === undefined) throw new Error("sheets missing");

    expect(summary.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(summary.getCell("A2").font).toMatchObject({ size: 11 });
    expect(summary.getCell("A8").font).toMatchObject({ italic: true });
    expect(summary.getCell("A4").font).toMatchObject({ bold: true });
    expect(summary.getCell("A4").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(summary.getCell("B4").border?.bottom?.style).toBe("thin");
    expect(summary.getCell("B5").numFmt).toBe("#,##0.00 \"zł\"");
    expect(summary.getCell("C5").numFmt).toBe("0");
    expect(summary.getCell("B7").font).toMatchObject({ bold: true });
    expect(summary.getCell("C7").border?.top?.style).toBe("thin");
    expect(summary.getColumn(1).width).toBe(24);
    expect(summary.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 4 });
    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });

    expect(detail.getCell("C5").numFmt).toBe("yyyy-mm-dd");
    expect(detail.getCell("D5").numFmt).toBe("#,##0.00;-#,##0.00");
    expect(detail.getCell("E5").numFmt).toBe("0.0%");
    expect(detail.getCell("A5").numFmt).toBe("@");
    expect(detail.getCell("D8").font).toMatchObject({ bold: true });

    // The total row sits below the table, not in it: sorting the table must not move it.
    const tableXml = await sheetXml(path, "xl/tables/table1.xml");
    expect(tableXml).toContain('name="AgingDetail"');
    expect(tableXml).toContain('ref="A4:E7"');
    expect(tableXml).toContain("TableStyleMedium2");
    expect(tableXml).toContain("<autoFilter");
    expect(tableXml).not.toContain('hiddenButton="1"');
    // Dates are numbers under a date format: the sheet holds the serial itself.
    expect(await sheetXml(path, "xl/worksheets/sheet2.xml")).toMatch(/<c r="C6" s="\d+"><v>45716.5<\/v><\/c>/);

    // Only the finished file is left behind.
    expect((await readdir(dir)).filter((name) => name.includes("report"))).toEqual(["report.xlsx"]);
  });

  it("writes formula-like strings as text, never as formulas", async () => {
    const hostile = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "=1+1", "\t=cmd|' /C calc'!A0"];
    const path = join(dir, "hostile.xlsx");
    await writeReportWorkbook(
      {
        sheets: [
          {
            key: "h",
            name: "H",
            columnWidths: [],
            texts: [{ row: 0, column: 0, text: "=1+2", role: "title" }],
            blocks: [{ row: 1, column: 0, header: ["=A1"], columns: [{ kind: "text" }], rows: hostile.map((t) => [t]) }],
            charts: [],
          },
        ],
      },
      path,
    );
    const sheet = (await loadWithExcelJs(path)).getWorksheet("H");
    const cells = ["=1+2", "=A1", ...hostile].map((text, i) => ({ text, cell: sheet?.getCell(i + 1, 1) }));
    for (const { text, cell } of cells) {
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(text);
    }
    const xml = await sheetXml(path, "xl/worksheets/sheet1.xml");
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it("round-trips a multi-sheet report through ExcelJS and through both of our readers alike", async () => {
    const path = join(dir, "multi.xlsx");
    const third: ReportSheet = {
      key: "flags",
      name: "Flags & Notes",
      columnWidths: [18, 8],
      texts: [{ row: 0, column: 0, text: "Flags", role: "title" }],
      blocks: [{ row: 2, column: 0, header: ["Name", "Paid"], columns: [{ kind: "text" }, { kind: "text" }], rows: [["ACME", true], ["Beta", false]] }],
      charts: [],
    };
    await writeReportWorkbook({ sheets: [...report.sheets, third] }, path);

    const workbook = await loadWithExcelJs(path);
    expect(workbook.creator).toBe("Receivables Desk");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Podsumowanie", "Szczegóły", "Flags & Notes"]);
    const values = workbook.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row, number) => (rows[number - 1] = (row.values as unknown[]).slice(1)));
      return rows;
    });
    expect(values[0]?.[4]).toEqual(["bieżące", 1000, 0]);
    // ExcelJS turns a serial under a date format into a Date: 45716.5 is noon on 2025-02-28.
    expect(values[1]?.[5]).toEqual(["007", "Beta", new Date(Date.UTC(2025, 1, 28, 12)), -0.01, 0.25]);
    expect(values[2]?.slice(2)).toEqual([["Name", "Paid"], ["ACME", true], ["Beta", false]]);
    const detail = workbook.getWorksheet("Szczegóły")!;
    // ExcelJS finds the table, with the header cells as its columns.
    const table = detail.getTable("AgingDetail") as unknown as { table: { tableRef?: string; ref: string; columns: Array<{ name: string }> } };
    expect(table.table.columns.map((c) => c.name)).toEqual(["Faktura", "Kontrahent", "Termin", "Kwota", "Udział"]);
    expect(detail.getColumn(2).width).toBe(30);
    expect(workbook.getWorksheet("Flags & Notes")!.getCell("B4").type).toBe(ExcelJS.ValueType.Boolean);

    // The SAX reader (big files) and ExcelJS's model (small files) read the same workbook.
    expect(await readWorkbookFile(path, { streaming: true })).toEqual(await readWorkbookFile(path, { streaming: false }));
  });

  it("runs the after-write steps on the complete file before it takes its name", async () => {
    const path = join(dir, "steps.xlsx");
    const seen: string[] = [];
    await writeReportWorkbook(report, path, {
      afterWrite: [
        async (file) => {
          const zip = await JSZip.loadAsync(await readFile(file));
          seen.push(file === path ? "final name" : "temporary name", ...Object.keys(zip.files).filter((f) => f.startsWith("xl/tables/") && !zip.files[f]?.dir));
        },
      ],
    });
    expect(seen).toEqual(["temporary name", "xl/tables/table1.xml"]);
  });

  describe("conditional formats and page setup", () => {
    const formatted: ReportSheet = {
      key: "f",
      name: "Formatted",
      columnWidths: [],
      texts: [],
      blocks: [
        {
          row: 0,
          column: 0,
          header: ["Customer", "Open", "Overdue", "Days"],
          columns: [{ kind: "text" }, { kind: "amount" }, { kind: "amount" }, { kind: "days" }],
          rows: [
            ["A", 100, 0, 0],
            ["B", 2500, 1200, 45],
            ["C", 900, 900, 120],
          ],
        },
      ],
      charts: [],
      conditionalFormats: [
        { kind: "dataBar", range: "B2:B4", color: "#5B9BD5" },
        { kind: "greaterThan", range: "C2:C4", value: 1000, fill: "FFC7CE", fontColor: "#9C0006" },
        { kind: "colorScale", range: "D2:D4", colors: ["#63BE7B", "#FFEB84", "#F8696B"] },
      ],
    };
    const portrait: ReportSheet = { ...plainSheet("Portrait"), pageSetup: { orientation: "portrait", fitToWidth: false } };
    const narrow: ReportSheet = { ...plainSheet("Narrow"), pageSetup: { orientation: "portrait", fitToWidth: true } };

    function plainSheet(name: string): ReportSheet {
      return { key: name, name, columnWidths: [], texts: [{ row: 0, column: 0, text: name, role: "title" }], blocks: [], charts: [] };
    }

    it("are written natively", async () => {
      const path = join(dir, "formats.xlsx");
      await writeReportWorkbook({ sheets: [formatted, portrait, narrow] }, path);
      const xml = await sheetXml(path, "xl/worksheets/sheet1.xml");

      const rules = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">(.*?)<\/conditionalFormatting>/g)].map((m) => [m[1], m[2]]);
      expect(rules.map(([ref]) => ref)).toEqual(["B2:B4", "C2:C4", "D2:D4"]);
      const [dataBar, greaterThan, colorScale] = rules.map(([, rule]) => rule ?? "");
      expect(dataBar).toMatch(/^<cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"\/><cfvo type="max"\/><color rgb="FF5B9BD5"\/><\/dataBar>/);
      expect(greaterThan).toMatch(/^<cfRule type="cellIs" dxfId="(\d+)" priority="2" operator="greaterThan"><formula>1000<\/formula><\/cfRule>$/);
      expect(colorScale).toBe(
        '<cfRule type="colorScale" priority="3"><colorScale><cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>' +
          '<color rgb="FF63BE7B"/><color rgb="FFFFEB84"/><color rgb="FFF8696B"/></colorScale></cfRule>',
      );
      // The "greater than" look is a differential format: red text on a pink fill.
      const dxfId = Number(/dxfId="(\d+)"/.exec(greaterThan ?? "")?.[1]);
      const dxfs = [...(await sheetXml(path, "xl/styles.xml")).matchAll(/<dxf>(.*?)<\/dxf>/g)].map((m) => m[1]);
      expect(dxfs[dxfId]).toBe('<font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill>');
      // The data bar's x14 extension (Excel 2010's solid bar), and the rule's reference to it, match.
      const id = /<x14:id>([^<]+)<\/x14:id>/.exec(dataBar ?? "")?.[1];
      // Made from the sheet's number and the bar's place, not at random: the same report gives the same file.
      expect(id).toBe("{00000001-0000-4000-8000-000000000001}");
      const again = join(dir, "formats-again.xlsx");
      await writeReportWorkbook({ sheets: [formatted, portrait, narrow] }, again);
      expect(await sheetXml(again, "xl/worksheets/sheet1.xml")).toBe(xml);
      expect(xml).toContain(`<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0">`);
      expect(xml).toContain(`</x14:cfRule><xm:sqref>B2:B4</xm:sqref>`);

      // Every report sheet is landscape and fit to one page wide unless it says otherwise.
      const pageSetup = (sheet: string) => /<pageSetup [^>]*\/>/.exec(sheet)?.[0] ?? "";
      const fitToPage = (sheet: string) => /<sheetPr>.*?<pageSetUpPr fitToPage="1"\/>.*?<\/sheetPr>/.test(sheet);
      expect(pageSetup(xml)).toMatch(/orientation="landscape".* fitToWidth="1" fitToHeight="0"/);
      expect(fitToPage(xml)).toBe(true);
      const portraitXml = await sheetXml(path, "xl/worksheets/sheet2.xml");
      expect(pageSetup(portraitXml)).toContain('orientation="portrait"');
      expect(fitToPage(portraitXml)).toBe(false);
      const narrowXml = await sheetXml(path, "xl/worksheets/sheet3.xml");
      expect(pageSetup(narrowXml)).toMatch(/orientation="portrait".* fitToWidth="1" fitToHeight="0"/);
      expect(fitToPage(narrowXml)).toBe(true);
    });

    it("refuses a colour or a range that is not one, before writing anything", async () => {
      const path = join(dir, "never-formatted.xlsx");
      const withFormat = (format: NonNullable<ReportSheet["conditionalFormats"]>[number]): ReportWorkbook => ({
        sheets: [{ ...formatted, conditionalFormats: [format] }],
      });
      await expect(writeReportWorkbook(withFormat({ kind: "dataBar", range: "B2:B4", color: "blue" }), path)).rejects.toThrow(/Colour "blue"/);
      await expect(writeReportWorkbook(withFormat({ kind: "dataBar", range: "Sheet1!B2:B4", color: "#000000" }), path)).rejects.toThrow(
        /not an A1-style range/,
      );
      await expect(
        writeReportWorkbook(withFormat({ kind: "greaterThan", range: "C2:C4", value: NaN, fill: "FFFFFF", fontColor: "000000" }), path),
      ).rejects.toThrow(/threshold/);
      expect((await readdir(dir)).filter((name) => name.includes("never-formatted"))).toEqual([]);
    });
  });

  describe("edge cases", () => {
    const oneSheet = (blocks: readonly ReportBlock[], name = "S"): ReportWorkbook => ({
      sheets: [{ key: "s", name, columnWidths: [], texts: [], blocks, charts: [] }],
    });

    it("a table with no data rows still gets one row, and duplicate headers get unique names", async () => {
      const path = join(dir, "empty-table.xlsx");
      await writeReportWorkbook(
        oneSheet([
          { row: 0, column: 1, header: ["Kwota", "kwota", ""], columns: [{ kind: "amount" }], rows: [], table: { name: "Empty" } },
        ]),
        path,
      );
      const tableXml = await sheetXml(path, "xl/tables/table1.xml");
      expect(tableXml).toContain('ref="B1:D2"');
      expect(tableXml).toContain('name="kwota2"');
      expect(tableXml).toContain('name="Column3"');
      expect((await readWorkbookFile(path)).sheets[0]?.rows).toEqual([[null, "Kwota", "kwota2", "Column3"]]);
    });

    it("an empty sheet is a sheet with no rows", async () => {
      const path = join(dir, "empty-sheet.xlsx");
      await writeReportWorkbook({ sheets: [{ key: "e", name: "Empty", columnWidths: [], texts: [], blocks: [], charts: [] }] }, path);
      const xml = await sheetXml(path, "xl/worksheets/sheet1.xml");
      expect(xml).toContain('<dimension ref="A1"/>');
      expect(xml).toContain("<sheetData></sheetData>");
      expect((await readWorkbookFile(path)).sheets).toEqual([{ name: "Empty", rows: [], firstRow: 1, firstColumn: 1 }]);
      expect((await loadWithExcelJs(path)).getWorksheet("Empty")?.rowCount).toBe(0);
    });

    it("escapes literal _xHHHH_ so Excel reads the text back unchanged", async () => {
      const path = join(dir, "escapes.xlsx");
      await writeReportWorkbook(oneSheet([{ row: 0, column: 0, columns: [{ kind: "text" }], rows: [["_x0041_ and _x000D_"]] }]), path);
      expect((await readWorkbookFile(path)).sheets[0]?.rows).toEqual([["_x0041_ and _x000D_"]]);
    });

    it("refuses overlapping blocks, a text inside a block, a table without header, bad names", async () => {
      const path = join(dir, "never.xlsx");
      const block: ReportBlock = { row: 0, column: 0, header: ["A", "B"], columns: [], rows: [[1, 2]], table: { name: "First" } };
      await expect(writeReportWorkbook(oneSheet([block, { ...block, row: 1, column: 1, table: { name: "Second" } }]), path)).rejects.toThrow(
        /overlap/,
      );
      await expect(
        writeReportWorkbook(
          { sheets: [{ key: "s", name: "S", columnWidths: [], texts: [{ row: 1, column: 1, text: "x", role: "note" }], blocks: [block], charts: [] }] },
          path,
        ),
      ).rejects.toThrow(/inside block/);
      const { header: _header, ...headless } = block;
      await expect(writeReportWorkbook(oneSheet([headless]), path)).rejects.toThrow(/needs a header/);
      await expect(writeReportWorkbook(oneSheet([{ ...block, table: { name: "A1" } }]), path)).rejects.toThrow(/table name/);
      await expect(
        writeReportWorkbook(oneSheet([block, { ...block, row: 5, table: { name: "FIRST" } }]), path),
      ).rejects.toThrow(/Duplicate table/);
      await expect(writeReportWorkbook(oneSheet([], "Zły/arkusz"), path)).rejects.toThrow(/sheet name/);
      expect((await readdir(dir)).filter((name) => name.includes("never"))).toEqual([]);
    });

    it("refuses a number that is not finite", async () => {
      const path = join(dir, "nan.xlsx");
      await expect(writeReportWorkbook(oneSheet([{ row: 0, column: 0, columns: [{ kind: "amount" }], rows: [[NaN]] }]), path)).rejects.toThrow(
        /NaN/,
      );
    });
  });
});

describe("isValidTableName", () => {
  it.each([
    ["AgingDetail", true],
    ["_open.items", true],
    ["Należności", true],
    ["T1", false],
    ["FV2025", false],
    ["R1C1", false],
    ["r", false],
    ["C", false],
    ["Aging Detail", false],
    ["1st", false],
    ["", false],
  ])("%s → %s", (name, valid) => {
    expect(isValidTableName(name)).toBe(valid);
  });
});

describe("page breaks", () => {
  it("ends a printed page before each row the report names", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "rd-breaks-")), "breaks.xlsx");
    await writeReportWorkbook(
      {
        sheets: [
          {
            key: "statements", name: "Statements", columnWidths: [20], charts: [], pageBreaks: [0, 5, 10],
            texts: [{ row: 0, column: 0, text: "A", role: "title" }, { row: 5, column: 0, text: "B", role: "title" }, { row: 10, column: 0, text: "C", role: "title" }],
            blocks: [],
          },
        ],
      },
      file,
    );
    const xml = await (await JSZip.loadAsync(await readFile(file))).file("xl/worksheets/sheet1.xml")!.async("string");
    // Breaks after sheet rows 5 and 10: the rows before the statements at 0-based rows 5 and 10.
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => m[1])).toEqual(["5", "10"]);
  });
});

describe("sheet protection", () => {
  it("protects a sheet that asks for it, with no password, leaving sorting and filtering allowed", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "rd-protect-")), "protected.xlsx");
    const sheet = (name: string, protect: boolean): ReportSheet => ({
      key: name, name, columnWidths: [10], charts: [], blocks: [], texts: [{ row: 0, column: 0, text: name, role: "title" }],
      ...(protect ? { protect } : {}),
    });
    await writeReportWorkbook({ sheets: [sheet("Locked", true), sheet("Open", false)] }, file);
    const zip = await JSZip.loadAsync(await readFile(file));
    const locked = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const open = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const protection = /<sheetProtection [^>]*\/>/.exec(locked)?.[0] ?? "";
    expect(protection).toMatch(/sheet="1"/);
    expect(protection).not.toMatch(/password|hashValue/i);
    expect(protection).toMatch(/sort="0"/);
    expect(protection).toMatch(/autoFilter="0"/);
    expect(open).not.toMatch(/<sheetProtection/);
  });
});

describe("text escaping and the package's XML", () => {
  const awkward = [
    "Tom & Jerry <Ltd> \"quoted\" 'single'",
    "bell\u0007 and\u0001 controls\u001F dropped",
    "  padded both ends  ",
    "\ttab first",
    "line 1\nline 2",
    "windows\r\nline end",
    "=SUM(A1:A9)",
    "]]> and <![CDATA[",
    "złoty 💶 ok",
    "lone \uD800 surrogate",
    "_x0041_ stays literal",
  ];
  const expected = [
    "Tom & Jerry <Ltd> \"quoted\" 'single'",
    "bell and controls dropped",
    "  padded both ends  ",
    "\ttab first",
    "line 1\nline 2",
    "windows\r\nline end",
    "=SUM(A1:A9)",
    "]]> and <![CDATA[",
    "złoty 💶 ok",
    "lone  surrogate",
    "_x0041_ stays literal",
  ];
  const header = ["Kwota & <netto>", "Two\nlines", " spaced ", "Ctrl\u0002"];
  const sheet: ReportSheet = {
    key: "esc",
    name: "Esc & <Co>",
    columnWidths: [30, 12, 12, 12],
    texts: [{ row: 0, column: 0, text: " <title> & \"more\" ", role: "title" }],
    blocks: [
      {
        row: 2,
        column: 0,
        header,
        columns: [{ kind: "text" }, { kind: "text" }, { kind: "text" }, { kind: "text" }],
        rows: awkward.map((text, i) => [text, i, i % 2 === 0, null]),
        table: { name: "Awkward" },
      },
    ],
    charts: [],
    protect: true,
    pageBreaks: [5],
    conditionalFormats: [
      { kind: "dataBar", range: "B4:B14", color: "#5B9BD5" },
      { kind: "greaterThan", range: "B4:B14", value: 5, fill: "#FFC7CE", fontColor: "#9C0006" },
    ],
    freeze: { rows: 3, columns: 1 },
  };
  let path: string;
  beforeAll(async () => {
    path = join(dir, "escaping.xlsx");
    await writeReportWorkbook({ sheets: [sheet, summarySheet] }, path);
  });

  it("reads every text back as written, less the characters XML cannot carry", async () => {
    const texts = (rows: readonly (readonly unknown[])[]) => rows.slice(3).map((row) => row[0]);
    const data = await readWorkbookFile(path, { streaming: true });
    expect(data.sheets[0]?.name).toBe("Esc & <Co>");
    expect(data.sheets[0]?.rows[0]).toEqual([" <title> & \"more\" "]);
    expect(texts(data.sheets[0]!.rows)).toEqual(expected);
    expect(data).toEqual(await readWorkbookFile(path, { streaming: false }));

    const worksheet = (await loadWithExcelJs(path)).getWorksheet("Esc & <Co>")!;
    for (const { text, cell } of expected.map((text, i) => ({ text, cell: worksheet.getCell(i + 4, 1) }))) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
    }
    expect(worksheet.getCell("C4").value).toBe(true);
    expect(worksheet.getCell("C5").value).toBe(false);
  });

  it("keeps leading and trailing white space with xml:space=preserve, and writes no formula", async () => {
    const strings = await sheetXml(path, "xl/sharedStrings.xml");
    expect(strings).toContain('<si><t xml:space="preserve">  padded both ends  </t></si>');
    expect(strings).toContain('<si><t xml:space="preserve">\ttab first</t></si>');
    expect(strings).toContain("<si><t>Tom &amp; Jerry &lt;Ltd&gt; \"quoted\" 'single'</t></si>");
    expect(strings).toContain("<si><t>windows&#xD;\nline end</t></si>");
    expect(strings).toContain("<si><t>_x005F_x0041_ stays literal</t></si>");
    for (const control of ["\u0001", "\u0002", "\u0007", "\u001F"]) expect(strings).not.toContain(control);
    expect(await sheetXml(path, "xl/worksheets/sheet1.xml")).not.toMatch(/<f[\s>]/);
  });

  it("names the table's columns exactly as its header cells read", async () => {
    const tableXml = await sheetXml(path, "xl/tables/table1.xml");
    expect(tableXml).toContain('ref="A3:D14"');
    expect(tableXml).toContain('<autoFilter ref="A3:D14"/>');
    const names: string[] = [];
    const parser = new SaxesParser();
    parser.on("opentag", (tag) => {
      if (tag.name === "tableColumn") names.push(String(tag.attributes["name"]));
    });
    parser.write(tableXml).close();
    const headerCells = (await readWorkbookFile(path)).sheets[0]?.rows[2];
    expect(names).toEqual(["Kwota & <netto>", "Two\nlines", " spaced ", "Ctrl"]);
    expect(headerCells).toEqual(names);
  });

  it("writes every part as well-formed XML, declared in [Content_Types].xml, worksheet children in schema order", async () => {
    const zip = await JSZip.loadAsync(await readFile(path));
    const parts = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    const contentTypes = await zip.file("[Content_Types].xml")!.async("string");
    for (const part of parts) {
      const xml = await zip.file(part)!.async("string");
      const children: string[] = [];
      let depth = 0;
      const parser = new SaxesParser({ xmlns: true });
      parser.on("opentag", (tag) => {
        if (depth++ === 1) children.push(tag.local);
      });
      parser.on("closetag", () => void depth--);
      expect(() => parser.write(xml).close()).not.toThrow();
      if (!part.endsWith(".rels") && part !== "[Content_Types].xml") expect(contentTypes).toContain(`PartName="/${part}"`);
      if (part === "xl/worksheets/sheet1.xml") {
        expect(children).toEqual([
          "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetProtection", "conditionalFormatting",
          "conditionalFormatting", "pageMargins", "pageSetup", "rowBreaks", "tableParts", "extLst",
        ]);
      }
    }
    expect(await sheetXml(path, "docProps/core.xml")).toContain("<dc:creator>Receivables Desk</dc:creator>");
    expect(await sheetXml(path, "xl/worksheets/sheet1.xml")).toContain('<dimension ref="A1:D14"/>');
  });
});
