import type { ReportSheet } from "../engine/report/model";
import { planSheetWrites, pointsFromCharacters } from "./planSheetWrites";

const sheet: ReportSheet = {
  key: "k",
  name: "S",
  columnWidths: [20, 0, 12],
  texts: [{ row: 0, column: 0, text: "Title", role: "title" }],
  blocks: [
    {
      row: 2,
      column: 0,
      header: ["Name", "Name", "Due"],
      rows: [["a", 1, 45_000], ["b", "n/a", 45_001], ["c", "-", null], ["Total", 3, null]],
      columns: [{ kind: "text" }, { kind: "amount" }, { kind: "date" }],
      rowRoles: new Map([[3, "total"]]),
      table: { name: "T" },
    },
  ],
  charts: [],
  freeze: { rows: 3, columns: 0 },
};

describe("planSheetWrites", () => {
  const plan = planSheetWrites(sheet, { date1904: false });
  const steps = (kind: string) => plan.steps.filter((step) => step.kind === kind);

  it("formats whole columns, and gives text cells of a number column a text format of their own", () => {
    expect(steps("numberFormat")).toEqual([
      { kind: "numberFormat", rect: { row: 0, column: 0, rows: 1, columns: 1 }, format: "@" },
      { kind: "numberFormat", rect: { row: 2, column: 0, rows: 1, columns: 3 }, format: "@" },
      { kind: "numberFormat", rect: { row: 3, column: 0, rows: 4, columns: 1 }, format: "@" },
      { kind: "numberFormat", rect: { row: 3, column: 1, rows: 4, columns: 1 }, format: "#,##0.00;-#,##0.00" },
      { kind: "numberFormat", rect: { row: 4, column: 1, rows: 2, columns: 1 }, format: "@" },
      { kind: "numberFormat", rect: { row: 3, column: 2, rows: 4, columns: 1 }, format: "yyyy-mm-dd" },
    ]);
  });

  it("writes a block as one rectangle, table headers made unique, empty cells as empty strings", () => {
    const [title, block] = steps("values") as Array<Extract<(typeof plan.steps)[number], { kind: "values" }>>;
    expect(title!.rows).toEqual([["Title"]]);
    expect(block!.rows).toEqual([["Name", "Name2", "Due"], ["a", 1, 45_000], ["b", "n/a", 45_001], ["c", "-", ""], ["Total", 3, ""]]);
  });

  it("keeps the total row out of the table and draws it bold", () => {
    expect(steps("table")).toEqual([{ kind: "table", rect: { row: 2, column: 0, rows: 4, columns: 3 }, name: "T" }]);
    expect(steps("font")).toContainEqual({ kind: "font", rect: { row: 6, column: 0, rows: 1, columns: 3 }, font: { bold: true } });
  });

  it("orders formats before values before everything else, and skips zero widths", () => {
    const kinds = plan.steps.map((step) => step.kind);
    expect(kinds.lastIndexOf("numberFormat")).toBeLessThan(kinds.indexOf("values"));
    expect(steps("columnWidth")).toEqual([
      { kind: "columnWidth", column: 0, points: pointsFromCharacters(20) },
      { kind: "columnWidth", column: 2, points: pointsFromCharacters(12) },
    ]);
    expect(steps("freeze")).toEqual([{ kind: "freeze", rows: 3, columns: 0 }]);
  });

  describe("edge cases", () => {
    it("shifts dates, and only dates, for a 1904 workbook", () => {
      const shifted = planSheetWrites(sheet, { date1904: true }).steps.filter((step) => step.kind === "values")[1]!;
      expect(shifted.kind === "values" && shifted.rows[1]).toEqual(["a", 1, 45_000 - 1462]);
    });

    it("refuses a table without a header and a non-finite number", () => {
      const block = sheet.blocks[0]!;
      expect(() => planSheetWrites({ ...sheet, blocks: [{ ...block, header: undefined as never }] }, { date1904: false })).toThrow(/needs a header/);
      expect(() => planSheetWrites({ ...sheet, blocks: [{ ...block, rows: [["a", Number.NaN, null]] }] }, { date1904: false })).toThrow(/NaN/);
    });
  });

  it("protects the sheet last, without a password, when the report asks for it", () => {
    expect(plan.steps.some((step) => step.kind === "protect")).toBe(false);
    const protectedPlan = planSheetWrites({ ...sheet, protect: true }, { date1904: false });
    expect(protectedPlan.steps.slice(0, -1)).toEqual(plan.steps);
    expect(protectedPlan.steps[protectedPlan.steps.length - 1]).toEqual({
      kind: "protect",
      options: { allowSort: true, allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true },
    });
  });
});
