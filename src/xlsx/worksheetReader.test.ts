import fc from "fast-check";
import type { CellValue } from "../engine/port";
import { SharedStringsReader } from "./sharedStringsReader";
import { WorksheetReader } from "./worksheetReader";
import { worksheetXmlArbitrary } from "./worksheetXmlFixture";
import { scanXmlChunks } from "./xml";

interface ReadOptions {
  /** false: tag by tag only. */
  readonly wholeElements?: boolean;
  /** Cut the bytes into pieces of this size (all in one when absent). */
  readonly pieceBytes?: number;
  readonly date1904?: boolean;
}

function pieces(xml: string, pieceBytes: number | undefined): Buffer[] {
  const bytes = Buffer.from(xml, "utf8");
  if (pieceBytes === undefined) return [bytes];
  const cut: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += pieceBytes) cut.push(bytes.subarray(at, at + pieceBytes));
  return cut;
}

function sheetRows(xml: string, sharedStrings: readonly string[] = [], options: ReadOptions = {}): ReadonlyArray<readonly CellValue[]> {
  const reader = new WorksheetReader("S", sharedStrings, options.date1904 ?? false, options.wholeElements ?? true);
  scanXmlChunks(pieces(xml, options.pieceBytes), reader);
  return reader.build().rows;
}

function sharedStrings(xml: string, options: ReadOptions = {}): string[] {
  const reader = new SharedStringsReader(options.wholeElements ?? true);
  scanXmlChunks(pieces(xml, options.pieceBytes), reader);
  return reader.strings;
}

