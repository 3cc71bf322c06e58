/**
 * Every user-facing text of the engine, in English and Polish. Templates take `{detail}`.
 * Keep the two languages side by side so a missing translation shows in review.
 */

export type Language = "en" | "pl";

const issueTexts = {
  "no-invoice-table": {
    en: "No invoice table found: expected a header row with an invoice number, customer, date and amount",
    pl: "Nie znaleziono tabeli faktur: oczekiwano wiersza nagłówka z numerem faktury, kontrahentem, datą i kwotą",
  },
  "no-payment-table": {
    en: "No payment table found; aging uses invoices and credit notes only",
    pl: "Nie znaleziono tabeli wpłat; wiekowanie obejmuje tylko faktury i korekty",
  },
  "sheet-not-found": {
    en: "Sheet {detail} does not exist in the workbook",
    pl: "Arkusz {detail} nie istnieje w skoroszycie",
  },
  "invalid-amount": {
    en: "{detail} is not an amount; row left out",
    pl: "{detail} nie jest kwotą; wiersz pominięto",
  },
  "amount-rounded": {
    en: "Amount {detail} has more decimals than its currency; rounded to the minor unit",
    pl: "Kwota {detail} ma więcej miejsc po przecinku niż waluta; zaokrąglono",
  },
  "amount-too-large": {
    en: "Amount {detail} is beyond the range that can be added exactly; row left out",
    pl: "Kwota {detail} przekracza zakres dokładnych obliczeń; wiersz pominięto",
  },
  "zero-amount": {
    en: "Amount is zero; row left out",
    pl: "Kwota wynosi zero; wiersz pominięto",
  },
  "missing-amount": {
    en: "Amount is empty; row left out",
    pl: "Brak kwoty; wiersz pominięto",
  },
  "invalid-date": {
    en: "{detail} is not a date; row left out",
    pl: "{detail} nie jest datą; wiersz pominięto",
  },
  "date-out-of-range": {
    en: "Date {detail} is outside 1900-01-01 to 9999-12-31; row left out",
    pl: "Data {detail} jest spoza zakresu 1900-01-01 – 9999-12-31; wiersz pominięto",
  },
  "serial-60": {
    en: "Serial 60 is 29 February 1900, a day that does not exist (an Excel quirk); row left out",
    pl: "Numer seryjny 60 to 29 lutego 1900 – dzień, który nie istnieje (osobliwość Excela); wiersz pominięto",
  },
  "missing-date": {
    en: "Date is empty; row left out",
    pl: "Brak daty; wiersz pominięto",
  },
  "missing-due-date": {
    en: "No due date or payment terms; treated as due on the invoice date",
    pl: "Brak terminu płatności; przyjęto termin równy dacie wystawienia",
  },
  "invalid-due-date": {
    en: "{detail} is not a due date; treated as due on the invoice date",
    pl: "{detail} nie jest terminem płatności; przyjęto termin równy dacie wystawienia",
  },
  "invalid-terms": {
    en: "Payment terms {detail} not understood; treated as due on the invoice date",
    pl: "Nie rozpoznano warunków płatności {detail}; przyjęto termin równy dacie wystawienia",
  },
  "due-before-date": {
    en: "Due date {detail} is before the invoice date",
    pl: "Termin płatności {detail} jest wcześniejszy niż data wystawienia",
  },
  "missing-customer": {
    en: "Customer is empty; row left out",
    pl: "Brak kontrahenta; wiersz pominięto",
  },
  "missing-document": {
    en: "Invoice number is empty; row left out",
    pl: "Brak numeru faktury; wiersz pominięto",
  },
  "duplicate-document": {
    en: "Invoice number {detail} is used more than once; references go to the first",
    pl: "Numer faktury {detail} występuje więcej niż raz; odwołania dotyczą pierwszej faktury",
  },
  "cell-error": {
    en: "Cell holds the error value {detail}; row left out",
    pl: "Komórka zawiera błąd {detail}; wiersz pominięto",
  },
  "date-order-assumed": {
    en: "Dates like 03/04/2025 could be day/month or month/day; read as {detail}",
    pl: "Daty typu 03/04/2025 mogą oznaczać dzień/miesiąc lub miesiąc/dzień; przyjęto {detail}",
  },
  "currency-mismatch": {
    en: "Currency {detail} differs from the referenced invoice; left unapplied",
    pl: "Waluta {detail} różni się od waluty faktury; pozostawiono nierozliczone",
  },
  "unknown-currency": {
    en: "{detail} is not a currency code; the default currency was used",
    pl: "{detail} nie jest kodem waluty; użyto waluty domyślnej",
  },
  "other-customer-reference": {
    en: "Refers to {detail}, an invoice of another customer; left unapplied",
    pl: "Odwołuje się do {detail}, faktury innego kontrahenta; pozostawiono nierozliczone",
  },
  "unknown-reference": {
    en: "Reference {detail} matches no invoice; left unapplied",
    pl: "Odwołanie {detail} nie pasuje do żadnej faktury; pozostawiono nierozliczone",
  },
  "ignored-row": {
    en: "Row holds a single value ({detail}) and no document; ignored",
    pl: "Wiersz zawiera tylko jedną wartość ({detail}) i nie jest dokumentem; pominięto",
  },
  "negative-payment": {
    en: "Negative payment {detail} treated as a refund (it increases the balance)",
    pl: "Ujemną wpłatę {detail} potraktowano jako zwrot (zwiększa saldo)",
  },
} as const satisfies Record<string, Record<Language, string>>;

export type IssueCode = keyof typeof issueTexts;

export const issueCodes = Object.keys(issueTexts) as IssueCode[];

/** The message for an issue code, with `{detail}` filled in. */
export function issueMessage(code: IssueCode, language: Language, detail = ""): string {
  return issueTexts[code][language].replace("{detail}", () => detail);
}
