import { readFile, writeFile } from "node:fs/promises";
import JSZip from "jszip";
import type { ReportWorkbook } from "../../engine/report/model";
import { readWorkbookManifest } from "../readWorkbookManifest";
import { openZipPackage } from "../zipPackage";
import { chartPartXml } from "./chartPartXml";
import { drawingPartXml, type DrawingChart } from "./drawingPartXml";
import { insertDrawingElement } from "./insertDrawingElement";
import { planSheetCharts } from "./planSheetCharts";
import { xmlText } from "./xmlText";

const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * Gives an .xlsx written elsewhere the native charts of a report: for each sheet with charts, a drawing part
 * (`xl/drawings/drawingN.xml`) anchoring one chart part (`xl/charts/chartN.xml`) per chart, numbered after the
 * package's own, their relationships, `<drawing r:id/>` in the sheet, and the content types; the zip is written
 * back to `file`. Sheets are found by name through the workbook's relationships, not by guessing part names. A
 * report without charts leaves the file untouched. `writeReportWorkbook` does not need it: it writes its charts
 * with the rest of the package; this is an after-write step (`WriteReportOptions.afterWrite`) for other writers.
 * @example await addChartParts("out/report.xlsx", report)
 */
export async function addChartParts(file: string, report: ReportWorkbook): Promise<void> {
  // Planning first: a chart that cannot be drawn fails before the package is touched.
  const sheets = report.sheets
    .filter((sheet) => sheet.charts.length > 0)
    .map((sheet) => ({ name: sheet.name, charts: planSheetCharts(sheet) }));
  if (sheets.length === 0) return;

  const bytes = await readFile(file);
  const manifest = await readWorkbookManifest(await openZipPackage(bytes));
  const zip = await JSZip.loadAsync(bytes);
  const text = async (part: string): Promise<string | undefined> => zip.file(part)?.async("string");

  let drawingNumber = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/i);
  let chartNumber = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/i);
  const overrides: Array<{ partName: string; contentType: string }> = [];

  for (const sheet of sheets) {
    const sheetPart = manifest.sheets.find((s) => s.name === sheet.name)?.part;
    if (sheetPart === undefined) throw new Error(`The written workbook has no sheet "${sheet.name}" to put its charts on`);

    const drawingPart = `xl/drawings/drawing${drawingNumber++}.xml`;
    let drawingRels = emptyRelationshipsPart();
    const drawingCharts: DrawingChart[] = [];
    for (const chart of sheet.charts) {
      const chartPart = `xl/charts/chart${chartNumber++}.xml`;
      zip.file(chartPart, chartPartXml(chart));
      overrides.push({ partName: `/${chartPart}`, contentType: CT_CHART });
      const added = withRelationship(drawingRels, REL_CHART, `../charts/${fileName(chartPart)}`);
      drawingRels = added.xml;
      drawingCharts.push({ anchor: chart.anchor, title: chart.title, relationshipId: added.id });
    }
    zip.file(drawingPart, drawingPartXml(drawingCharts));
    zip.file(relsPartOf(drawingPart), drawingRels);
    overrides.push({ partName: `/${drawingPart}`, contentType: CT_DRAWING });

    const sheetRelsPart = relsPartOf(sheetPart);
    const sheetRels = withRelationship(await text(sheetRelsPart), REL_DRAWING, `../drawings/${fileName(drawingPart)}`);
    zip.file(sheetRelsPart, sheetRels.xml);
    const sheetXml = await text(sheetPart);
    if (sheetXml === undefined) throw new Error(`The written workbook has no part ${sheetPart}`);
    zip.file(sheetPart, insertDrawingElement(sheetXml, sheetRels.id));
  }

  const contentTypes = await text("[Content_Types].xml");
  if (contentTypes === undefined) throw new Error("The written workbook has no [Content_Types].xml");
  zip.file("[Content_Types].xml", withOverrides(contentTypes, overrides));

  await writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }));
}

/** The smallest N above every existing part numbered N by `pattern`. */
function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let last = 0;
  for (const name of Object.keys(zip.files)) {
    const n = Number(pattern.exec(name)?.[1] ?? 0);
    if (n > last) last = n;
  }
  return last + 1;
}

function fileName(part: string): string {
  return part.slice(part.lastIndexOf("/") + 1);
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function emptyRelationshipsPart(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}"></Relationships>`;
}

/** A relationships part (a new one when there was none) with one more relationship, under the first free `rIdN`. */
function withRelationship(relsXml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = relsXml ?? emptyRelationshipsPart();
  const taken = new Set([...xml.matchAll(/\sId\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const relationship = `<Relationship Id="${id}" Type="${xmlText(type)}" Target="${xmlText(target)}"/>`;
  return { xml: insertBeforeClosing(xml, "Relationships", relationship), id };
}

function withOverrides(contentTypesXml: string, overrides: ReadonlyArray<{ partName: string; contentType: string }>): string {
  const missing = overrides.filter(({ partName }) => !contentTypesXml.includes(`PartName="${partName}"`));
  const elements = missing.map(
    ({ partName, contentType }) => `<Override PartName="${xmlText(partName)}" ContentType="${xmlText(contentType)}"/>`,
  );
  return insertBeforeClosing(contentTypesXml, "Types", elements.join(""));
}

/** Inserts before `</root>`, or opens a self-closed `<root …/>` to do so. */
function insertBeforeClosing(xml: string, root: string, inner: string): string {
  const close = xml.lastIndexOf(`</${root}>`);
  if (close >= 0) return xml.slice(0, close) + inner + xml.slice(close);
  const selfClosed = new RegExp(`<${root}(\\s[^>]*)?/>`).exec(xml);
  if (selfClosed === null) throw new Error(`Malformed package part: no <${root}> element`);
  const open = selfClosed[0].slice(0, -2);
  return `${xml.slice(0, selfClosed.index)}${open}>${inner}</${root}>${xml.slice(selfClosed.index + selfClosed[0].length)}`;
}
