import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import type { ReportChart, ReportSheet, ReportWorkbook } from "../../engine/report/model";
import { readWorkbookFile } from "../readWorkbook";
import { writeReportWorkbook } from "../writeReportWorkbook";

/** A parsed XML element: enough of a tree to assert on names, attributes, order and text. */
interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: Element[];
  text: string;
}

function parse(xml: string): Element {
  const root: Element = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const element: Element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => {
    stack.at(-1)!.text += text;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

function all(element: Element, name: string): Element[] {
  const found: Element[] = [];
  const visit = (e: Element) => {
    if (e.name === name) found.push(e);
    e.children.forEach(visit);
  };
  visit(element);
  return found;
}

function one(element: Element, name: string): Element {
  const [found, ...more] = all(element, name);
  if (found === undefined || more.length > 0) throw new Error(`expected one <${name}>, found ${more.length + (found ? 1 : 0)}`);
  return found;
}

const vals = (element: Element, name: string) => all(element, name).map((e) => e.attributes["val"]);

async function unzip(path: string): Promise<{ names: string[]; xml: (part: string) => Promise<Element> }> {
  const zip = await JSZip.loadAsync(await readFile(path));
  return {
    names: Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort(),
    xml: async (part) => {
      const text = await zip.file(part)?.async("string");
      if (text === undefined) throw new Error(`no ${part}`);
      return parse(text);
    },
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rd-charts-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SHEET = "Kowalski's AR Aging";
const QUOTED = "'Kowalski''s AR Aging'";

const bucketChart: ReportChart = {
  kind: "column",
  title: "Open amount by bucket",
  anchor: { row: 17, column: 0, rows: 15, columns: 6 },
  categories: "B4:F4",
  series: [
    { name: "PLN", values: "B5:F5" },
    { name: "EUR", values: "B6:F6" },
  ],
};

const trendChart: ReportChart = {
  kind: "line",
  title: "Overdue at month end",
  anchor: { row: 17, column: 7, rows: 15, columns: 6 },
  categories: "A10:A15",
  series: [{ name: "Overdue", values: "B10:B15" }],
};

/** Bucket totals under a native table (so the sheet has tableParts), a month column, and a data bar (an extLst). */
const agingSheet: ReportSheet = {
  key: "aging",
  name: SHEET,
  columnWidths: [14, 12, 12, 12, 12, 12],
  texts: [{ row: 0, column: 0, text: "Aging as of 2025-01-31", role: "title" }],
  blocks: [
    {
      row: 3,
      column: 0,
      header: ["Currency", "Current", "1–30", "31–60", "61–90", "> 90"],
      columns: [{ kind: "text" }, ...Array.from({ length: 5 }, () => ({ kind: "amount" as const }))],
      rows: [
        ["PLN", 12500.5, 4200, 1800.25, 950, 3100],
        ["EUR", 3000, 1250, null, 400, 75.5],
      ],
      table: { name: "BucketTotals" },
    },
    {
      row: 8,
      column: 0,
      header: ["Month", "Overdue"],
      columns: [{ kind: "text" }, { kind: "amount" }],
      rows: [
        ["2024-08", 8100],
        ["2024-09", 7400.5],
        ["2024-10", 9050],
        ["2024-11", 10200],
        ["2024-12", 9875.25],
        ["2025-01", 10800],
      ],
    },
  ],
  charts: [bucketChart, trendChart],
  conditionalFormats: [{ kind: "dataBar", range: "B5:F6", color: "#5B9BD5" }],
};

const plainSheet: ReportSheet = {
  key: "notes",
  name: "Notes",
  columnWidths: [],
  texts: [{ row: 0, column: 0, text: "No charts here", role: "note" }],
  blocks: [],
  charts: [],
};

const secondChartSheet: ReportSheet = {
  key: "tiny",
  name: "Tiny & Co",
  columnWidths: [],
  texts: [],
  blocks: [{ row: 0, column: 0, columns: [{ kind: "date" }, { kind: "integer" }], rows: [[46327, 1], [46328, 2]] }],
  charts: [{ kind: "column", title: "", anchor: { row: 3, column: 0, rows: 10, columns: 4 }, categories: "A1:A2", series: [{ name: "n", values: "B1:B2" }] }],
};

const report: ReportWorkbook = { sheets: [agingSheet, plainSheet, secondChartSheet] };

/** Top-level children of CT_Worksheet, in the order the schema requires. */
const WORKSHEET_SEQUENCE = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
];

describe("charts written by writeReportWorkbook", () => {
  for (const withTables of [true, false]) {
    const variant = withTables ? "with a table" : "without tables";
    const sheets = withTables ? report.sheets : report.sheets.map((s) => ({ ...s, blocks: s.blocks.map(({ table: _t, ...b }) => b) }));

    it(`writes drawings, charts, relationships and content types into the package (${variant})`, async () => {
      const path = join(dir, `charts-${withTables ? "table" : "plain"}.xlsx`);
      await writeReportWorkbook({ sheets }, path);
      const pkg = await unzip(path);

      expect(pkg.names).toEqual(
        expect.arrayContaining([
          "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing2.xml",
          "xl/drawings/_rels/drawing2.xml.rels", "xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml",
        ]),
      );
      expect(pkg.names.filter((n) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(n))).toHaveLength(5);

      const overrides = new Map(
        all(await pkg.xml("[Content_Types].xml"), "Override").map((o) => [o.attributes["PartName"], o.attributes["ContentType"]]),
      );
      for (const n of [1, 2]) expect(overrides.get(`/xl/drawings/drawing${n}.xml`)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
      for (const n of [1, 2, 3]) {
        expect(overrides.get(`/xl/charts/chart${n}.xml`)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
      }

      // Sheets by name through the workbook's relationships, as Excel finds them.
      const workbookRels = all(await pkg.xml("xl/_rels/workbook.xml.rels"), "Relationship");
      const partOf = async (name: string) => {
        const sheet = all(await pkg.xml("xl/workbook.xml"), "sheet").find((s) => s.attributes["name"] === name)!;
        return `xl/${workbookRels.find((r) => r.attributes["Id"] === sheet.attributes["r:id"])!.attributes["Target"]!.replace(/^\/?xl\//, "")}`;
      };
      const drawingOf = async (sheetName: string) => {
        const part = await partOf(sheetName);
        const sheetXml = await pkg.xml(part);
        const children = sheetXml.children.map((c) => c.name);
        const order = children.map((name) => WORKSHEET_SEQUENCE.indexOf(name));
        expect(order.every((index) => index >= 0)).toBe(true);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        const id = one(sheetXml, "drawing").attributes["r:id"];
        const rels = all(await pkg.xml(part.replace(/([^/]+)$/, "_rels/$1.rels")), "Relationship");
        expect(new Set(rels.map((r) => r.attributes["Id"])).size).toBe(rels.length);
        const rel = rels.find((r) => r.attributes["Id"] === id)!;
        expect(rel.attributes["Type"]).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing");
        return { children, target: rel.attributes["Target"], rels };
      };

      const aging = await drawingOf(SHEET);
      expect(aging.target).toBe("../drawings/drawing1.xml");
      // The data bar's x14 extension is the sheet's extLst, after tableParts.
      expect(aging.children.slice(aging.children.indexOf("pageSetup"))).toEqual(
        withTables ? ["pageSetup", "drawing", "tableParts", "extLst"] : ["pageSetup", "drawing", "extLst"],
      );
      // The table's relationship is kept beside the drawing's.
      if (withTables) expect(aging.rels.map((r) => r.attributes["Target"])).toEqual(["../tables/table1.xml", "../drawings/drawing1.xml"]);
      expect((await drawingOf("Tiny & Co")).target).toBe("../drawings/drawing2.xml");
      expect(all(await pkg.xml(await partOf("Notes")), "drawing")).toEqual([]);

      // The drawing anchors each chart to its cells and points at its chart part.
      const drawing = await pkg.xml("xl/drawings/drawing1.xml");
      const anchors = all(drawing, "xdr:twoCellAnchor");
      expect(anchors).toHaveLength(2);
      const cell = (marker: Element) => ["xdr:row", "xdr:col"].map((n) => Number(one(marker, n).text));
      expect(anchors.map((a) => [cell(one(a, "xdr:from")), cell(one(a, "xdr:to"))])).toEqual([
        [[17, 0], [32, 6]],
        [[17, 7], [32, 13]],
      ]);
      expect(anchors.map((a) => one(a, "xdr:cNvPr").attributes["descr"])).toEqual([bucketChart.title, trendChart.title]);
      const drawingRels = all(await pkg.xml("xl/drawings/_rels/drawing1.xml.rels"), "Relationship");
      const chartTargets = all(drawing, "c:chart").map(
        (c) => drawingRels.find((r) => r.attributes["Id"] === c.attributes["r:id"])?.attributes["Target"],
      );
      expect(chartTargets).toEqual(["../charts/chart1.xml", "../charts/chart2.xml"]);
      expect(drawingRels.every((r) => r.attributes["Type"] === "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart")).toBe(true);

      // Column chart: clustered bars over quoted, absolute ranges, with the values cached.
      const column = await pkg.xml("xl/charts/chart1.xml");
      const bar = one(column, "c:barChart");
      expect(vals(bar, "c:barDir")).toEqual(["col"]);
      expect(vals(bar, "c:grouping")).toEqual(["clustered"]);
      expect(one(one(column, "c:title"), "a:t").text).toBe("Open amount by bucket");
      const series = all(bar, "c:ser");
      expect(series.map((s) => one(one(s, "c:tx"), "c:v").text)).toEqual(["PLN", "EUR"]);
      expect(series.map((s) => one(one(s, "c:cat"), "c:f").text)).toEqual([`${QUOTED}!$B$4:$F$4`, `${QUOTED}!$B$4:$F$4`]);
      expect(series.map((s) => one(one(s, "c:val"), "c:f").text)).toEqual([`${QUOTED}!$B$5:$F$5`, `${QUOTED}!$B$6:$F$6`]);
      const strCache = one(one(series[0]!, "c:cat"), "c:strCache");
      expect(vals(strCache, "c:ptCount")).toEqual(["5"]);
      expect(all(strCache, "c:v").map((v) => v.text)).toEqual(["Current", "1–30", "31–60", "61–90", "> 90"]);
      const cached = (s: Element) =>
        all(one(one(s, "c:val"), "c:numCache"), "c:pt").map((pt) => [Number(pt.attributes["idx"]), Number(one(pt, "c:v").text)]);
      expect(cached(series[0]!)).toEqual([[0, 12500.5], [1, 4200], [2, 1800.25], [3, 950], [4, 3100]]);
      // An empty cell is a gap: no point, but the count still covers the range.
      expect(cached(series[1]!)).toEqual([[0, 3000], [1, 1250], [3, 400], [4, 75.5]]);
      expect(vals(one(one(series[1]!, "c:val"), "c:numCache"), "c:ptCount")).toEqual(["5"]);
      expect(one(one(series[0]!, "c:val"), "c:formatCode").text).toBe("#,##0.00;-#,##0.00");
      // Axes: the plot's two ids are the category and value axes, crossing each other.
      const [catId, valId] = vals(bar, "c:axId");
      expect(vals(one(column, "c:catAx"), "c:axId")).toEqual([catId]);
      expect(vals(one(column, "c:valAx"), "c:axId")).toEqual([valId]);
      expect(vals(one(column, "c:catAx"), "c:crossAx")).toEqual([valId]);
      expect(vals(one(column, "c:valAx"), "c:crossAx")).toEqual([catId]);
      expect(vals(one(column, "c:legend"), "c:legendPos")).toEqual(["b"]);
      // The value axis: the amounts' format without decimals.
      expect(one(one(column, "c:valAx"), "c:numFmt").attributes).toEqual({ formatCode: "#,##0;-#,##0", sourceLinked: "0" });

      // Line chart: categories down a column.
      const line = await pkg.xml("xl/charts/chart2.xml");
      const lineSeries = one(one(line, "c:lineChart"), "c:ser");
      expect(one(one(lineSeries, "c:cat"), "c:f").text).toBe(`${QUOTED}!$A$10:$A$15`);
      expect(one(one(lineSeries, "c:val"), "c:f").text).toBe(`${QUOTED}!$B$10:$B$15`);
      expect(all(one(lineSeries, "c:cat"), "c:v").map((v) => v.text)).toEqual(["2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01"]);
      expect(one(one(line, "c:title"), "a:t").text).toBe("Overdue at month end");
      expect(all(line, "c:barChart")).toEqual([]);

      // An empty title is no title; "&" in a sheet name is escaped in the part and read back as it was.
      const tiny = await pkg.xml("xl/charts/chart3.xml");
      expect(all(tiny, "c:title")).toEqual([]);
      expect(vals(tiny, "c:autoTitleDeleted")).toEqual(["1"]);
      expect(one(one(tiny, "c:val"), "c:f").text).toBe("'Tiny & Co'!$B$1:$B$2");
      // Dates as categories: numbers under their date format, not serials as text.
      const dates = one(one(tiny, "c:cat"), "c:numRef");
      expect(one(dates, "c:f").text).toBe("'Tiny & Co'!$A$1:$A$2");
      expect(one(dates, "c:formatCode").text).toBe("yyyy-mm-dd");
      expect(all(dates, "c:v").map((v) => v.text)).toEqual(["46327", "46328"]);
      expect(all(tiny, "c:strRef")).toEqual([]);
      expect(one(one(tiny, "c:catAx"), "c:numFmt").attributes).toEqual({ formatCode: "yyyy-mm-dd", sourceLinked: "0" });
      expect(one(one(column, "c:catAx"), "c:numFmt").attributes).toEqual({ formatCode: "General", sourceLinked: "1" });

      // Readers still open the package, cells unchanged.
      const data = await readWorkbookFile(path);
      expect(data.sheets.map((s) => s.name)).toEqual([SHEET, "Notes", "Tiny & Co"]);
      expect(data.sheets[0]?.rows[4]).toEqual(["PLN", 12500.5, 4200, 1800.25, 950, 3100]);
    });
  }

  it("are in the package before the caller's own after-write steps run", async () => {
    const path = join(dir, "steps.xlsx");
    const seen: string[][] = [];
    await writeReportWorkbook({ sheets: [secondChartSheet] }, path, {
      afterWrite: [async (file) => void seen.push((await unzip(file)).names.filter((n) => n.startsWith("xl/charts/")))],
    });
    expect(seen).toEqual([["xl/charts/chart1.xml"]]);
  });

  it("writes no drawing or chart part for a report without charts", async () => {
    const path = join(dir, "no-charts.xlsx");
    await writeReportWorkbook({ sheets: [plainSheet] }, path);
    const { names } = await unzip(path);
    expect(names.filter((n) => n.includes("drawing") || n.includes("chart"))).toEqual([]);
  });

  describe("edge cases", () => {
    const withChart = (chart: Partial<ReportChart>): ReportWorkbook => ({
      sheets: [{ ...agingSheet, charts: [{ ...bucketChart, ...chart }] }],
    });

    it.each([
      [{ categories: "B4:F5" }, /one row or one column/],
      [{ categories: `'${SHEET}'!B4:F4` }, /one row or one column/],
      [{ series: [{ name: "PLN", values: "B5:E5" }] }, /4 values for 5 categories/],
      [{ series: [] }, /at least one series/],
      [{ anchor: { row: 0, column: 0, rows: 0, columns: 3 } }, /anchor/],
      [{ anchor: { row: -1, column: 0, rows: 5, columns: 3 } }, /anchor/],
    ])("refuses %j before writing anything", async (chart, message) => {
      const path = join(dir, "never.xlsx");
      await expect(writeReportWorkbook(withChart(chart), path)).rejects.toThrow(message);
      expect((await readdir(dir)).filter((name) => name.includes("never"))).toEqual([]);
    });
  });
});
