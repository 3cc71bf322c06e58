import { dayFromCivil } from "../engine/dates/civil";
import type { ReportBlock, ReportSheet, ReportValue, ReportWorkbook } from "../engine/report/model";
import {
  SAMPLE_END_DAY,
  SAMPLE_HISTORY_DAYS,
  generateSample,
  generateSampleWithFacts,
  sampleFacts,
} from "./generateSample";

const INVOICE_HEADER = [
  "Invoice No", "Customer", "Customer ID", "Invoice Date", "Due Date", "Terms", "Amount", "Currency", "Type",
  "Reference", "Collector", "Email", "Phone",
];
const PAYMENT_HEADER = ["Payment Date", "Customer", "Amount", "Currency", "Reference"];
// Column indexes in the register, by header position.
const NO = 0;
const CUSTOMER = 1;
const CUSTOMER_ID = 2;
const DATE = 3;
const DUE = 4;
const TERMS = 5;
const AMOUNT = 6;
const CURRENCY = 7;
const TYPE = 8;
const REFERENCE = 9;
const EMAIL = 11;
const PHONE = 12;
const [P_DATE, P_CUSTOMER, P_AMOUNT, P_CURRENCY, P_REFERENCE] = [0, 1, 2, 3, 4];
const INVOICE_NUMBER = /FV\/\d{4}\/\d{2}\/\d{4,}/g;

