import type { Language } from "../engine/messages";

/** What went wrong, as the Excel error it becomes: #N/A, #VALUE! or #NUM!. */
export type FunctionErrorCode = "notAvailable" | "invalidValue" | "invalidNumber";

const TEXTS = {
  noModel: {
    en: "No forecast model: open Receivables Desk and load the invoice and payment sheets first",
    pl: "Brak modelu prognozy: otwórz Receivables Desk i najpierw wczytaj arkusze faktur i wpłat",
  },
  fitFailed: {
    en: "The forecast model could not be fitted: {0}",
    pl: "Nie udało się dopasować modelu prognozy: {0}",
  },
  noPayment: {
    en: "No payment expected: the history holds no payment this late",
    pl: "Zapłata nieoczekiwana: w historii nie ma tak późnych zapłat",
  },
  badDate: { en: "{0} is not a date", pl: "{0} nie jest datą" },
  badNumber: { en: "{0} must be a number of at least {1}", pl: "{0} musi być liczbą nie mniejszą niż {1}" },
  badLadder: { en: "{0} is not a rising list of days such as 30,60,90", pl: "{0} nie jest rosnącą listą dni, np. 30,60,90" },
  noCurrency: { en: "No open items in {0}", pl: "Brak pozycji otwartych w {0}" },
} as const satisfies Record<string, Record<Language, string>>;

export type FunctionErrorKey = keyof typeof TEXTS;

/**
 * An error of a worksheet function, free of Office: the core functions throw it, and the Excel wrapper turns it
 * into `CustomFunctions.Error` with the same code and message.
 */
export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

export function functionError(code: FunctionErrorCode, key: FunctionErrorKey, language: Language, ...args: readonly string[]): FunctionError {
  return new FunctionError(code, TEXTS[key][language].replace(/\{(\d)\}/g, (hole, i: string) => args[Number(i)] ?? hole));
}
