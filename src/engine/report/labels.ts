import type { Language } from "../messages";

/** Report sheet names and labels, English and Polish side by side. Sheet names ≤ 31 characters. */
const LABELS = {
  agingSheet: { en: "AR Aging", pl: "Wiekowanie należności" },
  detailSheet: { en: "AR Aging Detail", pl: "Wiekowanie – pozycje" },
  issuesSheet: { en: "AR Data Issues", pl: "Problemy w danych" },
  agingTitle: { en: "Accounts receivable aging as of {0}", pl: "Wiekowanie należności na dzień {0}" },
  detailTitle: { en: "Open items as of {0}", pl: "Pozycje otwarte na dzień {0}" },
  issuesTitle: { en: "Problems found in the source data", pl: "Problemy znalezione w danych źródłowych" },
  basisDue: { en: "Aged by due date", pl: "Wiekowanie według terminu płatności" },
  basisInvoice: { en: "Aged by invoice date", pl: "Wiekowanie według daty wystawienia" },
  sources: { en: "Invoices: {0} · Payments: {1}", pl: "Faktury: {0} · Wpłaty: {1}" },
  none: { en: "none", pl: "brak" },
  noIssues: { en: "No problems found.", pl: "Nie znaleziono problemów." },
  customer: { en: "Customer", pl: "Kontrahent" },
  customerId: { en: "Customer ID", pl: "Identyfikator" },
  currency: { en: "Currency", pl: "Waluta" },
  total: { en: "Total", pl: "Razem" },
  totalFor: { en: "Total {0}", pl: "Razem {0}" },
  share: { en: "Share of total", pl: "Udział" },
  oldestOverdue: { en: "Oldest overdue (days)", pl: "Najstarsza zaległość (dni)" },
  status: { en: "Status", pl: "Status" },
  document: { en: "Document", pl: "Dokument" },
  kind: { en: "Kind", pl: "Rodzaj" },
  date: { en: "Date", pl: "Data" },
  dueDate: { en: "Due date", pl: "Termin płatności" },
  amount: { en: "Amount", pl: "Kwota" },
  open: { en: "Open", pl: "Do zapłaty" },
  daysPastDue: { en: "Days past due", pl: "Dni po terminie" },
  bucket: { en: "Bucket", pl: "Przedział" },
  sourceRow: { en: "Source row", pl: "Wiersz źródłowy" },
  sheet: { en: "Sheet", pl: "Arkusz" },
  row: { en: "Row", pl: "Wiersz" },
  column: { en: "Column", pl: "Kolumna" },
  severity: { en: "Severity", pl: "Waga" },
  code: { en: "Code", pl: "Kod" },
  message: { en: "Message", pl: "Opis" },
  error: { en: "row left out", pl: "wiersz pominięty" },
  warning: { en: "warning", pl: "ostrzeżenie" },
  "kind.invoice": { en: "Invoice", pl: "Faktura" },
  "kind.credit": { en: "Credit note", pl: "Korekta" },
  "kind.payment": { en: "Unapplied payment", pl: "Wpłata nierozliczona" },
  "status.current": { en: "Current", pl: "Terminowy" },
  "status.overdue": { en: "Overdue", pl: "Zaległy" },
  "status.collections": { en: "Collections", pl: "Windykacja" },
} as const satisfies Record<string, Record<Language, string>>;

export type LabelKey = keyof typeof LABELS;

/** A label with `{0}`, `{1}` … filled in. */
export function label(key: LabelKey, language: Language, ...args: readonly string[]): string {
  // One pass with a function: an argument holding "{1}" or "$&" stays as it is.
  return LABELS[key][language].replace(/\{(\d)\}/g, (hole, i: string) => args[Number(i)] ?? hole);
}
