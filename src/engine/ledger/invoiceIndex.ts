import { int32Column } from "./columnArrays";

/**
 * Invoice numbers → invoice, looked up by a slice of any text without creating a string: the hash is computed
 * over the slice's characters (upper-cased on the fly) and a candidate is confirmed character by character.
 * Reference resolution runs once per payment over a million payments; allocating a token string per word of every
 * transfer title was the largest cost of reading a ledger.
 *
 * Keys compare without case; the first invoice with a number wins (later duplicates are reported elsewhere).
 */
export class InvoiceIndex {
  private readonly slots: Int32Array;
  /** The hash of each slot's key: a probe compares characters only when the hashes agree. */
  private readonly hashes: Int32Array;
  private readonly mask: number;
  /**
   * Which lengths the (trimmed) invoice numbers have, 256 standing for any longer: a text of another length cannot
   * equal one, so it is neither hashed nor probed. A transfer title as a whole ("Zapłata za FV/2024/03/001") is looked
   * up first and is almost never an invoice number; over a million payments that probe missed the cache every time.
   */
  private readonly keyLengths = new Uint8Array(LONG_KEY + 1);
  /** Invoices whose number an earlier invoice already has, each with that first invoice: [duplicate, first] pairs. */
  readonly duplicates: Array<readonly [number, number]> = [];

  constructor(private readonly documents: readonly string[], invoices: ArrayLike<number>, count: number) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.slots = int32Column(size);
    this.hashes = int32Column(size);
    this.mask = size - 1;
    for (let k = 0; k < count; k++) {
      const i = invoices[k]!;
      const text = documents[i]!;
      const start = trimStart(text, 0, text.length);
      const end = trimEnd(text, start, text.length);
      if (start === end) continue;
      this.keyLengths[Math.min(LONG_KEY, end - start)] = 1;
      const h = hash(text, start, end);
      let slot = h & this.mask;
      let first = -1;
      while (this.slots[slot] !== 0) {
        if (this.hashes[slot] === h && this.equals(this.slots[slot]! - 1, text, start, end)) {
          first = this.slots[slot]! - 1;
          break;
        }
        slot = (slot + 1) & this.mask;
      }
      if (first >= 0) this.duplicates.push([i, first]);
      else {
        this.slots[slot] = i + 1;
        this.hashes[slot] = h;
      }
    }
  }

  /** The invoice whose number equals text[start, end) (outer spaces ignored, any case), or -1. */
  find(text: string, from = 0, to = text.length): number {
    const start = trimStart(text, from, to);
    const end = trimEnd(text, start, to);
    if (start === end || this.keyLengths[Math.min(LONG_KEY, end - start)] === 0) return -1;
    const h = hash(text, start, end);
    for (let slot = h & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hashes[slot] !== h) continue;
      const candidate = this.slots[slot]! - 1;
      if (this.equals(candidate, text, start, end)) return candidate;
    }
    return -1;
  }

  private equals(invoice: number, text: string, start: number, end: number): boolean {
    const key = this.documents[invoice]!;
    const keyStart = trimStart(key, 0, key.length);
    const keyEnd = trimEnd(key, keyStart, key.length);
    if (keyEnd - keyStart !== end - start) return false;
    for (let k = 0; k < end - start; k++) {
      if (upper(key.charCodeAt(keyStart + k)) !== upper(text.charCodeAt(start + k))) return false;
    }
    return true;
  }
}

/** keyLengths' last entry: every length from here up. */
const LONG_KEY = 256;

const nonAscii = new Map<number, number>();
/** Latin letters with diacritics (Polish, German, Czech …) sit below U+0250: a table, not a map, for those. */
const nonAsciiTable = new Uint16Array(0x250);

/** Upper-case of one UTF-16 code unit (one-to-one mappings only, which is what invoice numbers use). */
function upper(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? code - 32 : code;
  return upperNonAscii(code);
}

function upperNonAscii(code: number): number {
  if (code < 0x10000 && code < nonAsciiTable.length) {
    const known = nonAsciiTable[code]!;
    if (known !== 0) return known;
  }
  let mapped = nonAscii.get(code);
  if (mapped === undefined) {
    const text = String.fromCharCode(code).toUpperCase();
    mapped = text.length === 1 ? text.charCodeAt(0) : code;
    nonAscii.set(code, mapped);
    if (code < nonAsciiTable.length) nonAsciiTable[code] = mapped;
  }
  return mapped;
}

/** FNV-1a over the upper-cased code units. */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let p = start; p < end; p++) h = Math.imul(h ^ upper(text.charCodeAt(p)), 0x01000193);
  return h | 0;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  return start;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 160 || code === 0x202f;
}
