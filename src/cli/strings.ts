import type { Language } from "../engine/messages";

/** Text the CLI prints, English and Polish. */
const STRINGS = {
  usage: {
    en: `Usage:
  receivables report <workbook.xlsx|file.csv> [--invoices-sheet S] [--payments-sheet S] [options]
  receivables report --invoices invoices.csv --payments payments.csv [options]
  receivables sample --out sample.xlsx [--seed N] [--invoices N]
  receivables backtest <workbook.xlsx> [--as-of YYYY-MM-DD] [--json backtest.json]   (replays the payment forecast)

Report options:
  --as-of YYYY-MM-DD        age as of this date (default: today); later documents are ignored
  --basis due|invoice       count days from the due date (default) or the invoice date
  --buckets 30,60,90        upper edges of the aging buckets (any rising list)
  --apply unapplied|oldest-first
                            unreferenced cash: keep it as an unapplied credit (default) or apply it to the
                            customer's oldest open invoices
  --collections-after N     days past due after which an account is in collections (default 90)
  --currency XXX            currency of amounts that name none (default EUR)
  --date-order dmy|mdy      order of dates like 03/04/2025 (default: from the data, else dmy)
  --lang en|pl              language of the report and messages (default en)
  --out report.xlsx         write the report workbook (a new file; the input is never modified)
  --json report.json        write the result as JSON (docs/json-output.md)
  --sheets a,b,…            report sheets: aging,aging-detail,daily,quarterly,annual,collections,forecast,statements,issues
  --fiscal-year-start MM    first month of the fiscal year (default 1)
  --horizon DAYS            days after due after which unpaid counts as lost, for loss rates (default 365)
  --loss-rates r1,r2,…      override loss rates per bucket (Not due,1–30,31–60,61–90,91+); empty keeps history
  --reference-rate P        statutory interest reference rate in % (default 0: set the current one)
  --margin P                statutory interest margin in points (default 8)
  --no-interest, --no-compensation   switch off late interest / the 40 EUR compensation
  --eur-rate PLN=4.25       units of a currency per 1 EUR, to convert the compensation (repeatable)
  --dunning 1:reminder,15:second-notice,30:final-notice,60:agency   the dunning ladder
  --protect                 protect the report sheets against edits (no password; unprotect in one click)
  --timings                 print how long each step took, and the memory pages it touched first
                            (to standard error)

Exit codes: 0 done (problems in rows are listed, not fatal); 1 the input cannot be used; 2 usage.`,
    pl: `Użycie:
  receivables report <skoroszyt.xlsx|plik.csv> [--invoices-sheet S] [--payments-sheet S] [opcje]
  receivables report --invoices faktury.csv --payments wplaty.csv [opcje]
  receivables sample --out przyklad.xlsx [--seed N] [--invoices N]
  receivables backtest <skoroszyt.xlsx> [--as-of RRRR-MM-DD] [--json backtest.json]   (weryfikacja prognozy wpłat)

Opcje raportu:
  --as-of RRRR-MM-DD        wiekowanie na dzień (domyślnie dziś); późniejsze dokumenty są pomijane
  --basis due|invoice       dni liczone od terminu płatności (domyślnie) lub od daty wystawienia
  --buckets 30,60,90        górne granice przedziałów wiekowania (dowolna rosnąca lista)
  --apply unapplied|oldest-first
                            wpłaty bez odwołania: zostaw jako nierozliczone (domyślnie) lub rozlicz
                            od najstarszych faktur kontrahenta
  --collections-after N     liczba dni po terminie, po której konto trafia do windykacji (domyślnie 90)
  --currency XXX            waluta kwot bez oznaczenia (domyślnie EUR)
  --date-order dmy|mdy      kolejność w datach typu 03/04/2025 (domyślnie z danych, inaczej dmy)
  --lang en|pl              język raportu i komunikatów (domyślnie en)
  --out raport.xlsx         zapisz skoroszyt raportu (nowy plik; plik wejściowy nie jest zmieniany)
  --json raport.json        zapisz wynik jako JSON (docs/json-output.md)
  --sheets a,b,…            arkusze: aging,aging-detail,daily,quarterly,annual,collections,forecast,statements,issues
  --fiscal-year-start MM    pierwszy miesiąc roku obrotowego (domyślnie 1)
  --horizon DNI             po ilu dniach od terminu nieściągnięta kwota jest stracona (domyślnie 365)
  --loss-rates r1,r2,…      własne wskaźniki strat dla przedziałów; puste pole = z historii
  --reference-rate P        stopa referencyjna odsetek ustawowych w % (domyślnie 0: podaj aktualną)
  --margin P                marża odsetek w pkt proc. (domyślnie 8)
  --no-interest, --no-compensation   wyłącz odsetki / rekompensatę 40 EUR
  --eur-rate PLN=4.25       kurs waluty za 1 EUR do przeliczenia rekompensaty (można powtarzać)
  --dunning 1:reminder,15:second-notice,30:final-notice,60:agency   etapy windykacji
  --protect                 chroń arkusze raportu przed edycją (bez hasła; zdjęcie ochrony jednym kliknięciem)
  --timings                 pokaż czas każdego kroku i strony pamięci użyte w nim po raz pierwszy
                            (na standardowym wyjściu błędów)

Kody wyjścia: 0 gotowe (problemy w wierszach są wypisane); 1 nie można użyć danych; 2 błędne wywołanie.`,
  },
  chose: { en: "{0}: sheet \"{1}\", header on row {2} ({3})", pl: "{0}: arkusz \"{1}\", nagłówek w wierszu {2} ({3})" },
  invoices: { en: "Invoices", pl: "Faktury" },
  payments: { en: "Payments", pl: "Wpłaty" },
  noPayments: { en: "Payments: none found", pl: "Wpłaty: nie znaleziono" },
  asOf: { en: "As of {0}: {1} open items, {2} customers", pl: "Na dzień {0}: {1} pozycji otwartych, {2} kontrahentów" },
  totalLine: {
    en: "  {0}: open {1}, overdue {2} ({3} %)",
    pl: "  {0}: do zapłaty {1}, przeterminowane {2} ({3} %)",
  },
  collections: { en: "Customers in collections: {0}", pl: "Kontrahenci w windykacji: {0}" },
  issuesFound: {
    en: "Problems found: {0} ({1} rows left out, {2} warnings)",
    pl: "Znalezione problemy: {0} (pominięte wiersze: {1}, ostrzeżenia: {2})",
  },
  moreIssues: { en: "  … and {0} more (see the issues sheet or the JSON)", pl: "  … i {0} więcej (zob. arkusz problemów lub JSON)" },
  wrote: { en: "Wrote {0}", pl: "Zapisano {0}" },
  timings: { en: "Timings (s): {0}", pl: "Czasy (s): {0}" },
  pageFaults: { en: "Memory pages first touched: {0}", pl: "Strony pamięci użyte po raz pierwszy: {0}" },
  cannotRead: { en: "Cannot read {0}: {1}", pl: "Nie można odczytać {0}: {1}" },
  sameFile: {
    en: "--out must name a new file, not an input ({0}): the input is never modified",
    pl: "--out musi wskazywać nowy plik, nie plik wejściowy ({0}): dane wejściowe nie są zmieniane",
  },
  badOption: { en: "Invalid value for {0}: {1}", pl: "Niepoprawna wartość {0}: {1}" },
  sampleWrote: {
    en: "Wrote sample workbook {0}: {1} invoices, {2} payments, {3} customers",
    pl: "Zapisano przykładowy skoroszyt {0}: faktury {1}, wpłaty {2}, kontrahenci {3}",
  },
} as const satisfies Record<string, Record<Language, string>>;

export function cliText(key: keyof typeof STRINGS, language: Language, ...args: ReadonlyArray<string | number>): string {
  // One pass with a function: an argument holding "{1}" or "$&" stays as it is.
  return STRINGS[key][language].replace(/\{(\d)\}/g, (hole, i: string) => (args[Number(i)] === undefined ? hole : String(args[Number(i)])));
}
