import { FIRST_DAY, LAST_DAY, dayFromCivil, isValidCivil } from "./civil";

/**
 * Reads a date typed as text. Shapes: ISO `2025-03-05` (a time after it is dropped), `2025/03/05`,
 * `05.03.2025` and `05-03-2025` (day first: the European forms), `05/03/2025` (day or month first, by `order`),
 * two-digit years (`05.03.25` → 2025; 70–99 → 19xx), month names in English and Polish (`5 Mar 2025`,
 * `March 5, 2025`, `5 marca 2025`), and a Polish trailing `r.`.
 */
export type DateOrder = "dmy" | "mdy";

export type DateTextResult =
  | { readonly ok: true; readonly day: number }
  | { readonly ok: false; readonly reason: "invalid-date" | "date-out-of-range" };

const INVALID: DateTextResult = { ok: false, reason: "invalid-date" };

/** Month names and abbreviations, English and Polish (nominative and genitive), without diacritics. */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ["jan", "january", "sty", "styczen", "stycznia"],
  ["feb", "february", "lut", "luty", "lutego"],
  ["mar", "march", "marzec", "marca"],
  ["apr", "april", "kwi", "kwiecien", "kwietnia"],
  ["may", "maj", "maja"],
  ["jun", "june", "cze", "czerwiec", "czerwca"],
  ["jul", "july", "lip", "lipiec", "lipca"],
  ["aug", "august", "sie", "sierpien", "sierpnia"],
  ["sep", "sept", "september", "wrz", "wrzesien", "wrzesnia"],
  ["oct", "october", "paz", "pazdziernik", "pazdziernika"],
  ["nov", "november", "lis", "listopad", "listopada"],
  ["dec", "december", "gru", "grudzien", "grudnia"],
];
const MONTH_BY_NAME = new Map<string, number>(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

/**
 * @example parseDateText("05.03.2025", "mdy") //=> { ok: true, day: 45721 }  (5 March 2025: dots are day-first)
 * @example parseDateText("03/05/2025", "mdy") //=> { ok: true, day: 45721 }
 */
export function parseDateText(text: string, order: DateOrder): DateTextResult {
  const clean = text.trim().replace(/\s*r\.?$/i, "").replace(/[\u00a0\u202f]/g, " ");
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(clean);
  if (match) return civil(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(clean);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = fullYear(match[4]!);
    const monthFirst = match[2] === "/" && order === "mdy";
    return monthFirst ? civil(year, first, second) : civil(year, second, first);
  }
  const folded = foldDiacritics(clean.toLowerCase());
  match = /^(\d{1,2})\.? ([a-z]+)\.?,? (\d{4})$/.exec(folded);
  if (match) return named(Number(match[3]), match[2]!, Number(match[1]));
  match = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(folded);
  if (match) return named(Number(match[3]), match[1]!, Number(match[2]));
  match = /^(\d{1,2})-([a-z]+)-(\d{4}|\d{2})$/.exec(folded);
  if (match) return named(fullYear(match[3]!), match[2]!, Number(match[1]));
  return INVALID;
}

/**
 * For a slash date `a/b/yyyy`, which orders are possible: used to settle a column's order from its values.
 * @example slashDateOrders("25/03/2025") //=> ["dmy"]
 */
export function slashDateOrders(text: string): DateOrder[] | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/.exec(text);
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const orders: DateOrder[] = [];
  if (second >= 1 && second <= 12 && first >= 1 && first <= 31) orders.push("dmy");
  if (first >= 1 && first <= 12 && second >= 1 && second <= 31) orders.push("mdy");
  return orders;
}

function named(year: number, monthName: string, day: number): DateTextResult {
  const month = MONTH_BY_NAME.get(monthName);
  return month === undefined ? INVALID : civil(year, month, day);
}

function civil(year: number, month: number, day: number): DateTextResult {
  if (!isValidCivil(year, month, day)) return INVALID;
  const dayNumber = dayFromCivil(year, month, day);
  if (dayNumber < FIRST_DAY || dayNumber > LAST_DAY) return { ok: false, reason: "date-out-of-range" };
  return { ok: true, day: dayNumber };
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

export function foldDiacritics(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").replace(/Ł/g, "L");
}
