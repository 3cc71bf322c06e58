import type { ReportChart } from "../../engine/report/model";
import { escapeXmlAttribute } from "../ooxml/xmlEscape";
import { NS_R, XML_DECLARATION } from "../ooxml/namespaces";

const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** One chart on a sheet's drawing: where it sits, and the drawing relationship that names its chart part. */
export interface DrawingChart {
  readonly anchor: ReportChart["anchor"];
  readonly title: string;
  readonly relationshipId: string;
}

/**
 * The `xl/drawings/drawingN.xml` part of a sheet: each chart in a graphic frame anchored to two cells, from the
 * anchor's top-left cell to the cell just past its bottom-right one, so that it moves and sizes with the cells.
 * The title doubles as the frame's alternative text.
 */
export function drawingPartXml(charts: readonly DrawingChart[]): string {
  const anchors = charts.map((chart, index) => {
    const { row, column, rows, columns } = chart.anchor;
    const marker = (tag: string, r: number, c: number) =>
      `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    // cNvPr ids are unique within the drawing; 1 is left to the drawing itself, as Excel does.
    return (
      `<xdr:twoCellAnchor>${marker("from", row, column)}${marker("to", row + rows, column + columns)}` +
      `<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXmlAttribute(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}">` +
      `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${escapeXmlAttribute(chart.relationshipId)}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`
  );
}
