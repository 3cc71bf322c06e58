import { InvoiceIndex } from "./invoiceIndex";
import { KIND_INVOICE, type Ledger } from "./ledger";
import { int32Column } from "./columnArrays";

/** Characters that separate an invoice number from the words around it in a transfer title. */
const SEPARATOR_ASCII = new Uint8Array(128);
for (let code = 0; code <= 32; code++) SEPARATOR_ASCII[code] = 1;
for (const c of ",;:()[]\"'<>|") SEPARATOR_ASCII[c.charCodeAt(0)] = 1;

function hasDigit(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const code = text.charCodeAt(p);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function isSeparator(code: number): boolean {
  return code < 128 ? SEPARATOR_ASCII[code] === 1 : code === 160 || code === 0x202f;
}

export interface References {
  /** For document i, its referenced invoices are refs[refStart[i] .. refStart[i + 1]). */
  readonly refStart: Int32Array;
  readonly refs: Int32Array;
  /** Documents whose explicit reference matched no invoice. */
  readonly unmatchedExplicit: readonly number[];
  /** Invoices whose number an earlier invoice (in sheet order) already has, as [duplicate, first] pairs. */
  readonly duplicates: ReadonlyArray<readonly [number, number]>;
}

/**
 * Which invoices each credit note and payment refers to: an explicit invoice-number cell, or invoice numbers
 * found inside free text ("Zapłata za FV/2024/03/001", "FV/2024/03/002 partial"): a token of the text that
 * holds a digit and equals an invoice number (without case). Duplicated invoice numbers
 * refer to the first such invoice.
 * @example a payment titled "Zapłata za FV/1, FV/2" refers to invoices FV/1 and FV/2, in that order.
 */
export function resolveReferences(ledger: Omit<Ledger, "refStart" | "refs">): References {
  // Counted, then filled: a million pushes grow a JS array by copying it about 27 times.
  let invoiceCount = 0;
  for (let i = 0; i < ledger.count; i++) if (ledger.kind[i] === KIND_INVOICE) invoiceCount++;
  const invoices = int32Column(invoiceCount);
  for (let i = 0, k = 0; i < ledger.count; i++) if (ledger.kind[i] === KIND_INVOICE) invoices[k++] = i;
  const index = new InvoiceIndex(ledger.document, invoices, invoiceCount);
  const refStart = int32Column(ledger.count + 1);
  let refs = int32Column(Math.max(16, ledger.count));
  let refCount = 0;
  const add = (invoice: number, from: number) => {
    for (let k = from; k < refCount; k++) if (refs[k] === invoice) return;
    if (refCount === refs.length) {
      const grown = int32Column(refs.length * 2);
      grown.set(refs);
      refs = grown;
    }
    refs[refCount++] = invoice;
  };
  const unmatchedExplicit: number[] = [];
  for (let i = 0; i < ledger.count; i++) {
    refStart[i] = refCount;
    const text = ledger.reference[i];
    if (ledger.kind[i] === KIND_INVOICE || text === undefined) continue;
    const before = refCount;
    const whole = index.find(text);
    if (whole >= 0) {
      add(whole, before);
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
        // In free text only tokens with a digit are taken for invoice numbers: words ("Zapłata", "za") never are.
        if (hasDigit(text, start, end)) {
          const found = index.find(text, start, end);
          if (found >= 0) add(found, before);
        }
        start = -1;
      }
    }
    if (refCount === before && ledger.explicitReference[i] === 1) unmatchedExplicit.push(i);
  }
  refStart[ledger.count] = refCount;
  return { refStart, refs: refs.slice(0, refCount), unmatchedExplicit, duplicates: index.duplicates };
}
