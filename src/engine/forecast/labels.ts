import type { Language } from "../messages";

/** Forecast sheet names and labels, English and Polish side by side. Sheet names ≤ 31 characters. */
const LABELS = {
  forecastSheet: { en: "AR Forecast", pl: "Prognoza wpływów" },
  forecastTitle: { en: "Expected collections as of {0}", pl: "Prognoza wpływów na dzień {0}" },
  forecastSubtitle: {
    en: "Learnt from each customer's own payment history since {0}; open items only, no future sales",
    pl: "Na podstawie historii płatności każdego kontrahenta od {0}; tylko pozycje otwarte, bez przyszłej sprzedaży",
  },
  weeklyHeading: { en: "Next 13 weeks ({0})", pl: "Najbliższe 13 tygodni ({0})" },
  monthlyHeading: { en: "Next 6 months ({0})", pl: "Najbliższe 6 miesięcy ({0})" },
  itemsHeading: { en: "Open items: expected payment", pl: "Pozycje otwarte: oczekiwana zapłata" },
  backtestHeading: { en: "Backtest: how the forecast did on past month ends", pl: "Test wsteczny: trafność prognozy na koniec minionych miesięcy" },
  backtestNote: {
    en: "{0} month ends from {1} to {2}; {3} forecast items, {4} paid within {5} days and scored, {6} not paid by then (censored, left out of the day errors)",
    pl: "{0} końców miesiąca od {1} do {2}; {3} prognozowanych pozycji, {4} zapłaconych w ciągu {5} dni i ocenionych, {6} niezapłaconych do tego czasu (ucięte, pominięte w błędach w dniach)",
  },
  backtestSkipped: {
    en: "The backtest is left out of reports on ledgers this large (it refits the model at every past month end): run `receivables backtest` on the workbook for it.",
    pl: "Test wsteczny pominięto w raporcie dla tak dużej księgi (model jest dopasowywany na każdy miniony koniec miesiąca): uruchom `receivables backtest` na skoroszycie.",
  },
  noBacktest: {
    en: "Not enough history for a backtest (it needs {0} months before the first month end and {1} days after it).",
    pl: "Za krótka historia na test wsteczny (potrzeba {0} miesięcy przed pierwszym końcem miesiąca i {1} dni po nim).",
  },
  weekStart: { en: "Week from", pl: "Tydzień od" },
  monthStart: { en: "Month from", pl: "Miesiąc od" },
  currency: { en: "Currency", pl: "Waluta" },
  expected: { en: "Expected", pl: "Oczekiwane" },
  p10: { en: "Low (P10)", pl: "Dolna (P10)" },
  p90: { en: "High (P90)", pl: "Górna (P90)" },
  naive: { en: "By due date", pl: "Wg terminów" },
  chartTitle: { en: "Expected collections vs due dates ({0})", pl: "Oczekiwane wpływy a terminy płatności ({0})" },
  document: { en: "Document", pl: "Dokument" },
  customer: { en: "Customer", pl: "Kontrahent" },
  open: { en: "Open", pl: "Do zapłaty" },
  dueDate: { en: "Due date", pl: "Termin płatności" },
  expectedDate: { en: "Expected date", pl: "Oczekiwana data" },
  within30: { en: "Paid in 30 days", pl: "Zapłata w 30 dni" },
  within60: { en: "Paid in 60 days", pl: "Zapłata w 60 dni" },
  within90: { en: "Paid in 90 days", pl: "Zapłata w 90 dni" },
  basis: { en: "Basis", pl: "Podstawa" },
  "basis.customer": { en: "customer", pl: "kontrahent" },
  "basis.blended": { en: "blended", pl: "mieszana" },
  "basis.portfolio": { en: "portfolio", pl: "portfel" },
  method: { en: "Method", pl: "Metoda" },
  mae: { en: "Mean error (days)", pl: "Średni błąd (dni)" },
  within5: { en: "Within ±5 days", pl: "W granicach ±5 dni" },
  bias: { en: "Bias (days)", pl: "Obciążenie (dni)" },
  items: { en: "Items", pl: "Pozycje" },
  "method.model": { en: "This model", pl: "Ten model" },
  "method.dueDate": { en: "Pays on the due date", pl: "Zapłata w terminie" },
  "method.customerMean": { en: "Customer's mean delay", pl: "Średnie opóźnienie kontrahenta" },
  horizon: { en: "Within (days)", pl: "W ciągu (dni)" },
  predicted: { en: "Predicted share", pl: "Przewidywany udział" },
  actual: { en: "Actual share", pl: "Rzeczywisty udział" },
  wape: { en: "Weekly error (WAPE)", pl: "Błąd tygodniowy (WAPE)" },
  naiveWape: { en: "By due date (WAPE)", pl: "Wg terminów (WAPE)" },
  coverage: { en: "Weeks within P10–P90", pl: "Tygodnie w P10–P90" },
  cashBias: { en: "Bias", pl: "Obciążenie" },
  weeks: { en: "Weeks", pl: "Tygodnie" },
} as const satisfies Record<string, Record<Language, string>>;

export type ForecastLabelKey = keyof typeof LABELS;

/** A label with `{0}`, `{1}` … filled in. */
export function forecastLabel(key: ForecastLabelKey, language: Language, ...args: ReadonlyArray<string | number>): string {
  // One pass with a function: an argument holding "{1}" or "$&" stays as it is.
  return LABELS[key][language].replace(/\{(\d)\}/g, (hole, i: string) => {
    const value = args[Number(i)];
    return value === undefined ? hole : String(value);
  });
}
