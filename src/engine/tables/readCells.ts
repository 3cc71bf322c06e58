import { dayFromSerial } from "../dates/excelSerial";
import { parseDateText, type DateOrder } from "../dates/parseDateText";
import { minorUnitExponent } from "../money/currency";
import { isSafeMinor, minorFromNumber } from "../money/money";
import { minorFromParsed, parseAmountText } from "../money/parseAmountText";
import type { IssueCode } from "../messages";
import { isCellError, type CellValue } from "../port";
import { maskCardNumbers } from "../privacy/maskCardNumbers";

/** A cell read as one kind of value, or the issue that stops it. */
export type CellRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: IssueCode; readonly detail: string };

const blank = <T>(code: IssueCode): CellRead<T> => ({ ok: false, code, detail: "" });

/** Empty, or text of nothing but white space (tested without making a trimmed copy). */
export function isBlank(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  for (let i = 0; i < cell.length; i++) if (!isWhiteSpace(cell.charCodeAt(i))) return false;
  return true;
}

/** The code units JavaScript's `\s` (and so `trim`) takes for white space. */
function isWhiteSpace(code: number): boolean {
  if (code > 32 && code < 160) return false;
  return (
    (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Text that needs folding: outer space, a run of spaces, or any space other than a plain one (tab, newline,
 * non-breaking). Alternatives without nested quantifiers, so the test is linear in the text's length.
 */
const NEEDS_FOLDING = /^\s|\s$|[^\S ]| {2}/;

/**
 * Text of a cell with outer and non-breaking spaces trimmed and inner runs of space folded, card numbers masked;
 * "" when blank. Every text the engine keeps from the user's data passes through here or `quoteCell`.
 */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined || isCellError(cell)) return "";
  if (typeof cell === "string") return maskCardNumbers(!NEEDS_FOLDING.test(cell) ? cell : cell.replace(/[\s\u00a0\u202f]+/g, " ").trim());
  return maskCardNumbers(String(cell));
}

/** Quoted, shortened cell content for messages. */
export function quoteCell(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '""';
  if (isCellError(cell)) return cell.error;
  const text = maskCardNumbers(String(cell));
  return `"${text.length > 40 ? `${text.slice(0, 37)}…` : text}"`;
}

/**
 * A date cell: a serial number (in the workbook's date system) or text in a known shape.
 * @example readDate(45688, "dmy", false) //=> { ok: true, value: 45688 }
 */
export function readDate(cell: CellValue | undefined, order: DateOrder, date1904: boolean): CellRead<number> {
  if (isBlank(cell)) return blank("missing-date");
  if (typeof cell === "object" && cell !== null) return { ok: false, code: "cell-error", detail: cell.error };
  if (typeof cell === "number") {
    const result = dayFromSerial(cell, date1904);
    return result.ok ? { ok: true, value: result.day } : { ok: false, code: result.reason, detail: quoteCell(cell) };
  }
  if (typeof cell === "boolean") return { ok: false, code: "invalid-date", detail: quoteCell(cell) };
  const result = parseDateText(cell as string, order);
  if (result.ok) return { ok: true, value: result.day };
  return { ok: false, code: result.reason, detail: quoteCell(cell) };
}

export interface AmountValue {
  readonly minor: number;
  readonly currency: string;
  /** The text carried its own currency. */
  readonly currencyFromText: boolean;
  readonly rounded: boolean;
}

/**
 * An amount cell in `currency` (the row's currency, or the default). A number is taken as major units; text may
 * carry its own currency symbol, which then wins when the row has no currency column.
 * @example readAmount("1 234,56 zł", "EUR", false) //=> { ok: true, value: { minor: 123456, currency: "PLN", … } }
 */
export function readAmount(cell: CellValue | undefined, currency: string, rowHasCurrency: boolean): CellRead<AmountValue> {
  if (isBlank(cell)) return blank("missing-amount");
  if (typeof cell === "object" && cell !== null) return { ok: false, code: "cell-error", detail: cell.error };
  if (typeof cell === "boolean") return { ok: false, code: "invalid-amount", detail: quoteCell(cell) };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, code: "invalid-amount", detail: quoteCell(cell) };
    const { minor, rounded } = minorFromNumber(cell, minorUnitExponent(currency));
    if (!isSafeMinor(minor)) return { ok: false, code: "amount-too-large", detail: quoteCell(cell) };
    return { ok: true, value: { minor, currency, currencyFromText: false, rounded } };
  }
  const parsed = parseAmountText(cell as string);
  if (!parsed.ok) return { ok: false, code: "invalid-amount", detail: quoteCell(cell) };
  const effective = !rowHasCurrency && parsed.currency !== undefined ? parsed.currency : currency;
  const { minor, rounded, tooLarge } = minorFromParsed(parsed, minorUnitExponent(effective));
  if (tooLarge || !isSafeMinor(minor)) return { ok: false, code: "amount-too-large", detail: quoteCell(cell) };
  return { ok: true, value: { minor, currency: effective, currencyFromText: effective !== currency, rounded } };
}