function sheet(workbook: ReportWorkbook, name: string): ReportSheet {
  const found = workbook.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function block(workbook: ReportWorkbook, name: string): ReportBlock {
  const found = sheet(workbook, name).blocks[0];
  if (!found) throw new Error(`no block on ${name}`);
  return found;
}

/** Data rows of the register without the totals row. */
function registerRows(workbook: ReportWorkbook): ReadonlyArray<ReadonlyArray<ReportValue>> {
  const invoices = block(workbook, "Invoices");
  return invoices.rows.filter((_, index) => invoices.rowRoles?.get(index) === undefined);
}

function cents(value: ReportValue | undefined): number {
  if (typeof value !== "number") throw new Error(`not an amount: ${String(value)}`);
  return Math.round(value * 100);
}

/** The value drawn at a 1-based sheet row and a column letter, computed independently of the generator. */
function cellAt(target: ReportSheet, row: number, column: string): ReportValue | undefined {
  const columnIndex = [...column].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  for (const candidate of target.blocks) {
    const offset = columnIndex - candidate.column;
    if (offset < 0 || offset >= candidate.columns.length) continue;
    const headerRow = candidate.row + 1; // 0-based block row → 1-based sheet row
    if (row === headerRow) return candidate.header?.[offset];
    const data = candidate.rows[row - headerRow - 1];
    if (data) return data[offset];
  }
  return undefined;
}

function invoiceNumbersIn(text: ReportValue | undefined): string[] {
  return typeof text === "string" ? (text.match(INVOICE_NUMBER) ?? []) : [];
}

describe("generateSample", () => {
  const workbook = generateSample();
  const facts = sampleFacts(workbook);
  const rows = registerRows(workbook);
  const payments = block(workbook, "Payments").rows;
  const startDay = SAMPLE_END_DAY - SAMPLE_HISTORY_DAYS + 1;

  it("ends on 2026-11-30 by default", () => {
    expect(SAMPLE_END_DAY).toBe(dayFromCivil(2026, 11, 30));
  });

  it("is deterministic: same options, identical workbook", () => {
    expect(generateSample({ seed: 9, invoices: 600 })).toEqual(generateSample({ seed: 9, invoices: 600 }));
    expect(generateSample()).toEqual(workbook);
  });

  it("differs for another seed", () => {
    const a = block(generateSample({ seed: 1, invoices: 600 }), "Invoices").rows;
    const b = block(generateSample({ seed: 2, invoices: 600 }), "Invoices").rows;
    expect(a).not.toEqual(b);
  });

  it("lays out the Invoices sheet: title, subtitle, blank row, block at row 3", () => {
    const invoices = sheet(workbook, "Invoices");
    expect(invoices.texts).toEqual([
      { row: 0, column: 0, text: "Invoice register — Example Trading Sp. z o.o.", role: "title" },
      { row: 1, column: 0, text: "Exported from ERP on 2026-11-30", role: "subtitle" },
    ]);
    const register = block(workbook, "Invoices");
    expect(register.row).toBe(3);
    expect(register.column).toBe(0);
    expect(register.header).toEqual(INVOICE_HEADER);
    expect(register.columns.map((style) => style.kind)).toEqual([
      "text", "text", "text", "date", "date", "text", "amount", "text", "text", "text", "text", "text", "text",
    ]);
  });

  it("lays out the Payments sheet: title, blank row, block at row 2", () => {
    const sheetOfPayments = sheet(workbook, "Payments");
    expect(sheetOfPayments.texts.map((text) => [text.row, text.role])).toEqual([[0, "title"]]);
    const list = block(workbook, "Payments");
    expect(list.row).toBe(2);
    expect(list.header).toEqual(PAYMENT_HEADER);
    expect(list.columns.map((style) => style.kind)).toEqual(["date", "text", "amount", "text", "text"]);
  });

  it("has the default counts: 4,000 invoices, 150 customers, PLN and EUR", () => {
    expect(facts.invoiceCount).toBe(4000);
    expect(facts.customers).toBe(150);
    expect(facts.currencies).toEqual(["EUR", "PLN"]);
    expect(facts.creditNoteCount).toBeGreaterThan(40);
    expect(facts.paymentCount).toBeGreaterThan(3000);
    expect(rows.length).toBe(facts.invoiceCount + facts.creditNoteCount);
    expect(payments.length).toBe(facts.paymentCount);
  });

  it("gives each customer one ID, one currency, and about 15 % of customers EUR", () => {
    const currencyOf = new Map<string, ReportValue | undefined>();
    const idOf = new Map<string, ReportValue | undefined>();
    const conflicts: unknown[] = [];
    for (const row of rows) {
      const name = row[CUSTOMER];
      if (typeof name !== "string") continue;
      if ((currencyOf.get(name) ?? row[CURRENCY]) !== row[CURRENCY]) conflicts.push(row);
      if ((idOf.get(name) ?? row[CUSTOMER_ID]) !== row[CUSTOMER_ID]) conflicts.push(row);
      currencyOf.set(name, row[CURRENCY]);
      idOf.set(name, row[CUSTOMER_ID]);
    }
    for (const row of payments) if (row[P_CURRENCY] !== currencyOf.get(String(row[P_CUSTOMER]))) conflicts.push(row);
    expect(conflicts).toEqual([]);
    expect(new Set(idOf.values()).size).toBe(idOf.size);
    expect([...idOf.values()].filter((id) => !/^K\d{4}$/.test(String(id)))).toEqual([]);
    const eur = [...currencyOf.values()].filter((currency) => currency === "EUR").length;
    expect(eur / currencyOf.size).toBeGreaterThan(0.1);
    expect(eur / currencyOf.size).toBeLessThan(0.2);
  });

  it("keeps every date inside the two-year history and no payment after the end day", () => {
    const inside = (day: ReportValue | undefined): boolean =>
      typeof day === "number" && day >= startDay && day <= SAMPLE_END_DAY;
    // The impossible-date bad row is the only register row without a numeric date.
    const dated = rows.filter((row) => typeof row[DATE] === "number");
    expect(rows.length - dated.length).toBe(1);
    expect(dated.filter((row) => !inside(row[DATE]) || (row[DUE] as number) < (row[DATE] as number))).toEqual([]);
    expect(payments.filter((row) => !inside(row[P_DATE]))).toEqual([]);
  });

  it("sorts payments by date and keeps their amounts positive with at most 2 decimals", () => {
    const unsorted = payments.filter((row, i) => i > 0 && (row[P_DATE] as number) < (payments[i - 1]?.[P_DATE] as number));
    expect(unsorted).toEqual([]);
    const badAmounts = payments.filter((row) => {
      const amount = row[P_AMOUNT];
      return typeof amount !== "number" || amount <= 0 || Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6;
    });
    expect(badAmounts).toEqual([]);
  });

  it("formats documents: FV/yyyy/mm/nnnn invoices, KOR/… credit notes, unique numbers, terms as text", () => {
    const malformed = rows.filter((row) => {
      const number = String(row[NO]);
      if (row[TYPE] === "Invoice") {
        return !/^FV\/\d{4}\/\d{2}\/\d{4,}$/.test(number) || !/^(Net \d+|\d+ dni|\d+ days|\d+)$/.test(String(row[TERMS]));
      }
      return row[TYPE] !== "Credit note" || !/^KOR\/\d{4}\/\d{2}\/\d{4,}$/.test(number);
    });
    expect(malformed).toEqual([]);
    expect(new Set(rows.map((row) => row[NO])).size).toBe(rows.length);
  });

  it("ends the register with a totals row equal to the sum of the numeric amounts, to the cent", () => {
    const register = block(workbook, "Invoices");
    const last = register.rows.length - 1;
    expect(register.rowRoles?.get(last)).toBe("total");
    expect([...(register.rowRoles?.keys() ?? [])]).toEqual([last]);
    const total = register.rows[last] ?? [];
    expect(total[NO]).toBe("Total");
    const sum = rows.reduce((acc, row) => acc + (typeof row[AMOUNT] === "number" ? cents(row[AMOUNT]) : 0), 0);
    expect(cents(total[AMOUNT])).toBe(sum);
    expect(total.filter((value) => value !== null)).toHaveLength(2);
  });

  it("gives credit notes a negative amount and a reference to an existing invoice of the same customer", () => {
    const invoiceCustomer = new Map(rows.filter((row) => row[TYPE] === "Invoice").map((row) => [row[NO], row[CUSTOMER_ID]]));
    const creditNotes = rows.filter((row) => row[TYPE] === "Credit note");
    expect(creditNotes.length).toBeGreaterThan(0);
    const wrong = creditNotes.filter(
      (note) =>
        cents(note[AMOUNT]) >= 0 ||
        !invoiceCustomer.has(note[REFERENCE]) ||
        invoiceCustomer.get(note[REFERENCE]) !== note[CUSTOMER_ID],
    );
    expect(wrong).toEqual([]);
  });

  it("references only existing invoices of the paying customer, never paid before the invoice date", () => {
    const invoices = new Map(rows.filter((row) => row[TYPE] === "Invoice").map((row) => [row[NO], row]));
    const wrong = payments.filter((payment) =>
      invoiceNumbersIn(payment[P_REFERENCE]).some((number) => {
        const invoice = invoices.get(number);
        return invoice?.[CUSTOMER] !== payment[P_CUSTOMER] || (payment[P_DATE] as number) <= (invoice?.[DATE] as number);
      }),
    );
    expect(wrong).toEqual([]);
  });

  it("shows the payment patterns: two-invoice transfers, instalments, unreferenced, over- and underpayments", () => {
    const amountOf = new Map(rows.filter((row) => row[TYPE] === "Invoice").map((row) => [row[NO], row[AMOUNT]]));
    const paidCents = new Map<string, number>();
    let pairs = 0;
    let unreferenced = 0;
    for (const payment of payments) {
      const numbers = invoiceNumbersIn(payment[P_REFERENCE]);
      if (numbers.length === 0) unreferenced++;
      if (numbers.length === 2) {
        pairs++;
        expect(cents(payment[P_AMOUNT])).toBe(numbers.reduce((sum, number) => sum + cents(amountOf.get(number)), 0));
      }
      if (numbers.length === 1) {
        const number = numbers[0] as string;
        paidCents.set(number, (paidCents.get(number) ?? 0) + cents(payment[P_AMOUNT]));
      }
    }
    const instalments = payments.filter((payment) => /partial|Częściowa/.test(String(payment[P_REFERENCE]))).length;
    const credited = new Set(rows.filter((row) => row[TYPE] === "Credit note").map((row) => row[REFERENCE]));
    const differences = [...paidCents]
      .filter(([number]) => !credited.has(number))
      .map(([number, paid]) => paid - cents(amountOf.get(number)));
    expect(pairs).toBeGreaterThan(5);
    expect(unreferenced).toBeGreaterThan(20);
    expect(instalments).toBeGreaterThan(20);
    expect(differences.filter((difference) => difference > 0).length).toBeGreaterThan(5); // overpaid
    expect(differences.filter((difference) => difference === -1).length).toBeGreaterThan(5); // 0.01 residue
    expect(payments.some((payment) => payment[P_REFERENCE] === null)).toBe(true);
  });

  it("leaves some invoices open at the end, including long-overdue ones", () => {
    const referenced = new Set(payments.flatMap((payment) => invoiceNumbersIn(payment[P_REFERENCE])));
    const unpaid = rows.filter((row) => row[TYPE] === "Invoice" && !referenced.has(String(row[NO])));
    expect(unpaid.some((row) => (row[DUE] as number) > SAMPLE_END_DAY)).toBe(true);
    expect(unpaid.some((row) => (row[DUE] as number) < SAMPLE_END_DAY - 180)).toBe(true);
  });

  it("writes no habit label or generator parameter anywhere", () => {
    const texts = workbook.sheets.flatMap((target) => [
      target.name,
      ...target.texts.map((text) => text.text),
      ...target.blocks.flatMap((candidate) => [...(candidate.header ?? []), ...candidate.rows.flat()]),
    ]);
    const revealing = /habit|prompt|slow|seasonal|disput|default|seed/i;
    expect(texts.filter((text) => typeof text === "string" && revealing.test(text))).toEqual([]);
  });

  it("uses fake contact details: example.com / example.pl mail, +48 phones", () => {
    const wrong = rows.filter(
      (row) => !/^[a-z0-9.-]+@example\.(com|pl)$/.test(String(row[EMAIL])) || !/^\+48( \d+)+$/.test(String(row[PHONE])),
    );
    expect(wrong).toEqual([]);
  });

  describe("bad rows", () => {
    const generated = generateSampleWithFacts();

    it("records one bad row per problem, and sampleFacts reads the same back", () => {
      expect(generated.facts).toEqual(facts);
      expect(facts.badRows.map((bad) => bad.problem).sort()).toEqual([
        "impossible-date",
        "missing-customer",
        "text-amount",
      ]);
    });

    it("puts each bad value where the facts say, among the data rows", () => {
      const invoices = sheet(workbook, "Invoices");
      const register = block(workbook, "Invoices");
      const firstDataRow = register.row + 2;
      const totalsRow = register.row + 1 + register.rows.length;
      const expected = { "text-amount": "n/a", "impossible-date": "31.02.2025", "missing-customer": null };
      const headerOf = { "text-amount": "Amount", "impossible-date": "Invoice Date", "missing-customer": "Customer" };
      for (const bad of facts.badRows) {
        expect(bad.sheet).toBe("Invoices");
        expect(bad.row).toBeGreaterThan(firstDataRow);
        expect(bad.row).toBeLessThan(totalsRow);
        expect(cellAt(invoices, bad.row, bad.column)).toBe(expected[bad.problem]);
        expect(cellAt(invoices, register.row + 1, bad.column)).toBe(headerOf[bad.problem]);
        expect(cellAt(invoices, bad.row, "I")).toBe("Invoice");
      }
    });

    it("blanks both customer name and ID on the missing-customer row, and settles no bad row", () => {
      const invoices = sheet(workbook, "Invoices");
      const missing = facts.badRows.find((bad) => bad.problem === "missing-customer");
      expect(missing).toBeDefined();
      expect(cellAt(invoices, missing?.row ?? 0, "C")).toBeNull();
      const badNumbers = facts.badRows.map((bad) => cellAt(invoices, bad.row, "A"));
      const referenced = new Set([
        ...payments.flatMap((payment) => invoiceNumbersIn(payment[P_REFERENCE])),
        ...rows.map((row) => row[REFERENCE]),
      ]);
      for (const number of badNumbers) expect(referenced.has(number as string)).toBe(false);
    });
  });

  describe("options", () => {
    it("scales with the invoices option", () => {
      const small = generateSampleWithFacts({ invoices: 100 });
      expect(small.facts.invoiceCount).toBe(100);
      expect(small.facts.badRows).toHaveLength(3);
      expect(small.facts.currencies).toEqual(["EUR", "PLN"]);
      expect(sampleFacts(small.workbook)).toEqual(small.facts);

      const large = generateSampleWithFacts({ invoices: 20_000 });
      expect(large.facts.invoiceCount).toBe(20_000);
      expect(large.facts.customers).toBe(150);
      expect(sampleFacts(large.workbook)).toEqual(large.facts);
    });

    it("ends the history at a custom endDay", () => {
      const endDay = dayFromCivil(2024, 6, 30);
      const sample = generateSample({ endDay, invoices: 300 });
      expect(sheet(sample, "Invoices").texts[1]?.text).toBe("Exported from ERP on 2024-06-30");
      const dates = [
        ...registerRows(sample).map((row) => row[DATE]),
        ...block(sample, "Payments").rows.map((row) => row[P_DATE]),
      ].filter((date): date is number => typeof date === "number");
      expect(Math.max(...dates)).toBeLessThanOrEqual(endDay);
      expect(Math.min(...dates)).toBeGreaterThanOrEqual(endDay - SAMPLE_HISTORY_DAYS + 1);
    });
  });

  describe("edge cases", () => {
    it("rejects too few, fractional or negative invoice counts", () => {
      expect(() => generateSample({ invoices: 9 })).toThrow(RangeError);
      expect(() => generateSample({ invoices: 100.5 })).toThrow(RangeError);
      expect(() => generateSample({ invoices: -1 })).toThrow(RangeError);
    });

    it("rejects a fractional seed and an endDay too early for plain Excel serials", () => {
      expect(() => generateSample({ seed: 0.5 })).toThrow(RangeError);
      expect(() => generateSample({ endDay: 100 })).toThrow(RangeError);
    });

    it("works at the minimum of 10 invoices", () => {
      const tiny = generateSampleWithFacts({ invoices: 10 });
      expect(tiny.facts.invoiceCount).toBe(10);
      expect(tiny.facts.badRows).toHaveLength(3);
      expect(sampleFacts(tiny.workbook)).toEqual(tiny.facts);
    });

    it("keeps leading zeros: invoice numbers and IDs are text, never numbers", () => {
      const numeric = rows.filter(
        (row) => typeof row[NO] !== "string" || (row[CUSTOMER_ID] !== null && typeof row[CUSTOMER_ID] !== "string"),
      );
      expect(numeric).toEqual([]);
    });
  });
});
