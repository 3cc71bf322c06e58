import type { CellStyle } from "../reportCellStyles";
import { StyleSheet } from "./styleSheet";

describe("StyleSheet", () => {
  it("gives each distinct style one cell format, built-in number formats by id, others declared from 164", () => {
    const styles = new StyleSheet();
    const date: CellStyle = { numFmt: "yyyy-mm-dd" };
    const header: CellStyle = {
      font: { name: "Calibri", family: 2, size: 11, bold: true, color: { argb: "FF000000" } },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
      border: { bottom: { style: "thin" } },
      alignment: { horizontal: "right" },
    };
    // No style is the default format, 0.
    expect(styles.cellFormat({})).toBe(0);
    expect(styles.cellFormat(date)).toBe(1);
    expect(styles.cellFormat(date)).toBe(1);
    // The same look from another object is the same format.
    expect(styles.cellFormat({ numFmt: "yyyy-mm-dd" })).toBe(1);
    expect(styles.cellFormat({ numFmt: "0" })).toBe(2);
    expect(styles.cellFormat({ numFmt: "@" })).toBe(3);
    expect(styles.cellFormat(header)).toBe(4);
    expect(styles.cellFormat({ numFmt: '#,##0.00 "zł"' })).toBe(5);

    const xml = styles.xml();
    expect(xml).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;zł&quot;"/></numFmts>');
    const xfs = /<cellXfs count="6">(.*)<\/cellXfs>/.exec(xml)?.[1];
    expect(xfs).toContain('<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(xfs).toContain('<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(xfs).toContain('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    expect(xfs).toContain(
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right"/></xf>',
    );
    expect(xml).toContain('<font><b/><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>');
    expect(xml).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill>');
    expect(xml).toContain("<border><left/><right/><top/><bottom style=\"thin\"/><diagonal/></border>");
  });

  it("gives each distinct conditional-format look one differential format", () => {
    const styles = new StyleSheet();
    const red = { fill: { bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } };
    expect(styles.differentialFormat(red)).toBe(0);
    expect(styles.differentialFormat({ ...red })).toBe(0);
    expect(styles.differentialFormat({ ...red, font: { color: { argb: "FF000000" } } })).toBe(1);
    expect(styles.xml()).toContain(
      '<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
    );
  });
});
