import { chartPartXml } from "../charts/chartPartXml";
import { drawingPartXml } from "../charts/drawingPartXml";
import type { ChartPlan } from "../charts/planSheetCharts";
import type { PlannedTable, SheetPlan } from "../planReportSheet";
import {
  CT_CHART,
  CT_DRAWING,
  CT_SHARED_STRINGS,
  CT_STYLES,
  CT_TABLE,
  CT_THEME,
  CT_WORKBOOK,
  CT_WORKSHEET,
  REL_CHART,
  REL_DRAWING,
  REL_SHARED_STRINGS,
  REL_STYLES,
  REL_TABLE,
  REL_THEME,
  REL_WORKSHEET,
} from "./namespaces";
import { OFFICE_THEME_XML } from "./officeTheme";
import {
  contentTypesXml,
  corePropertiesXml,
  DOCUMENT_PROPERTY_PARTS,
  extendedPropertiesXml,
  packageRelationshipsXml,
  relationshipsXml,
  workbookXml,
  type Relationship,
} from "./packageParts";
import { SharedStrings } from "./sharedStrings";
import { StyleSheet } from "./styleSheet";
import { tablePartXml } from "./tablePartXml";
import { worksheetXml } from "./worksheetXml";
import { ZipWriter } from "./zipWriter";

/** One sheet to write: its cells and tables, laid out, and its charts, planned. */
export interface SheetToWrite {
  readonly plan: SheetPlan;
  readonly charts: readonly ChartPlan[];
}

/** Where each part of a sheet goes: numbers are 1-based and count across the workbook. */
interface SheetLayout {
  readonly plan: SheetPlan;
  readonly number: number;
  readonly tables: ReadonlyArray<{ readonly table: PlannedTable; readonly number: number }>;
  readonly drawing: { readonly number: number; readonly charts: ReadonlyArray<{ readonly chart: ChartPlan; readonly number: number }> } | null;
}

/**
 * Writes the .xlsx package of planned sheets to `file`, part by part: content types, package relationships,
 * document properties, the workbook and its relationships, the theme; then per sheet its worksheet (rows streamed
 * from the plan), relationships, tables, drawing and charts; last the styles and shared strings the sheets used.
 * Part names are Excel's own (`xl/worksheets/sheet1.xml`, `xl/tables/table1.xml`, …).
 */
export async function writeWorkbookPackage(sheets: readonly SheetToWrite[], file: string): Promise<void> {
  const layouts = sheetLayouts(sheets);
  const sheetCount = layouts.length;
  const zip = await ZipWriter.create(file);
  try {
    await zip.addPart("[Content_Types].xml", contentTypesXml(contentTypeOverrides(layouts)));
    await zip.addPart("_rels/.rels", packageRelationshipsXml());
    await zip.addPart("docProps/app.xml", extendedPropertiesXml(layouts.map((layout) => layout.plan.name)));
    await zip.addPart("docProps/core.xml", corePropertiesXml(new Date()));
    await zip.addPart("xl/workbook.xml", workbookXml(layouts.map((layout) => ({ name: layout.plan.name, relationshipId: `rId${layout.number}` }))));
    await zip.addPart(
      "xl/_rels/workbook.xml.rels",
      relationshipsXml([
        ...layouts.map((layout) => ({ id: `rId${layout.number}`, type: REL_WORKSHEET, target: `worksheets/sheet${layout.number}.xml` })),
        { id: `rId${sheetCount + 1}`, type: REL_STYLES, target: "styles.xml" },
        { id: `rId${sheetCount + 2}`, type: REL_THEME, target: "theme/theme1.xml" },
        { id: `rId${sheetCount + 3}`, type: REL_SHARED_STRINGS, target: "sharedStrings.xml" },
      ]),
    );
    await zip.addPart("xl/theme/theme1.xml", OFFICE_THEME_XML);

    const styles = new StyleSheet();
    const strings = new SharedStrings();
    for (const layout of layouts) await addSheetParts(zip, layout, styles, strings);

    await zip.addPart("xl/styles.xml", styles.xml());
    await zip.addPart("xl/sharedStrings.xml", strings.xml());
    await zip.close();
  } catch (error) {
    await zip.abort();
    throw error;
  }
}

