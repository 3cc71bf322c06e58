import type { ConditionalFormatRule, ConditionalFormatValue, ExcelConditionalFormat } from "../excelConditionalFormatting";
import { columnLetter } from "../../engine/tables/columnLetter";
import { cellName, type SheetPlan } from "../planReportSheet";
import { NS_MAIN, NS_R, NS_X14, NS_XM, XML_DECLARATION } from "./namespaces";
import type { SharedStrings } from "./sharedStrings";
import type { StyleSheet } from "./styleSheet";
import { escapeXmlAttribute, escapeXmlText } from "./xmlEscape";

/** What a worksheet part refers to outside itself. */
export interface WorksheetLinks {
  /** Relationship ids of the sheet's tables, in the plan's order. */
  readonly tableRelationshipIds: readonly string[];
  /** Relationship id of the sheet's drawing (its charts), or null. */
  readonly drawingRelationshipId: string | null;
  /** The sheet shown when the workbook opens (the first). */
  readonly selected: boolean;
  /** The sheet's number in the workbook (1, 2, …): its data bars' ids are made from it. */
  readonly sheetNumber: number;
}

/** A data bar's Excel 2010 part, written in the sheet's extLst and found by the id its rule carries. */
interface DataBarExtension {
  readonly id: string;
  readonly ref: string;
  readonly cfvo: readonly ConditionalFormatValue[];
}

/** Characters of row XML gathered before handing a chunk on. */
const ROWS_CHUNK_CHARS = 1 << 14;
/** The last column (XFD), for a row break across the whole sheet. */
const LAST_COLUMN_INDEX = 16383;
// The x14 extensions that carry Excel 2010's solid data bar.
const EXT_DATA_BAR_RULE = "{B025F937-C7B1-47D3-B67F-A62EFF666E3E}";
const EXT_CONDITIONAL_FORMATTINGS = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";

/**
 * A worksheet part (`xl/worksheets/sheetN.xml`), in chunks: the rows are streamed from the plan, one chunk per
 * few hundred rows, so a sheet's XML is never held whole. Children follow CT_Worksheet's sequence (ECMA-376
 * Part 1, §18.3.1.99), which Excel enforces: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData,
 * sheetProtection, conditionalFormatting, pageMargins, pageSetup, rowBreaks, drawing, tableParts, extLst.
 *
 * Cells: a string is always a shared-string cell (`t="s"`), never a formula, whatever it starts with; a number
 * (a date is its serial, under a date format) is a plain value; a boolean is `t="b"`; an empty cell with a style
 * (a total row's border) is a styled cell with no value. Styles and strings are registered as the rows pass: the
 * styles and shared strings parts are written after the sheets.
 */
