/**
 * Every text the task pane shows, in English and Polish side by side, and the rule that picks the language.
 */

export type PaneLanguage = "en" | "pl";

export interface PaneStrings {
  readonly title: string;
  readonly summary: string;
}

export const paneStrings: Readonly<Record<PaneLanguage, PaneStrings>> = {
  en: {
    title: "Receivables Desk",
    summary:
      "Ages the open invoices in this workbook, applies payments to them and prepares collection reports, without the data leaving Excel.",
  },
  pl: {
    title: "Receivables Desk",
    summary:
      "Wiekuje otwarte faktury z tego skoroszytu, rozlicza z nimi wpłaty i przygotowuje raporty windykacyjne, a dane nie opuszczają Excela.",
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
