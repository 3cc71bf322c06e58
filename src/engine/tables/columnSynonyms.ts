/**
 * Column synonyms as data, English and Polish, in the normalized form of `normalizeHeader`
 * (lower case, no diacritics, punctuation → space). Earlier entries win when two columns claim one field.
 */

export type InvoiceField =
  | "document" | "customer" | "customerId" | "date" | "due" | "terms" | "amount" | "currency" | "type"
  | "reference" | "collector" | "email" | "phone" | "disputed";

export type PaymentField =
  | "date" | "customer" | "customerId" | "amount" | "currency" | "invoiceRef" | "reference" | "document";

export type TableKind = "invoices" | "payments";

const customer = [
  "customer", "customer name", "client", "client name", "debtor", "account name", "company", "buyer", "payer",
  "kontrahent", "nabywca", "klient", "odbiorca", "nazwa kontrahenta", "nazwa klienta", "platnik", "dluznik",
  "nazwa nabywcy", "nazwa", "name",
];
const customerId = [
  "customer id", "customer code", "customer no", "customer number", "client id", "client code", "account no",
  "account number", "account id", "tax id", "vat id", "nip", "kod kontrahenta", "id kontrahenta",
  "numer kontrahenta", "nr kontrahenta", "kod klienta", "id klienta",
];
const currency = ["currency", "currency code", "curr", "ccy", "waluta", "kod waluty"];

export const INVOICE_SYNONYMS: Readonly<Record<InvoiceField, readonly string[]>> = {
  document: [
    "invoice no", "invoice number", "invoice nr", "invoice", "invoice id", "inv no", "document no", "document number",
    "doc no", "number", "no", "nr faktury", "numer faktury", "nr dokumentu", "numer dokumentu", "faktura",
    "numer", "nr", "dokument", "symbol",
  ],
  customer,
  customerId,
  date: [
    "invoice date", "issue date", "date issued", "document date", "posting date", "date", "data wystawienia",
    "data faktury", "data dokumentu", "data sprzedazy", "data",
  ],
  due: [
    "due date", "due", "payment due", "due on", "payment due date", "termin platnosci", "termin zaplaty",
    "data platnosci", "data wymagalnosci", "termin",
  ],
  terms: ["terms", "payment terms", "credit terms", "terms days", "warunki platnosci", "dni", "termin dni", "days"],
  amount: [
    "amount", "gross amount", "invoice amount", "amount due", "total amount", "gross", "total", "value",
    "invoice total", "kwota", "kwota brutto", "wartosc brutto", "brutto", "wartosc", "do zaplaty", "naleznosc",
    "kwota faktury", "suma brutto",
  ],
  currency,
  type: ["type", "document type", "doc type", "rodzaj", "typ", "rodzaj dokumentu", "typ dokumentu"],
  reference: [
    "reference", "ref", "original invoice", "corrects", "applies to", "related invoice", "korekta do",
    "dotyczy faktury", "dotyczy", "faktura korygowana", "description", "memo", "opis", "uwagi",
  ],
  collector: [
    "collector", "owner", "account manager", "sales rep", "salesperson", "opiekun", "opiekun klienta", "windykator",
    "handlowiec",
  ],
  email: ["email", "e mail", "mail", "email address", "adres email", "adres e mail"],
  phone: ["phone", "telephone", "phone number", "tel", "mobile", "telefon", "nr telefonu", "numer telefonu"],
  disputed: ["disputed", "dispute", "in dispute", "sporna", "spor", "reklamacja", "w sporze"],
};

export const PAYMENT_SYNONYMS: Readonly<Record<PaymentField, readonly string[]>> = {
  date: [
    "payment date", "date paid", "paid on", "paid date", "receipt date", "value date", "date received",
    "data wplaty", "data zaplaty", "data platnosci", "data uznania", "data ksiegowania", "date", "data",
  ],
  customer,
  customerId,
  amount: [
    "amount", "payment amount", "amount paid", "paid", "amount received", "receipt", "kwota", "kwota wplaty",
    "kwota zaplaty", "wplata", "zaplacono", "uznanie", "wartosc",
  ],
  currency,
  invoiceRef: [
    "invoice no", "invoice number", "invoice", "applies to", "for invoice", "nr faktury", "numer faktury",
    "faktura", "dotyczy faktury",
  ],
  reference: [
    "reference", "ref", "description", "memo", "details", "remittance", "remittance info", "narration",
    "payment reference", "title", "transfer title", "payment title", "tytul", "tytul platnosci", "tytul przelewu",
    "tytul wplaty", "opis", "uwagi", "dotyczy",
  ],
  document: ["payment no", "payment id", "receipt no", "transaction id", "nr wplaty", "nr transakcji", "id transakcji"],
};

export const REQUIRED_FIELDS: Readonly<Record<TableKind, readonly string[]>> = {
  invoices: ["document", "customer", "date", "amount"],
  payments: ["date", "amount"],
};

/** Headers that say "this is a payments table" and never appear in an invoice register. */
export const PAYMENT_MARKERS = [
  "payment date", "date paid", "paid on", "amount paid", "payment amount", "data wplaty", "data zaplaty",
  "kwota wplaty", "tytul przelewu", "tytul wplaty", "remittance", "amount received",
];

/** Sheet names that hint at the kind of table. */
export const SHEET_NAME_HINTS: ReadonlyArray<readonly [RegExp, TableKind]> = [
  [/payment|receipt|wplat|platnos|zaplat|bank|przelew|cash/i, "payments"],
  [/invoice|faktur|sales|sprzedaz|naleznos|receivable|rozrachun/i, "invoices"],
];

/** Words that open a totals row: such rows are skipped, not counted. */
export const TOTAL_WORDS = [
  "total", "totals", "grand total", "subtotal", "sum", "razem", "suma", "ogolem", "lacznie", "podsuma", "w sumie",
];
