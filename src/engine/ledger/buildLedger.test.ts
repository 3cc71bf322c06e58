import fc from "fast-check";
import { dayFromCivil } from "../dates/civil";
import type { CellValue, WorkbookData } from "../port";
import { detectTables } from "../tables/detectTables";
import { buildLedger } from "./buildLedger";
import { KIND_CREDIT, KIND_INVOICE, KIND_PAYMENT } from "./ledger";
import { customerKey } from "./ledgerBuilder";

function build(invoiceRows: CellValue[][], paymentRows: CellValue[][] = [["Payment Date", "Customer", "Amount"]]) {
  const workbook: WorkbookData = {
    date1904: false,
    sheets: [
      { name: "Sales", firstRow: 1, firstColumn: 1, rows: invoiceRows },
      { name: "Bank", firstRow: 1, firstColumn: 1, rows: paymentRows },
    ],
  };
  return buildLedger(workbook, detectTables(workbook), { defaultCurrency: "PLN" });
}

const header = ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency", "Type"];

describe("buildLedger", () => {
  it("turns every bad cell into an issue naming sheet, row and column, and keeps the good rows", () => {
    const { ledger, issues } = build([
      header,
      ["FV/1", "A", "2025-01-10", "2025-02-10", "100,00", "PLN", null],
      ["FV/2", "A", "31.02.2025", "2025-02-10", "n/a", "PLN", null],
      ["FV/3", null, "2025-01-10", null, 50, "PLN", null],
      ["FV/4", "B", 60, "2025-02-10", 10, "PLN", null],
      ["FV/5", "B", "2025-01-10", "2025-02-10", { error: "#N/A" }, "PLN", null],
      ["FV/6", "B", "2025-01-10", "soon", 0, "PLN", null],
      ["FV/7", "C", "2025-01-10", "2025-02-10", 10, "ZZZZ", null],
    ]);
    expect(ledger.count).toBe(2);
    expect(ledger.document).toEqual(["FV/1", "FV/7"]);
    expect(issues.map((i) => `${i.sheet}!${i.column}${i.row} ${i.code} ${i.severity}`)).toEqual([
      "Sales!C3 invalid-date error",
      "Sales!E3 invalid-amount error",
      "Sales!B4 missing-customer error",
      "Sales!C5 serial-60 error",
      "Sales!E6 cell-error error",
      "Sales!E7 zero-amount error",
      "Sales!F8 unknown-currency warning",
    ]);
  });

  it("reads credit notes from a type column or a negative amount, and payments from a mixed ledger", () => {
    const { ledger } = build([
      header,
      ["FV/1", "A", "2025-01-10", "2025-02-10", 100, "PLN", "Faktura VAT"],
      ["KOR/1", "A", "2025-01-12", null, 30, "PLN", "Faktura korygująca"],
      ["CN/2", "A", "2025-01-12", null, -5, "PLN", null],
      ["WPL/1", "A", "2025-01-20", null, 50, "PLN", "Wpłata"],
    ]);
    expect(Array.from(ledger.kind)).toEqual([KIND_INVOICE, KIND_CREDIT, KIND_CREDIT, KIND_PAYMENT]);
    expect(Array.from(ledger.amount)).toEqual([10000, -3000, -500, -5000]);
  });

  it("takes the due date from payment terms when there is no due-date column", () => {
    const { ledger, issues } = build([
      ["Nr faktury", "Kontrahent", "Data wystawienia", "Termin", "Kwota"],
      ["FV/1", "A", "10.01.2025", "14 dni", "1 000,00"],
      ["FV/2", "A", "10.01.2025", "Net 30", "1 000,00"],
    ]);
    expect(issues).toEqual([]);
    expect(Array.from(ledger.due)).toEqual([dayFromCivil(2025, 1, 24), dayFromCivil(2025, 2, 9)]);
  });

  it("keeps invoice numbers as text with their leading zeros", () => {
    const { ledger } = build([header, ["000123", "A", "2025-01-10", "2025-02-10", 1, "PLN", null]]);
    expect(ledger.document[0]).toBe("000123");
  });

  it("warns once at the header when slash dates could be day/month or month/day", () => {
    const { ledger, issues } = build([header, ["FV/1", "A", "03/04/2025", "04/05/2025", 1, "PLN", null]]);
    expect(issues).toEqual([{ sheet: "Sales", row: 1, column: "C", code: "date-order-assumed", severity: "warning", detail: "day/month/year" }]);
    expect(ledger.date[0]).toBe(dayFromCivil(2025, 4, 3));
  });

  it("settles slash dates as month/day when any value can only be read that way", () => {
    const { ledger, issues } = build([
      header,
      ["FV/1", "A", "03/04/2025", "04/05/2025", 1, "PLN", null],
      ["FV/2", "A", "03/25/2025", "04/24/2025", 1, "PLN", null],
    ]);
    expect(issues).toEqual([]);
    expect(ledger.date[0]).toBe(dayFromCivil(2025, 3, 4));
  });

  it("flags duplicate invoice numbers", () => {
    const { issues } = build([header, ["FV/1", "A", "2025-01-10", "2025-02-10", 1, "PLN", null], ["fv/1 ", "B", "2025-01-11", "2025-02-10", 1, "PLN", null]]);
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([["duplicate-document", 3, "A"]]);
  });

  it("reports an explicit invoice reference that matches nothing", () => {
    const { issues } = build(
      [header, ["FV/1", "A", "2025-01-10", "2025-02-10", 1, "PLN", null]],
      [["Payment Date", "Customer", "Amount", "Invoice No"], ["2025-01-20", "A", 1, "FV/404"]],
    );
    expect(issues.map((i) => [i.sheet, i.row, i.column, i.code])).toEqual([["Bank", 2, "D", "unknown-reference"]]);
  });
});

describe("customer identity", () => {
  it("merges spellings that differ in case, punctuation and diacritics, and keeps other scripts apart", () => {
    const { ledger } = build([
      header,
      ["FV/1", "Kowalski Sp. z o.o.", "2025-01-10", "2025-02-10", 1, "PLN", null],
      ["FV/2", "KOWALSKI SP Z OO", "2025-01-10", "2025-02-10", 1, "PLN", null],
      ["FV/3", "Zakład Ślusarski", "2025-01-10", "2025-02-10", 1, "PLN", null],
      ["FV/4", "Zaklad Slusarski", "2025-01-10", "2025-02-10", 1, "PLN", null],
      ["FV/5", "شركة النور", "2025-01-10", "2025-02-10", 1, "PLN", null],
      ["FV/6", "\u200fמאפיית אור", "2025-01-10", "2025-02-10", 1, "PLN", null],
      ["FV/7", "ООО Ромашка", "2025-01-10", "2025-02-10", 1, "PLN", null],
    ]);
    expect(Array.from(ledger.customer)).toEqual([0, 0, 1, 1, 2, 3, 4]);
  });

  it("folds a plain ASCII name exactly as the Unicode fold does (its fast path changes nothing)", () => {
    const unicodeFold = (name: string) => {
      const folded = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ł/g, "l").replace(/[^\p{L}\p{N}]+/gu, "");
      return `name:${folded === "" ? name.trim() : folded}`;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 30 }), (name) => {
        expect(customerKey(name, "")).toBe(unicodeFold(name));
      }),
      { numRuns: 3000 },
    );
    expect(customerKey("Kowalski Sp. z o.o.", "")).toBe("name:kowalskispzoo");
    expect(customerKey(" -- ", "")).toBe("name:--");
  });
});
