import { documentKey } from "./documentKey";
import { KIND_INVOICE, type Ledger } from "./ledger";

/** Characters that separate an invoice number from the words around it in a transfer title. */
const SEPARATOR_CODES = new Set([...",;:()[]\"'<>|"].map((c) => c.charCodeAt(0)));

function isSeparator(code: number): boolean {
  return code <= 32 || code === 160 || code === 0x202f || SEPARATOR_CODES.has(code);
}

export interface References {
  /** For document i, its referenced invoices are refs[refStart[i] .. refStart[i + 1]). */
  readonly refStart: Int32Array;
  readonly refs: Int32Array;
  /** Documents whose explicit reference matched no invoice. */
  readonly unmatchedExplicit: readonly number[];
}

/**
 * Which invoices each credit note and payment refers to: an explicit invoice-number cell, or invoice numbers
 * found inside free text ("Zapłata za FV/2024/03/001", "FV/2024/03/002 partial"). Duplicated invoice numbers
 * refer to the first such invoice.
 * @example a payment titled "Zapłata za FV/1, FV/2" refers to invoices FV/1 and FV/2, in that order.
 */
export function resolveReferences(ledger: Omit<Ledger, "refStart" | "refs">): References {
  const invoiceByKey = new Map<string, number>();
  for (let i = 0; i < ledger.count; i++) {
    if (ledger.kind[i] !== KIND_INVOICE) continue;
    const key = documentKey(ledger.document[i]!);
    if (!invoiceByKey.has(key)) invoiceByKey.set(key, i);
  }
  const refStart = new Int32Array(ledger.count + 1);
  const refs: number[] = [];
  const unmatchedExplicit: number[] = [];
  for (let i = 0; i < ledger.count; i++) {
    refStart[i] = refs.length;
    const text = ledger.reference[i];
    if (ledger.kind[i] === KIND_INVOICE || text === undefined) continue;
    const before = refs.length;
    const whole = invoiceByKey.get(documentKey(text));
    if (whole !== undefined) {
      refs.push(whole);
    } else {
      let start = -1;
      for (let p = 0; p <= text.length; p++) {
        if (p < text.length && !isSeparator(text.charCodeAt(p))) {
          if (start < 0) start = p;
          continue;
        }
        if (start < 0) continue;
        let end = p;
        while (end > start && text.charCodeAt(end - 1) === 46) end--; // a sentence's full stop is not part of the number
        const found = end > start ? invoiceByKey.get(text.slice(start, end).toUpperCase()) : undefined;
        if (found !== undefined && !refs.includes(found, before)) refs.push(found);
        start = -1;
      }
    }
    if (refs.length === before && ledger.explicitReference[i] === 1) unmatchedExplicit.push(i);
  }
  refStart[ledger.count] = refs.length;
  return { refStart, refs: Int32Array.from(refs), unmatchedExplicit };
}
