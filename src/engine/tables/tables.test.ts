import { INVOICE_SYNONYMS, PAYMENT_SYNONYMS } from "./columnSynonyms";
import { columnLetter } from "./columnLetter";
import { detectTables, stackedHeader } from "./detectTables";
import { isTotalsRow } from "./isTotalsRow";
import { mapColumns } from "./mapColumns";
import { headerCurrency, normalizeHeader } from "./normalizeHeader";
import { parseTerms } from "./parseTerms";
import { isBlank } from "./readCells";
import type { SheetGrid } from "../port";

const sheet = (name: string, rows: SheetGrid["rows"]): SheetGrid => ({ name, rows, firstRow: 1, firstColumn: 1 });

describe("normalizeHeader", () => {
  it("folds case, diacritics, brackets and punctuation", () => {
    expect(normalizeHeader("Termin płatności (dd.mm.rrrr)")).toBe("termin platnosci");
    expect(normalizeHeader("  Invoice #  ")).toBe("invoice");
    expect(normalizeHeader("Data wpłaty")).toBe("data wplaty");
  });
  it("finds a currency named in a header", () => {
    expect(headerCurrency("Amount (EUR)")).toBe("EUR");
    expect(headerCurrency("Kwota brutto zł")).toBe("PLN");
    expect(headerCurrency("Amount")).toBeUndefined();
  });
});

describe("mapColumns", () => {
  it("maps English and Polish headers", () => {
    const mapped = mapColumns(["Nr faktury", "Nabywca", "Data wystawienia", "Termin płatności", "Wartość brutto", "Waluta"], INVOICE_SYNONYMS);
    expect(Object.fromEntries(mapped)).toEqual({ document: 0, customer: 1, date: 2, due: 3, amount: 4, currency: 5 });
  });
  it("prefers the more specific synonym when two columns claim one field", () => {
    const mapped = mapColumns(["Date", "Invoice Date", "Invoice No", "Client", "Amount PLN"], INVOICE_SYNONYMS);
    expect(mapped.get("date")).toBe(1);
    expect(mapped.get("amount")).toBe(4);
  });
  it("maps an invoice-number column of a payment table as an explicit reference", () => {
    const mapped = mapColumns(["Data zapłaty", "Kwota", "Nr faktury", "Tytuł przelewu"], PAYMENT_SYNONYMS);
    expect(Object.fromEntries(mapped)).toEqual({ date: 0, amount: 1, invoiceRef: 2, reference: 3 });
  });
});

describe("detectTables", () => {
  it("finds headers below title rows and tells invoices from payments", () => {
    const tables = detectTables({
      date1904: false,
      sheets: [
        sheet("Bank", [["Date", "Customer", "Amount", "Reference"], [45000, "A", 10, "x"]]),
        sheet("Register", [["ACME Ltd — sales"], [], ["Invoice No", "Customer", "Date", "Due Date", "Amount"], ["1", "A", 45000, 45030, 10]]),
      ],
    });
    expect(tables.invoices?.sheet.name).toBe("Register");
    expect(tables.invoices?.headerIndex).toBe(2);
    expect(tables.payments?.sheet.name).toBe("Bank");
  });
  it("honours a pinned sheet", () => {
    const tables = detectTables(
      { date1904: false, sheets: [sheet("A", [["Invoice No", "Customer", "Date", "Amount"]]), sheet("B", [["Invoice No", "Customer", "Date", "Amount", "Due"]])] },
      { invoicesSheet: "a" },
    );
    expect(tables.invoices?.sheet.name).toBe("A");
  });
  it("reads a two-row header (merged group cells above the column names) as one", () => {
    const tables = detectTables({
      date1904: false,
      sheets: [sheet("Invoices", [["Register"], ["Invoice No", "Customer", "Dates", null, "Amount (PLN)"], [null, null, "Invoice Date", "Due Date"], ["1", "A", 45000, 45030, 10]])],
    });
    expect(tables.invoices?.headerIndex).toBe(2);
    expect(tables.invoices?.header).toEqual(["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount (PLN)"]);
    expect(Object.fromEntries(tables.invoices!.columns)).toEqual({ document: 0, customer: 1, date: 2, due: 3, amount: 4 });
  });

  it("prefers a one-row header to the same header read with the row above it", () => {
    const tables = detectTables({ date1904: false, sheets: [sheet("Invoices", [["Invoice No", "Customer", "Date", "Amount"], [null, "A", 45000, 10]])] });
    expect(tables.invoices?.headerIndex).toBe(0);
  });

  it("finds nothing in a sheet without the required columns", () => {
    expect(detectTables({ date1904: false, sheets: [sheet("Notes", [["Hello", "World"]])] })).toEqual({});
  });
});

describe("stackedHeader", () => {
  it("takes each column's lower cell, else the one above it", () => {
    expect(stackedHeader(["Invoice No", "Dates", null], [null, "Invoice Date", "Due Date"])).toEqual(["Invoice No", "Invoice Date", "Due Date"]);
    expect(stackedHeader(["Amount"], ["  "])).toEqual(["Amount"]);
    expect(stackedHeader(["Year"], [2025])).toEqual([2025]);
  });
});

describe("parseTerms", () => {
  it.each([
    ["30", 30], ["Net 30", 30], ["NET30", 30], ["14 dni", 14], ["30 days", 30], ["płatne w ciągu 14 dni", 14],
    ["2/10 net 30", 30], ["Due on receipt", 0], ["gotówka", 0],
  ])("%s → %d days", (text, days) => {
    expect(parseTerms(text)).toBe(days);
  });
  it("takes whole non-negative numbers and refuses words", () => {
    expect(parseTerms(45)).toBe(45);
    expect(parseTerms(-1)).toBeUndefined();
    expect(parseTerms("soon")).toBeUndefined();
  });
});

describe("isTotalsRow", () => {
  it("recognizes totals rows without a date", () => {
    expect(isTotalsRow(["Razem", null, null, 1234.5], 1)).toBe(true);
    expect(isTotalsRow([null, "Total:", null, 1234.5], 2)).toBe(true);
    expect(isTotalsRow(["Suma brutto", null], 1)).toBe(true);
  });
  it("keeps a customer named Total Energies that has a date", () => {
    expect(isTotalsRow(["FV/1", "Total Energies", 45000, 10], 2)).toBe(false);
  });
});

describe("columnLetter", () => {
  it("spells columns as Excel does", () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA", "XFD"]);
  });
});

describe("isBlank", () => {
  it("takes exactly the code units String.prototype.trim removes for white space", () => {
    // Exhaustive over the BMP: the scan replaced `cell.trim() === ""`, which allocated a copy of every text cell.
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = String.fromCharCode(code);
      if (isBlank(text) !== (text.trim() === "")) differing.push(code);
    }
    expect(differing).toEqual([]);
    expect(isBlank(" \u00a0\t\n")).toBe(true);
    expect(isBlank("  x ")).toBe(false);
    expect(isBlank("")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(null)).toBe(true);
  });
});
