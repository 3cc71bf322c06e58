/**
 * Days of credit from a payment-terms cell: "30", "Net 30", "NET30", "14 dni", "30 days", "płatne w ciągu 14 dni",
 * "due on receipt" / "gotówka" (0). Undefined when the text names no number of days.
 * @example parseTerms("Net 30") //=> 30
 * @example parseTerms("14 dni") //=> 14
 */
export function parseTerms(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= 3650 ? value : undefined;
  const text = value.trim().toLowerCase();
  if (/^(due on receipt|on receipt|immediate|cash|gotowka|gotówka|przedplata|przedpłata|natychmiast)/.test(text)) {
    return 0;
  }
  const match = /(\d{1,4})/.exec(text);
  if (!match) return undefined;
  const days = Number(match[1]);
  // A number with other digits around it ("2/10 net 30") is a discount term: the last number is the net term.
  const all = text.match(/\d{1,4}/g) ?? [];
  const net = all.length > 1 ? Number(all[all.length - 1]) : days;
  return net <= 3650 ? net : undefined;
}
