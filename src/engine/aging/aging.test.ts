import { dayFromCivil } from "../dates/civil";
import type { CellValue, WorkbookData } from "../port";
import { receivablesJson } from "../report/receivablesJson";
import { runReceivables } from "../runReceivables";
import { bucketIndex, bucketLadder, parseLadder } from "./bucketLadder";

const d = (month: number, day: number) => dayFromCivil(2025, month, day);

describe("bucketLadder", () => {
  it("builds the default ladder by due date", () => {
    expect(bucketLadder([30, 60, 90], "due", "en")).toEqual([
      { label: "Not due", fromDays: null, toDays: 0 },
      { label: "1–30", fromDays: 1, toDays: 30 },
      { label: "31–60", fromDays: 31, toDays: 60 },
      { label: "61–90", fromDays: 61, toDays: 90 },
      { label: "91+", fromDays: 91, toDays: null },
    ]);
  });
  it("builds uneven ladders and invoice-date ladders", () => {
    expect(bucketLadder([30, 90, 150, 365], "due", "pl").map((b) => b.label)).toEqual(["Nieprzeterminowane", "1–30", "31–90", "91–150", "151–365", "366+"]);
    expect(bucketLadder([30, 60], "invoice", "en").map((b) => b.label)).toEqual(["0–30", "31–60", "61+"]);
  });
  it("parses ladder options", () => {
    expect(parseLadder("30, 90,150")).toEqual([30, 90, 150]);
    expect(parseLadder("60,30")).toBeUndefined();
    expect(parseLadder("30,abc")).toBeUndefined();
  });

  describe("edge cases", () => {
    const ladder = bucketLadder([30, 60, 90], "due", "en");
    it("an item due on the as-of date is Not due; one day later it is 1–30", () => {
      expect(bucketIndex(ladder, 0)).toBe(0);
      expect(bucketIndex(ladder, 1)).toBe(1);
    });
    it("bucket edges are inclusive: 30 is 1–30, 31 is 31–60, 90 is 61–90, 91 is 91+", () => {
      expect([30, 31, 90, 91, 5000].map((days) => bucketIndex(ladder, days))).toEqual([1, 2, 3, 4, 4]);
    });
  });
});

function run(invoices: CellValue[][], payments: CellValue[][], asOf: number, options: { basis?: "due" | "invoice"; collectionsAfterDays?: number } = {}) {
  const workbook: WorkbookData = {
    date1904: false,
    sheets: [
      { name: "Invoices", firstRow: 1, firstColumn: 1, rows: [["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"], ...invoices] },
      { name: "Payments", firstRow: 1, firstColumn: 1, rows: [["Payment Date", "Customer", "Amount", "Reference"], ...payments] },
    ],
  };
  const result = runReceivables(workbook, { asOf, defaultCurrency: "PLN", ...options });
  if (!result.ok) throw new Error("no result");
  return receivablesJson(result);
}

describe("ageLedger", () => {
  it("ages a credit note by its own date (GnuCash: −3.00 nine days old offsets 4.00 thirteen days overdue in 1–30)", () => {
    const json = run([["FV/1", "A", d(1, 1), d(1, 17), 4], ["KOR/1", "A", d(1, 21), d(1, 21), -3]], [], d(1, 30));
    expect(json.openItems.map((i) => [i.document, i.open, i.daysPastDue, i.bucket])).toEqual([
      ["FV/1", 4, 13, "1–30"],
      ["KOR/1", -3, 9, "1–30"],
    ]);
    expect(json.customers[0]!.buckets).toEqual([0, 1, 0, 0, 0]);
  });

  it("by invoice date counts from the invoice date, while overdue still counts from the due date", () => {
    const json = run([["FV/1", "A", d(1, 1), d(3, 1), 100]], [], d(2, 15), { basis: "invoice" });
    expect(json.openItems[0]).toMatchObject({ daysPastDue: 45, bucket: "31–60" });
    expect(json.customers[0]).toMatchObject({ status: "current", overdue: 0 });
  });

  it("flags collections when the oldest overdue item passes the threshold", () => {
    const invoices = [["FV/1", "A", d(1, 1), d(1, 31), 100], ["FV/2", "B", d(1, 1), d(3, 1), 100], ["FV/3", "C", d(1, 1), d(6, 30), 100]];
    const json = run(invoices, [], d(5, 1));
    // A: 90 days past due → overdue (not yet collections); B: 61 → overdue; C: not due → current.
    expect(json.customers.map((c) => [c.customer, c.oldestOverdueDays, c.status])).toEqual([["A", 90, "overdue"], ["B", 61, "overdue"], ["C", 0, "current"]]);
    expect(run(invoices, [], d(5, 2)).customers[0]).toMatchObject({ oldestOverdueDays: 91, status: "collections" });
    expect(run(invoices, [], d(5, 1), { collectionsAfterDays: 60 }).customers[1]).toMatchObject({ status: "collections" });
  });

  it("ignores an empty payments sheet and ages invoices alone", () => {
    const json = run([["FV/1", "A", d(1, 1), d(1, 31), 100]], [], d(1, 31));
    expect(json.openItems).toHaveLength(1);
    expect(json.openItems[0]).toMatchObject({ daysPastDue: 0, bucket: "Not due" });
  });
});