function sheetLayouts(sheets: readonly SheetToWrite[]): SheetLayout[] {
  let tableNumber = 0;
  let drawingNumber = 0;
  let chartNumber = 0;
  return sheets.map(({ plan, charts }, index) => ({
    plan,
    number: index + 1,
    tables: plan.tables.map((table) => ({ table, number: ++tableNumber })),
    drawing: charts.length === 0 ? null : { number: ++drawingNumber, charts: charts.map((chart) => ({ chart, number: ++chartNumber })) },
  }));
}

function contentTypeOverrides(layouts: readonly SheetLayout[]): Array<{ partName: string; contentType: string }> {
  return [
    { partName: "/xl/workbook.xml", contentType: CT_WORKBOOK },
    ...layouts.map((layout) => ({ partName: `/xl/worksheets/sheet${layout.number}.xml`, contentType: CT_WORKSHEET })),
    { partName: "/xl/theme/theme1.xml", contentType: CT_THEME },
    { partName: "/xl/styles.xml", contentType: CT_STYLES },
    { partName: "/xl/sharedStrings.xml", contentType: CT_SHARED_STRINGS },
    ...layouts.flatMap((layout) => layout.tables.map(({ number }) => ({ partName: `/xl/tables/table${number}.xml`, contentType: CT_TABLE }))),
    ...layouts.flatMap((layout) =>
      layout.drawing === null
        ? []
        : [
            { partName: `/xl/drawings/drawing${layout.drawing.number}.xml`, contentType: CT_DRAWING },
            ...layout.drawing.charts.map(({ number }) => ({ partName: `/xl/charts/chart${number}.xml`, contentType: CT_CHART })),
          ],
    ),
    ...DOCUMENT_PROPERTY_PARTS,
  ];
}

/** A sheet's worksheet part and the parts it points at. Its relationships: tables first, then the drawing. */
async function addSheetParts(zip: ZipWriter, layout: SheetLayout, styles: StyleSheet, strings: SharedStrings): Promise<void> {
  const { plan, number, tables, drawing } = layout;
  const tableRelationshipIds = tables.map((_, index) => `rId${index + 1}`);
  const relationships: Relationship[] = tables.map(({ number: table }, index) => ({
    id: tableRelationshipIds[index]!,
    type: REL_TABLE,
    target: `../tables/table${table}.xml`,
  }));
  let drawingRelationshipId: string | null = null;
  if (drawing !== null) {
    drawingRelationshipId = `rId${relationships.length + 1}`;
    relationships.push({ id: drawingRelationshipId, type: REL_DRAWING, target: `../drawings/drawing${drawing.number}.xml` });
  }
  const links = { tableRelationshipIds, drawingRelationshipId, selected: number === 1, sheetNumber: number };
  await zip.addPart(`xl/worksheets/sheet${number}.xml`, worksheetXml(plan, links, styles, strings));
  if (relationships.length > 0) await zip.addPart(`xl/worksheets/_rels/sheet${number}.xml.rels`, relationshipsXml(relationships));
  for (const { table, number: tableNumber } of tables) await zip.addPart(`xl/tables/table${tableNumber}.xml`, tablePartXml(table, tableNumber));
  if (drawing === null) return;

  // The drawing anchors each chart and points at its part: rId1, rId2, … in the charts' order.
  const chartRelationships = drawing.charts.map(({ number: chart }, index) => ({ id: `rId${index + 1}`, type: REL_CHART, target: `../charts/chart${chart}.xml` }));
  await zip.addPart(
    `xl/drawings/drawing${drawing.number}.xml`,
    drawingPartXml(drawing.charts.map(({ chart }, index) => ({ anchor: chart.anchor, title: chart.title, relationshipId: chartRelationships[index]!.id }))),
  );
  await zip.addPart(`xl/drawings/_rels/drawing${drawing.number}.xml.rels`, relationshipsXml(chartRelationships));
  for (const { chart, number: chartNumber } of drawing.charts) await zip.addPart(`xl/charts/chart${chartNumber}.xml`, chartPartXml(chart));
}
