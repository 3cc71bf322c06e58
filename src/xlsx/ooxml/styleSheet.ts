import type { ConditionalFormatRule } from "../excelConditionalFormatting";
import type { CellFont, CellStyle } from "../reportCellStyles";
import { NS_MAIN, XML_DECLARATION } from "./namespaces";
import { escapeXmlAttribute } from "./xmlEscape";
import { Registry } from "./registry";

/** The look a "cell is" conditional format gives a matching cell: a differential format (`<dxf>`). */
export type DifferentialStyle = Extract<ConditionalFormatRule, { type: "cellIs" }>["style"];

/**
 * Excel's built-in number formats that reports use, by format code: a cell under one refers to its id and
 * styles.xml does not declare it. Locale-dependent built-ins (14, the short date, among them) are left out: a
 * date format is always declared, so it shows the same everywhere.
 */
const BUILT_IN_NUMBER_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["@", 49],
]);
/** The first id of a declared (custom) number format. */
const FIRST_CUSTOM_NUMBER_FORMAT = 164;

// Excel's defaults: the theme's body font, no fill, the two fills every styles.xml starts with, no border.
const DEFAULT_FONT = '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const REQUIRED_FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
const NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

/**
 * The workbook's styles part (`xl/styles.xml`), built while the sheets are written: each distinct cell style
 * becomes one cell format (`<xf>`) made of a font, a fill, a border, a number format and an alignment, each
 * declared once; each conditional format's look becomes one differential format (`<dxf>`). Cell styles are shared
 * frozen objects (ReportCellStyles), so a style is found by identity first.
 * @example const styles = new StyleSheet(); styles.cellFormat({ numFmt: "yyyy-mm-dd" })  //=> 1
 */
export class StyleSheet {
  private readonly formatOfStyle = new Map<CellStyle, number>();
  private readonly formats = new Registry([DEFAULT_XF]);
  private readonly fonts = new Registry([DEFAULT_FONT]);
  private readonly fills = new Registry(REQUIRED_FILLS);
  private readonly borders = new Registry([NO_BORDER]);
  private readonly numberFormats = new Map<string, number>();
  private nextCustomNumberFormat = FIRST_CUSTOM_NUMBER_FORMAT;
  private readonly differentialFormats = new Registry([]);

  /** The index of a cell style's `<xf>` in cellXfs (the `s` of a cell); 0 is the default look. */
  cellFormat(style: CellStyle): number {
    let index = this.formatOfStyle.get(style);
    if (index === undefined) {
      index = this.formats.indexOf(this.xf(style));
      this.formatOfStyle.set(style, index);
    }
    return index;
  }

  /** The index of a conditional format's `<dxf>` (the `dxfId` of its rule). */
  differentialFormat(style: DifferentialStyle): number {
    return this.differentialFormats.indexOf(
      `<dxf><font><color rgb="${escapeXmlAttribute(style.font.color.argb)}"/></font>` +
        `<fill><patternFill patternType="solid"><bgColor rgb="${escapeXmlAttribute(style.fill.bgColor.argb)}"/></patternFill></fill></dxf>`,
    );
  }

  /** The part, once every sheet has asked for its formats. */
  xml(): string {
    const customFormats = [...this.numberFormats].filter(([, id]) => id >= FIRST_CUSTOM_NUMBER_FORMAT);
    const numFmts =
      customFormats.length === 0
        ? ""
        : `<numFmts count="${customFormats.length}">` +
          customFormats.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXmlAttribute(code)}"/>`).join("") +
          "</numFmts>";
    const list = (name: string, registry: Registry) => `<${name} count="${registry.items.length}">${registry.items.join("")}</${name}>`;
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      list("cellXfs", this.formats) +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      list("dxfs", this.differentialFormats) +
      `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `</styleSheet>`
    );
  }

  private xf(style: CellStyle): string {
    const numFmtId = style.numFmt === undefined ? 0 : this.numberFormat(style.numFmt);
    const fontId = style.font === undefined ? 0 : this.fonts.indexOf(fontXml(style.font));
    const fillId =
      style.fill === undefined
        ? 0
        : this.fills.indexOf(`<fill><patternFill patternType="solid"><fgColor rgb="${escapeXmlAttribute(style.fill.fgColor.argb)}"/></patternFill></fill>`);
    const border = style.border;
    const edge = (name: string, line: { style: string } | undefined) => (line === undefined ? `<${name}/>` : `<${name} style="${line.style}"/>`);
    const borderId =
      border === undefined ? 0 : this.borders.indexOf(`<border><left/><right/>${edge("top", border.top)}${edge("bottom", border.bottom)}<diagonal/></border>`);
    const applied =
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : "") +
      (fontId !== 0 ? ' applyFont="1"' : "") +
      (fillId !== 0 ? ' applyFill="1"' : "") +
      (borderId !== 0 ? ' applyBorder="1"' : "") +
      (style.alignment !== undefined ? ' applyAlignment="1"' : "");
    const ids = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return style.alignment === undefined ? `<xf ${ids}/>` : `<xf ${ids}><alignment horizontal="${style.alignment.horizontal}"/></xf>`;
  }

  private numberFormat(code: string): number {
    let id = BUILT_IN_NUMBER_FORMATS.get(code) ?? this.numberFormats.get(code);
    if (id === undefined) id = this.nextCustomNumberFormat++;
    this.numberFormats.set(code, id);
    return id;
  }
}

/** `<font>`: its children in the order Excel writes them. */
function fontXml(font: CellFont): string {
  return (
    "<font>" +
    (font.bold === true ? "<b/>" : "") +
    (font.italic === true ? "<i/>" : "") +
    `<sz val="${font.size}"/>` +
    (font.color !== undefined ? `<color rgb="${escapeXmlAttribute(font.color.argb)}"/>` : "") +
    `<name val="${escapeXmlAttribute(font.name)}"/><family val="${font.family}"/>` +
    "</font>"
  );
}
