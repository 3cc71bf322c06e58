import type { ChartPlan } from "./planSheetCharts";
import { NS_R, XML_DECLARATION } from "../ooxml/namespaces";
import { escapeXmlAttribute, escapeXmlText } from "../ooxml/xmlEscape";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";

// Axis ids only need to be unique inside one chart part; Excel writes arbitrary numbers.
const CATEGORY_AXIS_ID = 500_000_001;
const VALUE_AXIS_ID = 500_000_002;

/**
 * The `xl/charts/chartN.xml` part of one chart: a clustered column chart (`c:barChart`, barDir col) or a line
 * chart with markers, over a category axis at the bottom and a value axis on the left with gridlines, a title
 * and a legend below. Elements follow the schema's sequences (CT_ChartSpace, CT_Chart, CT_BarChart/CT_LineChart,
 * CT_BarSer/CT_LineSer, CT_CatAx, CT_ValAx): Excel refuses a chart whose elements are out of order.
 */
export function chartPartXml(chart: ChartPlan): string {
  const series = chart.series.map((s, index) => seriesXml(chart, s, index)).join("");
  const axisIds = `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
  const plot =
    chart.kind === "column"
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="150"/>${axisIds}</c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
        `<c:marker val="1"/>${axisIds}</c:lineChart>`;
  const valueFormat = axisNumberFormat(chart.series[0]?.formatCode ?? "General");
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    // The report model's serials are in the 1900 date system. Without roundedCorners=0 Excel rounds the frame.
    `<c:date1904 val="0"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    (chart.title === "" ? `<c:autoTitleDeleted val="1"/>` : `${titleXml(chart.title)}<c:autoTitleDeleted val="0"/>`) +
    `<c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/>${categoryAxisNumberFormat(chart.categories)}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXmlAttribute(valueFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}

/**
 * The value axis shows the values' number format without decimals: its labels are round steps, and "10,000.00"
 * only adds noise. Quoted literals (a currency) are kept.
 * @example axisNumberFormat("#,##0.00;-#,##0.00")  //=> "#,##0;-#,##0"
 * @example axisNumberFormat('#,##0.00 "zł"')  //=> '#,##0 "zł"'
 */
function axisNumberFormat(formatCode: string): string {
  return formatCode
    .split(/("[^"]*")/)
    .map((piece) => (piece.startsWith('"') ? piece : piece.replace(/([0#])\.[0#]+/g, "$1")))
    .join("");
}

/**
 * Number categories (dates) carry their cells' format on the axis itself: LibreOffice does not take a linked
 * source format for category labels and would show date serials.
 */
function categoryAxisNumberFormat(categories: ChartPlan["categories"]): string {
  return categories.kind === "number"
    ? `<c:numFmt formatCode="${escapeXmlAttribute(categories.formatCode)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1400" b="1"/>` +
    `<a:t>${escapeXmlText(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function seriesXml(chart: ChartPlan, series: ChartPlan["series"][number], index: number): string {
  // CT_BarSer: idx, order, tx, spPr, invertIfNegative, ..., cat, val. CT_LineSer: idx, order, tx, spPr, marker,
  // ..., cat, val, smooth.
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXmlText(series.name)}</c:v></c:tx>` +
    (chart.kind === "column" ? `<c:invertIfNegative val="0"/>` : `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`) +
    `<c:cat>${categoriesXml(chart.categories)}</c:cat>` +
    `<c:val>${numberReferenceXml(series.formula, series.formatCode, series.values)}</c:val>` +
    (chart.kind === "line" ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

function categoriesXml(categories: ChartPlan["categories"]): string {
  if (categories.kind === "number") return numberReferenceXml(categories.formula, categories.formatCode, categories.values);
  const points = categories.labels
    .map((label, i) => (label === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXmlText(label)}</c:v></c:pt>`))
    .join("");
  return (
    `<c:strRef><c:f>${escapeXmlText(categories.formula)}</c:f>` +
    `<c:strCache><c:ptCount val="${categories.labels.length}"/>${points}</c:strCache></c:strRef>`
  );
}

/** A reference to numbers with their cache; an empty cell is a gap, left out of the points but counted. */
function numberReferenceXml(formula: string, formatCode: string, values: ReadonlyArray<number | null>): string {
  const points = values.map((value, i) => (value === null ? "" : `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`)).join("");
  return (
    `<c:numRef><c:f>${escapeXmlText(formula)}</c:f>` +
    `<c:numCache><c:formatCode>${escapeXmlText(formatCode)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>` +
    `</c:numRef>`
  );
}
