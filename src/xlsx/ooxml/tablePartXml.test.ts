import { tablePartXml } from "./tablePartXml";

describe("tablePartXml", () => {
  it("spans the header and the data rows, one column per header cell, TableStyleMedium2 with row stripes", () => {
    const xml = tablePartXml({ name: "ArAging", row: 3, column: 1, columnNames: ["Customer", "Kwota & VAT", "Dni"], dataRows: 2 }, 7);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="7" name="ArAging" displayName="ArAging" ref="B4:D6" totalsRowShown="0">' +
        '<autoFilter ref="B4:D6"/>' +
        '<tableColumns count="3"><tableColumn id="1" name="Customer"/><tableColumn id="2" name="Kwota &amp; VAT"/><tableColumn id="3" name="Dni"/></tableColumns>' +
        '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
        "</table>",
    );
  });

  describe("edge cases", () => {
    it("a one-column table over one (blank) data row; a header with a line break keeps it", () => {
      const xml = tablePartXml({ name: "Empty", row: 0, column: 27, columnNames: ["Two\nlines"], dataRows: 1 }, 1);
      expect(xml).toContain('ref="AB1:AB2"');
      expect(xml).toContain('<tableColumn id="1" name="Two&#xA;lines"/>');
    });
  });
});
