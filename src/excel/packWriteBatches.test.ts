import type { ReportSheet } from "../engine/report/model";
import { packWriteBatches } from "./packWriteBatches";
import { planSheetWrites } from "./planSheetWrites";

const sheet = (rows: number): ReportSheet => ({
  key: "k",
  name: "S",
  columnWidths: [10],
  texts: [{ row: 0, column: 0, text: "Title", role: "title" }],
  blocks: [{ row: 2, column: 0, header: ["Name", "Amount"], rows: Array.from({ length: rows }, (_, i) => [`n${i}`, i]), columns: [{ kind: "text" }, { kind: "amount" }] }],
  charts: [],
});

describe("packWriteBatches", () => {
  it("fills each batch up to the budget, cutting values between rows, keeping order", () => {
    const plan = planSheetWrites(sheet(5_000), { date1904: false });
    const batches = packWriteBatches([plan], { budgetBytes: 20_000, firstBatchReserveBytes: 1_000 });
    expect(batches.length).toBeGreaterThan(3);
    for (const batch of batches) expect(batch.requestBytes).toBeLessThanOrEqual(20_000);
    const valueRows = batches.flatMap((batch) => batch.actions).flatMap(({ step }) => (step.kind === "values" ? step.rows : []));
    expect(valueRows.length).toBe(1 + 1 + 5_000);
    // Formats come before the values they protect.
    const kinds = batches.flatMap((batch) => batch.actions.map(({ step }) => step.kind));
    expect(kinds.lastIndexOf("numberFormat")).toBeLessThan(kinds.indexOf("values"));
  });

  it("keeps one batch for a small report, the reserve counted", () => {
    const batches = packWriteBatches([planSheetWrites(sheet(10), { date1904: false })], { budgetBytes: 4_000_000, firstBatchReserveBytes: 5_000 });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.requestBytes).toBeGreaterThan(5_000);
  });

  it("caps the cells of a batch", () => {
    const batches = packWriteBatches([planSheetWrites(sheet(3_000), { date1904: false })], { budgetBytes: 4_000_000, firstBatchReserveBytes: 0, maxCellsPerBatch: 2_000 });
    expect(batches.length).toBeGreaterThanOrEqual(3);
  });
});