const sheet = (sheetData: string, after = "") => `<worksheet xmlns="urn:main"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

/** Both paths (whole elements and tag by tag) must give `expected`. */
function expectRows(xml: string, expected: ReadonlyArray<readonly CellValue[]>, strings: readonly string[] = []): void {
  expect(sheetRows(xml, strings)).toEqual(expected);
  expect(sheetRows(xml, strings, { wholeElements: false })).toEqual(expected);
}

describe("WorksheetReader", () => {
  it("reads numbers, shared strings, booleans, errors, text results and ISO dates by their type", () => {
    expectRows(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>3641.09</v></c><c r="C1" t="n"><v>-0.01</v></c>' +
          '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><v>007</v></c>' +
          '<c r="G1" t="d"><v>2025-01-31T12:00:00</v></c><c r="H1" t="weird"><v>5</v></c></row>',
      ),
      [["Beta", 3641.09, -0.01, true, { error: "#N/A" }, "007", 45688.5, 5]],
      ["Alfa", "Beta"],
    );
  });

  it("gives a formula its cached result, and null without one", () => {
    expectRows(
      sheet(
        '<row r="1"><c r="A1"><f>B1*2</f><v>4</v></c><c r="B1"><f>NA()</f></c><c r="C1" t="e"><f>NA()</f><v>#N/A</v></c>' +
          '<c r="D1" t="str"><f>IF(TRUE,"","x")</f><v></v></c><c r="E1" t="b"><f>TRUE</f><v>1</v></c>' +
          '<c r="F1"><f t="shared" si="0"/><v>8</v></c><c r="G1" t="s"><f>A1</f><v>12</v></c></row>',
      ),
      [[4, null, { error: "#N/A" }, null, true, 8, 12]],
    );
  });

  it("places cells without r after the previous one, and rows without r after the previous row", () => {
    expectRows(
      sheet('<row r="2"><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row><row/><row><c><v>7</v></c></row>'),
      [[], [1, 2, null, null, 5, 6], [], [7]],
    );
  });

  it("reads inline strings: one run, rich runs, preserved spaces, without phonetic runs, _xHHHH_ escapes decoded", () => {
    expectRows(
      sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Fak</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><r><t>Fak</t></r><r><rPr><b/></rPr><t xml:space="preserve">tura </t></r></is></c>' +
          '<c r="C1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>' +
          '<c r="D1" t="inlineStr"><is><t>a_x000D_b &amp; c</t></is></c><c r="E1" t="inlineStr"><is><t></t></is></c></row>',
      ),
      [["Fak", "Faktura ", "漢字", "a\rb & c"]],
    );
  });

  it("reads a workbook written with an x: prefix on every element", () => {
    const xml =
      '<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>' +
      '<x:c r="B1" t="inlineStr"><x:is><x:t>in</x:t></x:is></x:c><x:c r="C1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>';
    expectRows(xml, [["Alfa", "in"]], ["Alfa"]);
  });

  it("keeps only the top-left value of a merged range", () => {
    expectRows(
      sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="C2"><v>4</v></c></row>', '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>'),
      [[1], [null, null, 4]],
    );
  });

  describe("edge cases", () => {
    it("takes numbers as parseFloat does: -0, exponents, blanks, leading zeros, too many digits, not a number", () => {
      const values = ["-0", "1E3", " 12 ", "007", "1.", ".5", "123456789012345678", "0.1", "abc", "Infinity", "1&#48;", "<![CDATA[42]]>"];
      const xml = sheet(`<row r="1">${values.map((v, i) => `<c r="${"ABCDEFGHIJKL"[i]}1"><v>${v}</v></c>`).join("")}</row>`);
      const expected = [-0, 1000, 12, 7, 1, 0.5, 123456789012345680, 0.1, null, null, 10, 42];
      expectRows(xml, [expected]);
      expect(Object.is(sheetRows(xml)[0]?.[0], -0)).toBe(true);
    });

    it("looks shared strings up as parseInt does, and gives null past the table", () => {
      expectRows(sheet('<row r="1"><c t="s"><v>1.5</v></c><c t="s"><v>-0</v></c><c t="s"><v>9</v></c><c t="s"><v>0</v></c></row>'), [["B", "A", null, "A"]], ["A", "B"]);
    });

    it("reads pretty-printed XML with blanks between the elements", () => {
      expectRows(sheet('\n  <row r="1">\n    <c r="A1" t="s">\n      <v>0</v>\n    </c>\n    <c r="B1">\r\n\t<f>1</f>\n<v> 2</v></c>\n  </row>\n'), [["A", 2]], ["A"]);
    });

    it("gives the same rows wherever the bytes are cut", () => {
      const xml = sheet(
        '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Zażółć</t></is></c><c r="C1"><f>SUM(A1:B1)&amp;"x"</f><v>3.5</v></c></row>' +
          '<row r="2"><c r="A2" t="str"><v>a &amp; b</v></c></row>',
      );
      const expected = [["A", "Zażółć", 3.5], ["a & b"]];
      for (let pieceBytes = 1; pieceBytes <= 40; pieceBytes++) {
        expect({ pieceBytes, rows: sheetRows(xml, ["A"], { pieceBytes }) }).toEqual({ pieceBytes, rows: expected });
      }
    });

    it("whole elements and tag by tag read any generated sheet the same, however it is cut", () => {
      fc.assert(
        fc.property(worksheetXmlArbitrary, fc.integer({ min: 1, max: 64 }), fc.boolean(), ({ xml, sharedStrings: strings }, pieceBytes, date1904) => {
          const tagByTag = sheetRows(xml, strings, { wholeElements: false, date1904 });
          expect(sheetRows(xml, strings, { date1904 })).toEqual(tagByTag);
          expect(sheetRows(xml, strings, { pieceBytes, date1904 })).toEqual(tagByTag);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe("SharedStringsReader", () => {
  const sst = (items: string) => `<?xml version="1.0"?><sst xmlns="urn:main" count="9">${items}</sst>`;

  it("reads plain, preserved and rich items, leaving out phonetic runs and decoding _xHHHH_ escapes", () => {
    const xml = sst(
      '<si><t>Faktura</t></si><si><t xml:space="preserve"> lead</t></si>' +
        '<si><r><t>Zap</t></r><r><rPr><b/></rPr><t>łata</t></r></si>' +
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
        "<si><t>a_x000D_b&amp;&#x41;</t></si><si/><si><t/></si><si><t><![CDATA[<raw>]]></t></si>",
    );
    const expected = ["Faktura", " lead", "Zapłata", "漢字", "a\rb&A", "", "", "<raw>"];
    expect(sharedStrings(xml)).toEqual(expected);
    expect(sharedStrings(xml, { wholeElements: false })).toEqual(expected);
    for (let pieceBytes = 1; pieceBytes <= 30; pieceBytes++) expect(sharedStrings(xml, { pieceBytes })).toEqual(expected);
  });

  it("reads a table written with an x: prefix", () => {
    expect(sharedStrings('<x:sst xmlns:x="urn:main"><x:si><x:t>A</x:t></x:si><x:si><x:r><x:t>B</x:t></x:r></x:si></x:sst>')).toEqual(["A", "B"]);
  });
});
