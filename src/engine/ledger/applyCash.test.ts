import { dayFromCivil } from "../dates/civil";
import type { CellValue, WorkbookData } from "../port";
import { detectTables } from "../tables/detectTables";
import { applyCash, openAt } from "./applyCash";
import { buildLedger } from "./buildLedger";

const d = (month: number, day: number) => dayFromCivil(2025, month, day);

function ledgerOf(invoices: CellValue[][], payments: CellValue[][]) {
  const workbook: WorkbookData = {
    date1904: false,
    sheets: [
      { name: "Invoices", firstRow: 1, firstColumn: 1, rows: [["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"], ...invoices] },
      { name: "Payments", firstRow: 1, firstColumn: 1, rows: [["Payment Date", "Customer", "Amount", "Reference"], ...payments] },
    ],
  };
  const { ledger, issues } = buildLedger(workbook, detectTables(workbook), { defaultCurrency: "PLN" });
  return { ledger, issues };
}

/** Open amounts as of a day, in cents, by document text. */
function openBy(invoices: CellValue[][], payments: CellValue[][], asOf: number, mode: "unapplied" | "oldest-first" = "unapplied") {
  const { ledger } = ledgerOf(invoices, payments);
  const open = openAt(ledger, applyCash(ledger, mode), asOf);
  return Object.fromEntries(Array.from(open, (value, i) => [ledger.document[i]!, value]));
}

describe("applyCash", () => {
  it("applies a payment to the invoice its title names", () => {
    const open = openBy([["FV/1", "A", d(1, 1), d(1, 31), 100], ["FV/2", "A", d(1, 2), d(2, 1), 50]], [[d(1, 20), "A", 50, "Zapłata za FV/2"]], d(3, 1));
    expect(open).toEqual({ "FV/1": 10000, "FV/2": 0, "Zapłata za FV/2": 0 });
  });

  it("leaves an overpayment as a credit balance", () => {
    const { ledger } = ledgerOf([["FV/1", "A", d(1, 1), d(1, 31), 100]], [[d(1, 20), "A", 120, "FV/1"]]);
    expect(Array.from(openAt(ledger, applyCash(ledger, "unapplied"), d(3, 1)))).toEqual([0, -2000]);
  });

  it("keeps a 0.01 residue visible", () => {
    const { ledger } = ledgerOf([["FV/1", "A", d(1, 1), d(1, 31), 100]], [[d(1, 20), "A", 99.99, "FV/1"]]);
    expect(Array.from(openAt(ledger, applyCash(ledger, "unapplied"), d(3, 1)))).toEqual([1, 0]);
  });

  it("splits one transfer over the invoices it names, in order", () => {
    const { ledger } = ledgerOf(
      [["FV/1", "A", d(1, 1), d(1, 31), 100], ["FV/2", "A", d(1, 2), d(2, 1), 50]],
      [[d(1, 20), "A", 120, "FV/2, FV/1"]],
    );
    expect(Array.from(openAt(ledger, applyCash(ledger, "unapplied"), d(3, 1)))).toEqual([3000, 0, 0]);
  });

  it("re-opens an invoice as of a date before its payment (historical as-of)", () => {
    const rows = [["FV/1", "A", d(1, 1), d(1, 31), 100]];
    const payments = [[d(2, 10), "A", 100, "Zapłata FV/1"]];
    expect(openBy(rows, payments, d(2, 9))["FV/1"]).toBe(10000);
    expect(openBy(rows, payments, d(2, 10))["FV/1"]).toBe(0);
    expect(openBy(rows, payments, d(1, 1) - 1)["FV/1"]).toBe(0); // not issued yet
  });

  it("applies a prepayment once its invoice exists", () => {
    const { ledger } = ledgerOf([["FV/9", "A", d(3, 1), d(3, 31), 100]], [[d(2, 1), "A", 100, "FV/9"]]);
    const apps = applyCash(ledger, "unapplied");
    expect(Array.from(openAt(ledger, apps, d(2, 15)))).toEqual([0, -10000]);
    expect(Array.from(openAt(ledger, apps, d(3, 1)))).toEqual([0, 0]);
  });

  it("oldest-first applies unreferenced cash to the oldest due invoices of the same customer", () => {
    const invoices = [["FV/1", "A", d(1, 1), d(2, 15), 100], ["FV/2", "A", d(1, 5), d(1, 20), 100], ["FV/3", "B", d(1, 1), d(1, 10), 100]];
    const payments = [[d(2, 1), "A", 150, "Przelew"]];
    expect(openBy(invoices, payments, d(3, 1), "oldest-first")).toEqual({ "FV/1": 5000, "FV/2": 0, "FV/3": 10000, Przelew: 0 });
    expect(openBy(invoices, payments, d(3, 1), "unapplied")).toEqual({ "FV/1": 10000, "FV/2": 10000, "FV/3": 10000, Przelew: -15000 });
  });

  it("oldest-first lets a standing credit pay the customer's next invoice", () => {
    const open = openBy([["FV/1", "A", d(3, 1), d(3, 31), 100]], [[d(2, 1), "A", 40, "advance"]], d(3, 5), "oldest-first");
    expect(open).toEqual({ "FV/1": 6000, advance: 0 });
  });

  it("oldest-first spreads one unreferenced payment over forty invoices, oldest due first", () => {
    // 40 invoices of 10.00 and one unreferenced payment of 400.00: 40 applications, all of them kept.
    const invoices = Array.from({ length: 40 }, (_, k) => [`FV/${k + 1}`, "A", d(1, 1), d(1, 2 + k), 10]);
    const { ledger } = ledgerOf(invoices, [[d(3, 1), "A", 400, "Przelew"]]);
    const applications = applyCash(ledger, "oldest-first");
    expect(applications.count).toBe(40);
    expect(Array.from(applications.amount).reduce((a, b) => a + b, 0)).toBe(40_000);
    // Oldest due first: FV/1 (due 2 January) first, FV/40 last.
    expect(ledger.document[applications.debit[0]!]).toBe("FV/1");
    expect(ledger.document[applications.debit[39]!]).toBe("FV/40");
    expect(Array.from(openAt(ledger, applications, d(3, 1))).every((v) => v === 0)).toBe(true);
  });

  it("never moves cash to another customer's invoice, and says so", () => {
    const workbookRows = [["FV/1", "A", d(1, 1), d(1, 31), 100]];
    const { ledger } = ledgerOf(workbookRows, [[d(1, 20), "B", 100, "FV/1"]]);
    const apps = applyCash(ledger, "unapplied");
    expect(apps.count).toBe(0);
    expect(apps.otherCustomerReferences).toEqual([1]);
  });

  it("gives an unnamed payment the customer of the invoice it pays", () => {
    const { ledger } = ledgerOf([["FV/1", "A", d(1, 1), d(1, 31), 100]], [[d(1, 20), null, 100, "FV/1"]]);
    expect(ledger.customer[1]).toBe(ledger.customer[0]);
    expect(Array.from(openAt(ledger, applyCash(ledger, "unapplied"), d(3, 1)))).toEqual([0, 0]);
  });
});
