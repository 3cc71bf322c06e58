/**
 * Every text the task pane shows, in English and Polish side by side, and the rule that picks the language.
 * Texts about the user's data (issue messages) come from the engine (src/engine/messages.ts); report sheet names
 * from the report labels. Templates are functions, so a missing argument is a type error, not a "{0}" on screen.
 */
import type { InvoiceField, PaymentField } from "../engine/tables/columnSynonyms";
import type { RunStep } from "./run/runSteps";

export type PaneLanguage = "en" | "pl";

export interface PaneStrings {
  readonly title: string;
  readonly summary: string;
  /** Shown when the page is opened outside Excel (office.js reports no host). */
  readonly outsideExcel: string;

  readonly loadingWorkbook: string;
  readonly loadFailed: string;
  readonly reload: string;
  readonly settingsNotSaved: (message: string) => string;

  readonly sourcesHeading: string;
  readonly invoices: string;
  readonly payments: string;
  readonly sheet: string;
  readonly noSheets: string;
  readonly headerRow: (row: number, mapped: number) => string;
  readonly noInvoiceTable: string;
  readonly noPaymentTable: string;
  readonly columns: string;
  readonly notUsed: string;
  readonly required: string;
  readonly changedByYou: string;
  readonly useDetectedColumns: string;
  readonly invoiceFields: Readonly<Record<InvoiceField, string>>;
  readonly paymentFields: Readonly<Record<PaymentField, string>>;

  readonly optionsHeading: string;
  readonly asOf: string;
  readonly asOfInvalid: string;
  readonly basis: string;
  readonly basisDue: string;
  readonly basisInvoice: string;
  readonly buckets: string;
  readonly bucketsHint: string;
  readonly bucketsInvalid: string;

  readonly generate: string;
  readonly cancel: string;
  readonly cancelling: string;
  readonly steps: Readonly<Record<RunStep, string>>;
  readonly stepOf: (index: number, count: number, name: string) => string;
  readonly progressLabel: string;

  readonly cancelled: string;
  readonly failedTitle: string;
  readonly unusableTitle: string;
  readonly excelError: (message: string, code: string | undefined) => string;
  readonly retry: string;

  readonly resultHeading: string;
  readonly reportsWritten: (asOf: string, sheets: number) => string;
  readonly currency: string;
  readonly open: string;
  readonly overdue: string;
  readonly noOpenItems: string;
  readonly openItems: string;
  readonly accountsInCollections: string;
  readonly problemsFound: (count: number) => string;
  readonly noProblems: string;
  readonly moreProblems: (count: number) => string;
  readonly selectCellFailed: (message: string) => string;
}

