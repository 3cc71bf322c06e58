import fc from "fast-check";
import { dayFromCivil } from "../../src/engine/dates/civil";
import type { CellValue, WorkbookData } from "../../src/engine/port";
import { receivablesJson } from "../../src/engine/report/receivablesJson";
import { runReceivables } from "../../src/engine/runReceivables";

const AS_OF = dayFromCivil(2025, 6, 30);

/** Anything a cell can hold, weighted toward the shapes that look almost right. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.double(),
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.boolean(),
  fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#REF!" }, { error: "#DIV/0!" }),
  fc.constantFrom<CellValue>("31.02.2025", "2025-02-28", "03/04/2025", "1 234,56 zł", "(12.50)", "Razem", "Total", "=1+1", "FV/1", " ", "\u00a0"),
);

const row = (width: number) => fc.array(cell, { minLength: 0, maxLength: width });

describe("robustness", () => {
  it("never throws on arbitrary cells, and every issue names sheet, row and column within the sheet", () => {
    fc.assert(
      fc.property(fc.array(row(8), { maxLength: 30 }), fc.array(row(6), { maxLength: 30 }), (invoiceRows, paymentRows) => {
        const workbook: WorkbookData = {
          date1904: false,
          sheets: [
            { name: "Invoices", firstRow: 1, firstColumn: 1, rows: [["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency", "Type", "Reference"], ...invoiceRows] },
            { name: "Payments", firstRow: 1, firstColumn: 1, rows: [["Payment Date", "Customer", "Amount", "Currency", "Reference", "Invoice No"], ...paymentRows] },
          ],
        };
        for (const apply of ["unapplied", "oldest-first"] as const) {
          const run = runReceivables(workbook, { asOf: AS_OF, apply });
          expect(run.ok).toBe(true);
          if (!run.ok) return;
          const json = receivablesJson(run);
          for (const issue of json.issues) {
            expect(["Invoices", "Payments"]).toContain(issue.sheet);
            const rows = issue.sheet === "Invoices" ? invoiceRows.length : paymentRows.length;
            expect(issue.row).toBeGreaterThanOrEqual(1);
            expect(issue.row).toBeLessThanOrEqual(rows + 1);
            expect(issue.message).not.toMatch(/undefined|\{detail\}/);
          }
          for (const total of json.totals) {
            expect(Math.round(total.buckets.reduce((a, b) => a + b * 100, 0))).toBe(Math.round(total.open * 100));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  describe("edge cases", () => {
    it("an invoice sheet with only its header gives an empty report, not an error", () => {
      const run = runReceivables(
        { date1904: false, sheets: [{ name: "Invoices", firstRow: 1, firstColumn: 1, rows: [["Invoice No", "Customer", "Date", "Amount"]] }] },
        { asOf: AS_OF },
      );
      expect(run.ok).toBe(true);
      if (run.ok) {
        expect(receivablesJson(run)).toMatchObject({ openItems: [], customers: [], totals: [] });
        expect(run.issues.map((i) => i.code)).toEqual(["no-payment-table", "missing-due-date"]);
      }
    });

    it("an empty workbook has no invoice table", () => {
      const run = runReceivables({ date1904: false, sheets: [{ name: "Sheet1", firstRow: 1, firstColumn: 1, rows: [] }] }, { asOf: AS_OF });
      expect(run).toEqual({ ok: false, issues: [{ sheet: "", row: 0, column: "", code: "no-invoice-table", severity: "error" }] });
    });

    it("reads a 1904-system workbook's serials", () => {
      const serial1904 = dayFromCivil(2025, 1, 15) - 1462;
      const run = runReceivables(
        {
          date1904: true,
          sheets: [{ name: "Invoices", firstRow: 1, firstColumn: 1, rows: [["Invoice No", "Customer", "Date", "Due Date", "Amount"], ["1", "A", serial1904, serial1904 + 30, 10]] }],
        },
        { asOf: AS_OF },
      );
      expect(run.ok && receivablesJson(run).openItems[0]).toMatchObject({ date: "2025-01-15", dueDate: "2025-02-14" });
    });

    it("a sheet starting at C5 reports issues at the sheet's own coordinates", () => {
      const run = runReceivables(
        {
          date1904: false,
          sheets: [{ name: "Invoices", firstRow: 5, firstColumn: 3, rows: [["Invoice No", "Customer", "Date", "Amount"], ["1", "A", "not a date", 10]] }],
        },
        { asOf: AS_OF },
      );
      expect(run.issues.find((i) => i.code === "invalid-date")).toMatchObject({ sheet: "Invoices", row: 6, column: "E" });
    });
  });
});
