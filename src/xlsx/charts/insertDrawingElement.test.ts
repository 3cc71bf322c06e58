import { insertDrawingElement } from "./insertDrawingElement";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const sheet = (children: string, root = `<worksheet ${NS} ${NS_R}>`) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}${children}</worksheet>`;

describe("insertDrawingElement", () => {
  it("goes after pageMargins and pageSetup, before tableParts and the sheet's extLst", () => {
    const xml = sheet(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
        '<conditionalFormatting sqref="A1"><cfRule type="dataBar" priority="1"><dataBar/>' +
        "<extLst><ext><x14:id>{1}</x14:id></ext></extLst></cfRule></conditionalFormatting>" +
        '<pageMargins left="0.7"/><pageSetup orientation="landscape"/>' +
        '<tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst><ext uri="{78C0D931}"/></extLst>',
    );
    expect(insertDrawingElement(xml, "rId2")).toBe(
      xml.replace('<tableParts count="1">', '<drawing r:id="rId2"/><tableParts count="1">'),
    );
  });

  it("goes before legacyDrawing, and at the end when nothing must follow it", () => {
    const withComments = sheet('<sheetData/><pageMargins left="0.7"/><legacyDrawing r:id="rId1"/>');
    expect(insertDrawingElement(withComments, "rId2")).toContain('<drawing r:id="rId2"/><legacyDrawing r:id="rId1"/>');
    const plain = sheet('<sheetData/><pageMargins left="0.7"/><pageSetup orientation="portrait"/><headerFooter/>');
    expect(insertDrawingElement(plain, "rId1")).toBe(plain.replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>'));
  });

  describe("edge cases", () => {
    it("ignores look-alikes inside the sheet data: a row's extLst, text and attributes holding '<' or '>'", () => {
      const xml = sheet(
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;extLst&gt; a &gt; b</t></is></c><extLst/></row></sheetData>' +
          '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;"x&gt;"</formula></cfRule></conditionalFormatting>' +
          '<headerFooter><oddHeader title="a > b">&amp;L&lt;tableParts&gt;</oddHeader></headerFooter><!-- <extLst/> -->',
      );
      expect(insertDrawingElement(xml, "rId1")).toBe(xml.replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>'));
    });

    it("uses the sheet's own prefixes, and declares the relationships namespace when the root does not", () => {
      const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/><x:tableParts count="0"/></x:worksheet>`;
      expect(insertDrawingElement(prefixed, "rId3")).toContain('<x:sheetData/><x:drawing rel:id="rId3"/><x:tableParts');
      const bare = sheet("<sheetData/>", `<worksheet ${NS}>`);
      expect(insertDrawingElement(bare, "rId1")).toContain(
        '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>',
      );
    });

    it("refuses a sheet that has a drawing already, and a part that is not a worksheet", () => {
      expect(() => insertDrawingElement(sheet('<sheetData/><drawing r:id="rId1"/>'), "rId2")).toThrow(/drawing already/);
      expect(() => insertDrawingElement("<chartsheet/>", "rId1")).toThrow(/Not a worksheet/);
      expect(() => insertDrawingElement(`<worksheet ${NS}><sheetData>`, "rId1")).toThrow(/Malformed/);
    });
  });
});
