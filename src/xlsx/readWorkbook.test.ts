import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WorkbookData } from "../engine/port";
import { readWorkbookFile } from "./readWorkbook";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rd-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readBothWays(path: string): Promise<WorkbookData> {
  const inMemory = await readWorkbookFile(path, { streaming: false });
  const streamed = await readWorkbookFile(path, { streaming: true });
  expect(streamed).toEqual(inMemory);
  return inMemory;
}

/** Rewrites one part of an .xlsx (for what ExcelJS will not write itself). */
async function patchPart(path: string, part: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const file = zip.file(part);
  if (file === null) throw new Error(`no ${part}`);
  zip.file(part, edit(await file.async("string")));
  await writeFile(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** A ledger with everything a reader has to normalize, written by ExcelJS in the 1900 or 1904 system. */
async function writeAwkwardLedger(path: string, date1904: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  // Sheet order is the workbook's, not alphabetical.
  const ledger = workbook.addWorksheet("Zapisy");
  ledger.addRow(["Nr", "Kontrahent", "Termin", "Kwota", "Uwagi"]);
  ledger.addRow(["007", "  ACME Sp. z o.o. ", 45688, 1234.56, null]);
  ledger.getCell("C2").numFmt = "yyyy-mm-dd";
  ledger.addRow(["FV/2", "Beta", 45688.5, -0.01, true]);
  ledger.getCell("C3").numFmt = "yyyy-mm-dd hh:mm";
  // Formulas with cached results of every type, and one without.
  ledger.getCell("A4").value = { formula: "A2&\"x\"", result: "007x" };
  ledger.getCell("B4").value = { formula: "NA()", result: { error: "#N/A" } };
  ledger.getCell("C4").value = { formula: "C2+30", result: 45718 };
  ledger.getCell("C4").numFmt = "dd.mm.yyyy";
  ledger.getCell("D4").value = { formula: "D2*2", result: 2469.12 };
  ledger.getCell("E4").value = { formula: "D2>0", result: true };
  ledger.getCell("F4").value = { formula: "D2/0" };
  ledger.fillFormula("G2:G4", "D2*100", [123456, -1, 246912]);
  // Rich text, a hyperlink, an error value, a merged title.
  ledger.getCell("A6").value = { richText: [{ text: "Zap", font: { bold: true } }, { text: "łata " }, { text: "częściowa" }] };
  ledger.getCell("B6").value = { text: "faktura.pdf", hyperlink: "https://example.com/f.pdf" };
  ledger.getCell("C6").value = { error: "#REF!" };
  ledger.getCell("A8").value = "Razem";
  ledger.mergeCells("A8:C9");
  ledger.getCell("D8").value = 2468.11;

  const second = workbook.addWorksheet("Alfa");
  second.getCell("C5").value = "odległa komórka";
  second.getCell("B3").value = 0;
  workbook.addWorksheet("Pusty");
  await workbook.xlsx.writeFile(path);
}

describe("readWorkbookFile", () => {
  it("normalizes every kind of cell, the same in memory and streaming", async () => {
    const path = join(dir, "awkward.xlsx");
    await writeAwkwardLedger(path, false);
    const data = await readBothWays(path);

    expect(data.date1904).toBe(false);
    expect(data.sheets.map((s) => s.name)).toEqual(["Zapisy", "Alfa", "Pusty"]);
    const [ledger, second, empty] = data.sheets;
    expect(ledger?.firstRow).toBe(1);
    expect(ledger?.firstColumn).toBe(1);
    expect(ledger?.rows).toEqual([
      ["Nr", "Kontrahent", "Termin", "Kwota", "Uwagi"],
      ["007", "  ACME Sp. z o.o. ", 45688, 1234.56, null, null, 123456],
      ["FV/2", "Beta", 45688.5, -0.01, true, null, -1],
      ["007x", { error: "#N/A" }, 45718, 2469.12, true, null, 246912],
      [],
      ["Zapłata częściowa", "faktura.pdf", { error: "#REF!" }],
      [],
      ["Razem", null, null, 2468.11],
    ]);
    expect(second?.rows).toEqual([[], [], [null, 0], [], [null, null, "odległa komórka"]]);
    expect(empty?.rows).toEqual([]);
  });

  it("reads serials in the 1904 system of a 1904 workbook", async () => {
    const path = join(dir, "mac.xlsx");
    await writeAwkwardLedger(path, true);
    const data = await readBothWays(path);
    expect(data.date1904).toBe(true);
    const ledger = data.sheets[0];
    // The serials stored in the file, not shifted to the 1900 system.
    expect(ledger?.rows[1]?.[2]).toBe(45688);
    expect(ledger?.rows[2]?.[2]).toBe(45688.5);
    expect(ledger?.rows[3]?.[2]).toBe(45718);
    const xml = await (await JSZip.loadAsync(await readFile(path))).file("xl/worksheets/sheet1.xml")?.async("string");
    expect(xml).toContain('<c r="C2" s="1"><v>45688</v></c>');
  });

  it("writes dates given as JS Dates into the workbook's own system, and reads the serial back", async () => {
    const path = join(dir, "dates1904.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("D");
    sheet.getCell("A1").value = new Date(Date.UTC(2025, 0, 31));
    sheet.getCell("A2").value = new Date(Date.UTC(1904, 0, 1, 6));
    await workbook.xlsx.writeFile(path);
    const data = await readBothWays(path);
    expect(data.sheets[0]?.rows).toEqual([[45688 - 1462], [0.25]]);
  });

  describe("edge cases", () => {
    it('takes date1904="true" (LibreOffice) as the 1904 system, which ExcelJS alone would miss', async () => {
      const path = join(dir, "libreoffice1904.xlsx");
      await writeAwkwardLedger(path, true);
      await patchPart(path, "xl/workbook.xml", (xml) => xml.replace('date1904="1"', 'date1904="true"'));
      const data = await readBothWays(path);
      expect(data.date1904).toBe(true);
      expect(data.sheets[0]?.rows[1]?.[2]).toBe(45688);
    });

    it("reports only the top-left value of a merged range even when a covered cell holds one", async () => {
      const path = join(dir, "merged.xlsx");
      await writeAwkwardLedger(path, false);
      await patchPart(path, "xl/worksheets/sheet1.xml", (xml) =>
        xml.replace(/<c r="B8"( s="\d+")?\/>/, '<c r="B8" t="inlineStr"><is><t>stale</t></is></c>'),
      );
      const xml = await (await JSZip.loadAsync(await readFile(path))).file("xl/worksheets/sheet1.xml")?.async("string");
      expect(xml).toContain("stale");
      const data = await readBothWays(path);
      expect(data.sheets[0]?.rows[7]).toEqual(["Razem", null, null, 2468.11]);
    });

    it("keeps strings exactly, escapes and whitespace included", async () => {
      const path = join(dir, "strings.xlsx");
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("S");
      const texts = ["0012", " lead", "trail ", "a\nb", "=SUM(A1)", "1 234,56", "Zażółć gęślą jaźń", "<&>\"'"];
      texts.forEach((text, i) => (sheet.getCell(i + 1, 1).value = text));
      sheet.getCell("B1").value = "";
      await workbook.xlsx.writeFile(path);
      const data = await readBothWays(path);
      expect(data.sheets[0]?.rows).toEqual(texts.map((text) => [text]));
    });

    it("reads inline strings, multi-run inline rich text and an empty formula text result", async () => {
      const path = join(dir, "inline.xlsx");
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("I");
      sheet.getCell("A1").value = "placeholder";
      sheet.getCell("B1").value = 1;
      sheet.getCell("C1").value = 1;
      await workbook.xlsx.writeFile(path);
      await patchPart(path, "xl/worksheets/sheet1.xml", (xml) =>
        xml
          .replace(/<c r="A1"[^>]*>.*?<\/c>/, '<c r="A1" t="inlineStr"><is><r><t>Fak</t></r><r><t xml:space="preserve">tura </t></r><r><t>1</t></r></is></c>')
          .replace(/<c r="B1"[^>]*>.*?<\/c>/, '<c r="B1" t="str"><f>IF(TRUE,"","x")</f><v></v></c>')
          .replace(/<c r="C1"[^>]*>.*?<\/c>/, '<c r="C1" t="b"><v>0</v></c>'),
      );
      const data = await readBothWays(path);
      expect(data.sheets[0]?.rows).toEqual([["Faktura 1", null, false]]);
    });

    it("reads with the streaming reader unless told, without loading ExcelJS, which only a fallback or streaming: false loads", async () => {
      const path = join(dir, "small.xlsx");
      await writeAwkwardLedger(path, false);
      expect(await readWorkbookFile(path)).toEqual(await readWorkbookFile(path, { streaming: true }));
      // A fresh module registry, in which requiring exceljs is counted.
      let exceljsLoads = 0;
      await jest.isolateModulesAsync(async () => {
        jest.doMock("exceljs", () => {
          exceljsLoads++;
          return jest.requireActual("exceljs");
        });
        const isolated = await import("./readWorkbook");
        await isolated.readWorkbookFile(path);
        expect(exceljsLoads).toBe(0);
        await isolated.readWorkbookFile(path, { streaming: false });
        expect(exceljsLoads).toBe(1);
      });
    });

    it("falls back to ExcelJS when the streaming reader refuses a file ExcelJS reads (a wrong CRC-32, which JSZip ignores)", async () => {
      const path = join(dir, "bad-crc.xlsx");
      await writeAwkwardLedger(path, false);
      const bytes = await readFile(path);
      // The CRC-32 field of the sheet's central directory entry.
      const name = Buffer.from("xl/worksheets/sheet1.xml");
      let header = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      while (header >= 0 && !bytes.subarray(header + 46, header + 46 + name.length).equals(name)) {
        header = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), header - 1);
      }
      expect(header).toBeGreaterThan(0);
      bytes.writeUInt32LE((bytes.readUInt32LE(header + 16) ^ 1) >>> 0, header + 16);
      await writeFile(path, bytes);
      await expect(readWorkbookFile(path, { streaming: true })).rejects.toThrow("CRC-32 does not match");
      const inMemory = await readWorkbookFile(path, { streaming: false });
      expect(await readWorkbookFile(path)).toEqual(inMemory);
      expect(inMemory.sheets[0]?.rows[1]).toEqual(["007", "  ACME Sp. z o.o. ", 45688, 1234.56, null, null, 123456]);
    });

    it("reads a workbook whose styles ExcelJS's model cannot load (the streaming reader never reads styles)", async () => {
      const path = join(dir, "broken-styles.xlsx");
      await writeAwkwardLedger(path, false);
      await patchPart(path, "xl/styles.xml", (xml) => xml.replace("<cellXfs", "<cellXfs <<"));
      await expect(readWorkbookFile(path, { streaming: false })).rejects.toThrow();
      const data = await readWorkbookFile(path);
      expect(data.sheets[0]?.rows[1]).toEqual(["007", "  ACME Sp. z o.o. ", 45688, 1234.56, null, null, 123456]);
    });

    /** A one-sheet workbook whose <sheetData> is `sheetData`. */
    async function handWrittenSheet(name: string, sheetData: string): Promise<string> {
      const path = join(dir, name);
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("H").getCell("A1").value = "placeholder";
      await workbook.xlsx.writeFile(path);
      await patchPart(path, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<sheetData>.*<\/sheetData>/s, sheetData));
      return path;
    }

    it("reads entities, exponents and pretty-printed XML as ExcelJS does", async () => {
      const path = await handWrittenSheet(
        "hand-written.xlsx",
        '<sheetData>\n  <row r="1">\n    <c r="A1" t="inlineStr"><is><t>Fak &amp; co</t></is></c>\n' +
          '    <c r="C1" t="str"><f>A1</f><v>R&amp;D &#x41;</v></c>\n  </row>\n' +
          '  <row r="2">\n    <c r="C2"><v>-0.5</v></c>\n    <c r="D2"><v>1E3</v></c>\n  </row>\n</sheetData>',
      );
      const data = await readBothWays(path);
      expect(data.sheets[0]?.rows).toEqual([
        ["Fak & co", null, "R&D A"],
        [null, null, -0.5, 1000],
      ]);
    });

    it("reads a CDATA value and an inline string with a phonetic run, where ExcelJS's model loses the cell", async () => {
      const path = await handWrittenSheet(
        "cdata-and-phonetic.xlsx",
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>' +
          '<c r="B1"><v><![CDATA[42]]></v></c></row></sheetData>',
      );
      expect((await readWorkbookFile(path, { streaming: false })).sheets[0]?.rows).not.toEqual([["漢字", 42]]);
      expect((await readWorkbookFile(path)).sheets[0]?.rows).toEqual([["漢字", 42]]);
    });

    it("places cells and rows without r after the previous ones, which ExcelJS's model cannot read at all", async () => {
      const path = await handWrittenSheet(
        "no-references.xlsx",
        '<sheetData><row><c t="inlineStr"><is><t>Nr</t></is></c><c><v>1</v></c></row><row/>' +
          '<row><c r="B3"><v>2</v></c><c><v>3</v></c></row></sheetData>',
      );
      await expect(readWorkbookFile(path, { streaming: false })).rejects.toThrow();
      expect((await readWorkbookFile(path)).sheets[0]?.rows).toEqual([["Nr", 1], [], [null, 2, 3]]);
    });

    it("rejects a file that is not a workbook, saying so", async () => {
      const path = join(dir, "not.xlsx");
      await writeFile(path, "Nr;Kwota\n1;2\n");
      await expect(readWorkbookFile(path, { streaming: false })).rejects.toThrow();
      await expect(readWorkbookFile(path, { streaming: true })).rejects.toThrow("not a zip package");
      // ExcelJS fails too; the streaming reader's error is the one reported.
      await expect(readWorkbookFile(path)).rejects.toThrow("The file is not an .xlsx workbook: it is not a zip package");
    });
  });
});