export const paneStrings: Readonly<Record<PaneLanguage, PaneStrings>> = {
  en: {
    title: "Receivables Desk",
    summary: "Ages the open invoices in this workbook, applies payments to them and writes the report sheets.",
    outsideExcel: "Open this page from Excel: Home → Add-ins → Receivables Desk.",

    loadingWorkbook: "Looking at the workbook…",
    loadFailed: "The workbook could not be read.",
    reload: "Try again",
    settingsNotSaved: (message) => `Your choice applies now but was not saved in the workbook: ${message}`,

    sourcesHeading: "Data",
    invoices: "Invoices",
    payments: "Payments",
    sheet: "Sheet",
    noSheets: "The workbook has no sheets with data.",
    headerRow: (row, mapped) => `Header in row ${row} · ${mapped} ${mapped === 1 ? "column" : "columns"} recognised`,
    noInvoiceTable: "No invoice header row here: it needs an invoice number, customer, date and amount.",
    noPaymentTable: "No payment table found; aging will use invoices and credit notes only.",
    columns: "Columns",
    notUsed: "Not used",
    required: "required",
    changedByYou: "your choice",
    useDetectedColumns: "Use the detected columns",
    invoiceFields: {
      document: "Invoice number",
      customer: "Customer",
      customerId: "Customer ID",
      date: "Invoice date",
      due: "Due date",
      terms: "Payment terms",
      amount: "Amount",
      currency: "Currency",
      type: "Document type",
      reference: "Reference",
      collector: "Collector",
      email: "E-mail",
      phone: "Phone",
      disputed: "Disputed",
    },
    paymentFields: {
      date: "Payment date",
      customer: "Customer",
      customerId: "Customer ID",
      amount: "Amount",
      currency: "Currency",
      invoiceRef: "Invoice number",
      reference: "Transfer title",
      document: "Payment number",
    },

    optionsHeading: "Report",
    asOf: "As of",
    asOfInvalid: "Enter a date between 1900-01-01 and 9999-12-31.",
    basis: "Age by",
    basisDue: "Due date",
    basisInvoice: "Invoice date",
    buckets: "Buckets (days)",
    bucketsHint: "Upper edges, rising: 30,60,90 gives 1–30, 31–60, 61–90, 91+.",
    bucketsInvalid: "Enter rising whole days separated by commas, e.g. 30,60,90.",

    generate: "Generate reports",
    cancel: "Cancel",
    cancelling: "Cancelling…",
    steps: {
      read: "Reading workbook",
      apply: "Applying payments",
      age: "Aging",
      build: "Building reports",
      write: "Writing sheets",
    },
    stepOf: (index, count, name) => `Step ${index} of ${count}: ${name}`,
    progressLabel: "Progress",

    cancelled: "Cancelled. The report sheets are as they were before.",
    failedTitle: "The reports were not generated.",
    unusableTitle: "These data cannot be used:",
    excelError: (message, code) => withCode(message, code),
    retry: "Retry",

    resultHeading: "Result",
    reportsWritten: (asOf, sheets) => `${sheets} report ${sheets === 1 ? "sheet" : "sheets"} written, as of ${asOf}.`,
    currency: "Currency",
    open: "Open",
    overdue: "Overdue",
    noOpenItems: "Nothing is open.",
    openItems: "Open items",
    accountsInCollections: "Accounts in collections",
    problemsFound: (count) => `${count} ${count === 1 ? "problem" : "problems"} found in the data`,
    noProblems: "No problems found in the data.",
    moreProblems: (count) => `…and ${count} more on the issues sheet.`,
    selectCellFailed: (message) => `The cell could not be selected: ${message}`,
  },
  pl: {
    title: "Receivables Desk",
    summary: "Wiekuje otwarte faktury z tego skoroszytu, rozlicza z nimi wpłaty i zapisuje arkusze raportów.",
    outsideExcel: "Otwórz tę stronę z Excela: Narzędzia główne → Dodatki → Receivables Desk.",

    loadingWorkbook: "Odczytywanie skoroszytu…",
    loadFailed: "Nie udało się odczytać skoroszytu.",
    reload: "Spróbuj ponownie",
    settingsNotSaved: (message) => `Wybór obowiązuje, ale nie został zapisany w skoroszycie: ${message}`,

    sourcesHeading: "Dane",
    invoices: "Faktury",
    payments: "Wpłaty",
    sheet: "Arkusz",
    noSheets: "Skoroszyt nie ma arkuszy z danymi.",
    headerRow: (row, mapped) => `Nagłówek w wierszu ${row} · rozpoznane kolumny: ${mapped}`,
    noInvoiceTable: "Brak wiersza nagłówka faktur: potrzebny jest numer faktury, kontrahent, data i kwota.",
    noPaymentTable: "Nie znaleziono tabeli wpłat; wiekowanie obejmie tylko faktury i korekty.",
    columns: "Kolumny",
    notUsed: "Nieużywane",
    required: "wymagane",
    changedByYou: "Twój wybór",
    useDetectedColumns: "Użyj wykrytych kolumn",
    invoiceFields: {
      document: "Numer faktury",
      customer: "Kontrahent",
      customerId: "Identyfikator kontrahenta",
      date: "Data wystawienia",
      due: "Termin płatności",
      terms: "Warunki płatności",
      amount: "Kwota",
      currency: "Waluta",
      type: "Rodzaj dokumentu",
      reference: "Odwołanie",
      collector: "Opiekun",
      email: "E-mail",
      phone: "Telefon",
      disputed: "Sporna",
    },
    paymentFields: {
      date: "Data wpłaty",
      customer: "Kontrahent",
      customerId: "Identyfikator kontrahenta",
      amount: "Kwota",
      currency: "Waluta",
      invoiceRef: "Numer faktury",
      reference: "Tytuł przelewu",
      document: "Numer wpłaty",
    },

    optionsHeading: "Raport",
    asOf: "Na dzień",
    asOfInvalid: "Podaj datę od 1900-01-01 do 9999-12-31.",
    basis: "Wiekuj według",
    basisDue: "Terminu płatności",
    basisInvoice: "Daty wystawienia",
    buckets: "Przedziały (dni)",
    bucketsHint: "Górne granice, rosnąco: 30,60,90 daje 1–30, 31–60, 61–90, 91+.",
    bucketsInvalid: "Podaj rosnące liczby dni oddzielone przecinkami, np. 30,60,90.",

    generate: "Generuj raporty",
    cancel: "Anuluj",
    cancelling: "Anulowanie…",
    steps: {
      read: "Odczyt skoroszytu",
      apply: "Rozliczanie wpłat",
      age: "Wiekowanie",
      build: "Tworzenie raportów",
      write: "Zapis arkuszy",
    },
    stepOf: (index, count, name) => `Krok ${index} z ${count}: ${name}`,
    progressLabel: "Postęp",

    cancelled: "Anulowano. Arkusze raportów pozostały bez zmian.",
    failedTitle: "Raporty nie zostały utworzone.",
    unusableTitle: "Tych danych nie da się użyć:",
    excelError: (message, code) => withCode(message, code),
    retry: "Ponów",

    resultHeading: "Wynik",
    reportsWritten: (asOf, sheets) => `Zapisano arkusze raportów: ${sheets}, stan na ${asOf}.`,
    currency: "Waluta",
    open: "Otwarte",
    overdue: "Przeterminowane",
    noOpenItems: "Nie ma otwartych pozycji.",
    openItems: "Otwarte pozycje",
    accountsInCollections: "Konta w windykacji",
    problemsFound: (count) => `Problemy w danych: ${count}`,
    noProblems: "Nie znaleziono problemów w danych.",
    moreProblems: (count) => `…i ${count} więcej w arkuszu problemów.`,
    selectCellFailed: (message) => `Nie udało się zaznaczyć komórki: ${message}`,
  },
};

/**
 * The pane's language for an Office display language tag: Polish for any `pl` tag, English otherwise.
 *
 * @example
 * paneLanguage("pl-PL") //=> "pl"
 * paneLanguage("en-GB") //=> "en"
 * paneLanguage(undefined) //=> "en"
 */
export function paneLanguage(displayLanguage: string | undefined): PaneLanguage {
  // Office reports BCP 47 tags ("pl-PL"); a bare "pl" is accepted too, in any letter case.
  return /^pl(-|$)/i.test(displayLanguage ?? "") ? "pl" : "en";
}

/** Excel's message with its code after it, unless the message names the code already. */
function withCode(message: string, code: string | undefined): string {
  return code === undefined || message.includes(code) ? message : `${message} (${code})`;
}

/** The locale numbers and dates are shown in, for a pane language. */
export function paneLocale(language: PaneLanguage): string {
  return language === "pl" ? "pl-PL" : "en-US";
}
