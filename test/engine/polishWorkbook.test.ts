import { dayFromCivil } from "../../src/engine/dates/civil";
import type { WorkbookData } from "../../src/engine/port";
import { receivablesJson } from "../../src/engine/report/receivablesJson";
import { runReceivables } from "../../src/engine/runReceivables";

/**
 * An ERP export as a Polish user has it: a title row, Polish headers, text dates, text amounts with a space
 * thousands separator and a decimal comma, a credit note, a totals row; payments referenced only in free text.
 */
const workbook: WorkbookData = {
  date1904: false,
  sheets: [
    {
      name: "Faktury",
      firstRow: 1,
      firstColumn: 1,
      rows: [
        ["Rejestr faktur sprzedaży — listopad 2025", null, null, null, null, null],
        [null, null, null, null, null, null],
        ["Nr faktury", "Kontrahent", "Data wystawienia", "Termin płatności", "Kwota brutto", "Rodzaj"],
        ["FV/2025/10/001", "Kowalski Sp. z o.o.", "01.10.2025", "15.10.2025", "12 300,00", "Faktura"],
        ["FV/2025/10/002", "Kowalski Sp. z o.o.", "10.10.2025", "24.10.2025", "1 234,56", "Faktura"],
        ["FV/2025/10/003", "Nowak S.A.", "20.10.2025", "19.11.2025", "5 000,00", "Faktura"],
        ["KOR/2025/10/001", "Nowak S.A.", "25.10.2025", "25.10.2025", "-1 000,00", "Korekta"],
        ["FV/2025/11/004", "Nowak S.A.", "05.11.2025", "05.12.2025", "2 500,50", "Faktura"],
        ["Razem", null, null, null, "20 035,06", null],
      ],
    },
    {
      name: "Wpłaty",
      firstRow: 1,
      firstColumn: 1,
      rows: [
        ["Data wpłaty", "Kontrahent", "Kwota", "Tytuł przelewu"],
        ["14.10.2025", "Kowalski Sp. z o.o.", "12 300,00", "Zapłata za FV/2025/10/001"],
        ["30.10.2025", "Kowalski Sp. z o.o.", "1 000,00", "FV/2025/10/002 częściowa"],
        ["20.11.2025", "Nowak S.A.", "4 000,00", "przelew FV/2025/10/003, dziękujemy"],
        ["25.11.2025", "Nowak S.A.", "300,00", "Przelew"],
      ],
    },
  ],
};

describe("a Polish ERP export", () => {
  const run = runReceivables(workbook, { asOf: dayFromCivil(2025, 11, 30), defaultCurrency: "PLN", language: "pl" });
  if (!run.ok) throw new Error("expected a result");
  const json = receivablesJson(run);

  it("finds both tables below the title row and maps the Polish headers", () => {
    expect(json.sources.invoices).toMatchObject({ sheet: "Faktury", headerRow: 3 });
    expect(json.sources.invoices?.columns).toMatchObject({
      document: { column: "A" }, customer: { column: "B" }, date: { column: "C" }, due: { column: "D" },
      amount: { column: "E" }, type: { column: "F" },
    });
    expect(json.sources.payments).toMatchObject({ sheet: "Wpłaty", headerRow: 1 });
  });

  it("reads every row right and skips the totals row without an issue", () => {
    expect(json.issues).toEqual([]);
    expect(run.ledger.count).toBe(5 + 4);
  });

  it("applies payments found in free text to the right invoices", () => {
    const byDocument = Object.fromEntries(json.openItems.map((item) => [item.document, item]));
    // FV/001 paid in full → gone; FV/002: 1 234,56 − 1 000,00 = 234,56 open, due 24.10 → 37 days past due.
    expect(byDocument["FV/2025/10/001"]).toBeUndefined();
    expect(byDocument["FV/2025/10/002"]).toMatchObject({ open: 234.56, daysPastDue: 37, bucket: "31–60" });
    // FV/003: 5 000 − credit note? No: the credit note references nothing, so it stays an open credit of its own.
    expect(byDocument["FV/2025/10/003"]).toMatchObject({ open: 1000, daysPastDue: 11, bucket: "1–30" });
    expect(byDocument["KOR/2025/10/001"]).toMatchObject({ kind: "credit", open: -1000, daysPastDue: 36 });
    // The unreferenced 300,00 is an unapplied payment, a negative item aged by its own date.
    expect(byDocument["Przelew"]).toMatchObject({ kind: "payment", open: -300, daysPastDue: 5 });
    expect(byDocument["FV/2025/11/004"]).toMatchObject({ open: 2500.5, daysPastDue: -5, bucket: "Nieprzeterminowane" });
  });

  it("totals reconcile: open = invoiced − credits − payments, and buckets sum to open", () => {
    // 20 035,06 invoiced − 1 000 credit − 17 600 paid = 2 435,06 … plus check per bucket.
    const total = json.totals[0]!;
    expect(total.currency).toBe("PLN");
    expect(total.open).toBe(234.56 + 1000 - 1000 - 300 + 2500.5);
    expect(Math.round(total.buckets.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(total.open * 100));
  });

  it("sets account status from the oldest overdue item", () => {
    const status = Object.fromEntries(json.customers.map((c) => [c.customer, c.status]));
    expect(status).toEqual({ "Kowalski Sp. z o.o.": "overdue", "Nowak S.A.": "overdue" });
  });
});
