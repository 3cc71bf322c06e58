import fc from "fast-check";
import { dayFromCivil } from "../../src/engine/dates/civil";
import type { CellValue, WorkbookData } from "../../src/engine/port";

/** A generated invoice or credit note row, amounts in integer cents. */
export interface GeneratedInvoice {
  readonly document: string;
  readonly customer: string;
  readonly currency: string;
  readonly date: number;
  readonly terms: number;
  readonly cents: number; // negative: credit note
  readonly reference: string | null;
}

export interface GeneratedPayment {
  readonly customer: string;
  readonly currency: string;
  readonly date: number;
  readonly cents: number;
  readonly reference: string;
}

export interface GeneratedLedger {
  readonly invoices: readonly GeneratedInvoice[];
  readonly payments: readonly GeneratedPayment[];
}

const START = dayFromCivil(2024, 1, 1);
const CUSTOMERS = ["Alfa Sp. z o.o.", "Beta Ltd", "Gamma S.A.", "Delta GmbH", "Epsilon"];

/** Random invoice registers and bank statements: credit notes, references in free text, overpayments, two currencies. */
export function ledgerArbitrary(): fc.Arbitrary<GeneratedLedger> {
  const invoice = fc.record({
    customer: fc.constantFrom(...CUSTOMERS),
    currency: fc.constantFrom("PLN", "EUR"),
    date: fc.integer({ min: START, max: START + 400 }),
    terms: fc.constantFrom(0, 7, 14, 30, 60),
    cents: fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: -200_000, max: -1 })),
    referenceTo: fc.option(fc.nat(), { nil: null }),
  });
  const payment = fc.record({
    customer: fc.constantFrom(...CUSTOMERS),
    currency: fc.constantFrom("PLN", "EUR"),
    date: fc.integer({ min: START, max: START + 450 }),
    cents: fc.integer({ min: 1, max: 6_000_000 }),
    refersTo: fc.array(fc.nat(), { maxLength: 2 }),
    wording: fc.constantFrom("Zapłata za {0}", "{0} partial", "Payment {0}", "Przelew"),
  });
  return fc
    .record({ invoices: fc.array(invoice, { minLength: 1, maxLength: 40 }), payments: fc.array(payment, { maxLength: 40 }) })
    .map(({ invoices, payments }) => {
      const numbered = invoices.map((inv, i) => ({ ...inv, document: inv.cents < 0 ? `KOR/${i + 1}` : `FV/2024/${String(i + 1).padStart(4, "0")}` }));
      const invoiceNumbers = numbered.filter((inv) => inv.cents > 0).map((inv) => inv.document);
      const pick = (n: number) => invoiceNumbers[n % Math.max(1, invoiceNumbers.length)] ?? "";
      return {
        invoices: numbered.map(({ referenceTo, ...inv }) => ({
          ...inv,
          reference: inv.cents < 0 && referenceTo !== null && invoiceNumbers.length > 0 ? pick(referenceTo) : null,
        })),
        payments: payments.map(({ refersTo, wording, ...p }) => ({
          ...p,
          reference: wording.replace("{0}", refersTo.map(pick).join(", ")),
        })),
      };
    });
}

/** The generated ledger as a workbook with a title row above the invoice header. */
export function ledgerWorkbook(ledger: GeneratedLedger): WorkbookData {
  const invoiceRows: CellValue[][] = [
    ["Sales register", null],
    ["Invoice No", "Customer", "Invoice Date", "Terms", "Amount", "Currency", "Type", "Reference"],
    ...ledger.invoices.map((inv) => [
      inv.document, inv.customer, inv.date, inv.terms, inv.cents / 100, inv.currency,
      inv.cents < 0 ? "Credit note" : "Invoice", inv.reference,
    ]),
  ];
  const paymentRows: CellValue[][] = [
    ["Payment Date", "Customer", "Amount", "Currency", "Reference"],
    ...ledger.payments.map((p) => [p.date, p.customer, p.cents / 100, p.currency, p.reference]),
  ];
  return {
    date1904: false,
    sheets: [
      { name: "Invoices", firstRow: 1, firstColumn: 1, rows: invoiceRows },
      { name: "Payments", firstRow: 1, firstColumn: 1, rows: paymentRows },
    ],
  };
}

/** Σ invoiced − Σ credits − Σ payments dated on or before `asOf`, in cents, per "customer|currency". */
export function expectedBalances(ledger: GeneratedLedger, asOf: number): Map<string, number> {
  const balances = new Map<string, number>();
  const add = (key: string, cents: number) => balances.set(key, (balances.get(key) ?? 0) + cents);
  for (const inv of ledger.invoices) if (inv.date <= asOf) add(`${inv.customer}|${inv.currency}`, inv.cents);
  for (const p of ledger.payments) if (p.date <= asOf) add(`${p.customer}|${p.currency}`, -p.cents);
  return balances;
}