export function* worksheetXml(plan: SheetPlan, links: WorksheetLinks, styles: StyleSheet, strings: SharedStrings): Generator<string> {
  yield worksheetHead(plan, links);

  const columns: string[] = [];
  const styleAttributes: string[] = [];
  let chunk = "";
  for (const { row, cells } of plan.rows()) {
    const rowNumber = row + 1;
    let xml = `<row r="${rowNumber}">`;
    for (const { column, value, style } of cells) {
      const reference = (columns[column] ??= columnLetter(column + 1)) + rowNumber;
      const format = styles.cellFormat(style);
      const s = (styleAttributes[format] ??= format === 0 ? "" : ` s="${format}"`);
      if (typeof value === "string") xml += `<c r="${reference}"${s} t="s"><v>${strings.indexOf(value)}</v></c>`;
      else if (typeof value === "number") xml += `<c r="${reference}"${s}><v>${value}</v></c>`;
      else if (typeof value === "boolean") xml += `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
      else xml += `<c r="${reference}"${s}/>`;
    }
    chunk += `${xml}</row>`;
    if (chunk.length >= ROWS_CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + "</sheetData>" + worksheetTail(plan, links, styles);
}

function worksheetHead(plan: SheetPlan, links: WorksheetLinks): string {
  const range = plan.usedRange;
  const dimension = range === null ? "A1" : range.top === range.bottom && range.left === range.right ? cellName(range.top, range.left) : `${cellName(range.top, range.left)}:${cellName(range.bottom, range.right)}`;
  return (
    `${XML_DECLARATION}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    (plan.pageSetup.fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews>${sheetView(links.selected, frozenPane(plan.freeze))}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columnsXml(plan.columnWidths) +
    "<sheetData>"
  );
}

function sheetView(selected: boolean, pane: string): string {
  const attributes = `${selected ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  return pane === "" ? `<sheetView${attributes}/>` : `<sheetView${attributes}>${pane}</sheetView>`;
}

/** Frozen rows and columns: the pane below and right of them scrolls, and the cursor starts there. */
function frozenPane(freeze: SheetPlan["freeze"]): string {
  if (freeze === null) return "";
  const { rows, columns } = freeze;
  const topLeft = cellName(rows, columns);
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<pane${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

/** Column widths in characters; neighbours of the same width share one `<col>`, a width of 0 is the default. */
function columnsXml(widths: readonly number[]): string {
  let xml = "";
  for (let first = 0; first < widths.length; ) {
    const width = widths[first]!;
    let last = first;
    while (last + 1 < widths.length && widths[last + 1] === width) last++;
    if (width > 0 && Number.isFinite(width)) xml += `<col min="${first + 1}" max="${last + 1}" width="${width}" customWidth="1"/>`;
    first = last + 1;
  }
  return xml === "" ? "" : `<cols>${xml}</cols>`;
}

function worksheetTail(plan: SheetPlan, links: WorksheetLinks, styles: StyleSheet): string {
  // A data bar's rule and its x14 extension meet by an id unique in the workbook.
  const dataBars: DataBarExtension[] = [];
  const conditionalFormats = plan.conditionalFormats.map((format) => conditionalFormattingXml(format, styles, dataBars, links.sheetNumber)).join("");
  const { pageSetup } = plan;
  const breaks = plan.pageBreaksAfter;
  return (
    // Protection without a password: selecting, sorting, filtering and formatting columns and rows stay allowed.
    (plan.protect ? '<sheetProtection sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>' : "") +
    conditionalFormats +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup orientation="${pageSetup.orientation}"` +
    (pageSetup.fitToPage ? ` fitToWidth="${pageSetup.fitToWidth ?? 1}" fitToHeight="${pageSetup.fitToHeight ?? 0}"` : "") +
    "/>" +
    (breaks.length === 0
      ? ""
      : `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((row) => `<brk id="${row}" max="${LAST_COLUMN_INDEX}" man="1"/>`).join("") +
        "</rowBreaks>") +
    (links.drawingRelationshipId === null ? "" : `<drawing r:id="${links.drawingRelationshipId}"/>`) +
    (links.tableRelationshipIds.length === 0
      ? ""
      : `<tableParts count="${links.tableRelationshipIds.length}">` +
        links.tableRelationshipIds.map((id) => `<tablePart r:id="${id}"/>`).join("") +
        "</tableParts>") +
    dataBarExtensions(dataBars) +
    "</worksheet>"
  );
}

function conditionalFormattingXml(format: ExcelConditionalFormat, styles: StyleSheet, dataBars: DataBarExtension[], sheetNumber: number): string {
  const rules = format.rules.map((rule) => ruleXml(rule, format.ref, styles, dataBars, sheetNumber)).join("");
  return `<conditionalFormatting sqref="${escapeXmlAttribute(format.ref)}">${rules}</conditionalFormatting>`;
}

function ruleXml(rule: ConditionalFormatRule, ref: string, styles: StyleSheet, dataBars: DataBarExtension[], sheetNumber: number): string {
  switch (rule.type) {
    case "dataBar": {
      const id = dataBarId(sheetNumber, dataBars.length + 1);
      dataBars.push({ id, ref, cfvo: rule.cfvo });
      return (
        `<cfRule type="dataBar" priority="${rule.priority}"><dataBar>${rule.cfvo.map((value) => cfvoXml(value)).join("")}` +
        `<color rgb="${escapeXmlAttribute(rule.color.argb)}"/></dataBar>` +
        `<extLst><ext uri="${EXT_DATA_BAR_RULE}" xmlns:x14="${NS_X14}"><x14:id>${id}</x14:id></ext></extLst></cfRule>`
      );
    }
    case "cellIs":
      return (
        `<cfRule type="cellIs" dxfId="${styles.differentialFormat(rule.style)}" priority="${rule.priority}" operator="${rule.operator}">` +
        rule.formulae.map((formula) => `<formula>${escapeXmlText(formula)}</formula>`).join("") +
        "</cfRule>"
      );
    case "colorScale":
      return (
        `<cfRule type="colorScale" priority="${rule.priority}"><colorScale>${rule.cfvo.map((value) => cfvoXml(value)).join("")}` +
        rule.color.map((color) => `<color rgb="${escapeXmlAttribute(color.argb)}"/>`).join("") +
        "</colorScale></cfRule>"
      );
  }
}

function cfvoXml(value: ConditionalFormatValue, prefix = ""): string {
  return value.type === "percentile" ? `<${prefix}cfvo type="percentile" val="${value.value}"/>` : `<${prefix}cfvo type="${value.type}"/>`;
}

/**
 * The sheet's x14 extension for its data bars: the Excel 2010 part of each bar (solid fill, from the range's
 * minimum to its maximum), found by the id its rule carries. Excel 2007 and LibreOffice read the rule alone.
 */
/**
 * The id that ties a data bar's rule to its Excel 2010 part: a GUID unique in the workbook, made from the sheet's
 * number and the bar's place in it rather than at random, so that the same report gives the same file.
 * @example dataBarId(6, 1) //=> "{00000006-0000-4000-8000-000000000001}"
 */
function dataBarId(sheetNumber: number, bar: number): string {
  const hex = (value: number, digits: number) => value.toString(16).toUpperCase().padStart(digits, "0");
  return `{${hex(sheetNumber, 8)}-0000-4000-8000-${hex(bar, 12)}}`;
}

function dataBarExtensions(dataBars: readonly DataBarExtension[]): string {
  if (dataBars.length === 0) return "";
  const formats = dataBars.map(
    ({ id, ref, cfvo }) =>
      `<x14:conditionalFormatting xmlns:xm="${NS_XM}"><x14:cfRule type="dataBar" id="${id}">` +
      `<x14:dataBar minLength="0" maxLength="100" gradient="0">${cfvo.map((value) => cfvoXml(value, "x14:")).join("")}</x14:dataBar>` +
      `</x14:cfRule><xm:sqref>${escapeXmlText(ref)}</xm:sqref></x14:conditionalFormatting>`,
  );
  return `<extLst><ext uri="${EXT_CONDITIONAL_FORMATTINGS}" xmlns:x14="${NS_X14}"><x14:conditionalFormattings>${formats.join("")}</x14:conditionalFormattings></ext></extLst>`;
}
