/**
 * Typed arrays sized by the ledger — a column a document long, or a list of the items — made where V8 does not
 * count them as the isolate's external memory.
 *
 * Why: V8 counts every ArrayBuffer's bytes as external memory, and each 64 MB of growth since its last full
 * collection starts another one (external memory pressure). A run over a million invoices and ~940,000 payments
 * allocates about 490 MB of such arrays, so it paid four full collections, each marking the whole workbook's cells
 * (about 440 ms apiece here) and freeing none of the columns, which the run still held. A SharedArrayBuffer's backing
 * store is not counted per isolate, so these arrays do not start collections; they are still freed by the collector
 * like any other object once nothing refers to them. Measured at 1,048,575 invoices (same load, alternating runs):
 * 10.3–11.0 s → 9.0–9.2 s for the full report set, no full collection during the run, peak heap unchanged.
 *
 * Where SharedArrayBuffer does not exist (a page that is not cross-origin isolated, like the task pane in Excel),
 * or for arrays too small to matter, these are plain `new Float64Array(length)` and so on. Nothing else differs:
 * the arrays are zeroed, unshared, and nobody posts them anywhere.
 */

/** Below this many bytes an array is made the ordinary way: it cannot move V8's 64 MB step. */
const SHARED_FROM_BYTES = 1 << 16;

const Shared: typeof SharedArrayBuffer | undefined = typeof SharedArrayBuffer === "function" ? SharedArrayBuffer : undefined;

/** A typed-array constructor: made from a length, or over a buffer. */
interface ColumnType<T> {
  new (length: number): T;
  new (buffer: SharedArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
  readonly name: string;
}

function column<T>(Type: ColumnType<T>, length: number): T {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  return Shared !== undefined && bytes >= SHARED_FROM_BYTES ? new Type(new Shared(bytes)) : new Type(length);
}

/** @example float64Column(3) //=> Float64Array [0, 0, 0] */
export const float64Column = (length: number): Float64Array => column(Float64Array, length);
export const int32Column = (length: number): Int32Array => column(Int32Array, length);
export const int16Column = (length: number): Int16Array => column(Int16Array, length);
export const uint8Column = (length: number): Uint8Array => column(Uint8Array, length);

type Lendable = Float64Array | Int32Array;

/** Columns given back, per owner (a ledger) and per type and length, waiting to be lent again. */
const givenBack = new WeakMap<object, Map<string, Lendable[]>>();

/** Where a column of this type and length waits: one key for lending and giving back. */
const lendingKey = (Type: ColumnType<Lendable>, length: number) => `${Type.name}:${length}`;

function lend<T extends Lendable>(owner: object, Type: ColumnType<T>, length: number): T {
  const lent = givenBack.get(owner)?.get(lendingKey(Type, length))?.pop() as T | undefined;
  return lent ? (lent.fill(0) as T) : column(Type, length);
}

/**
 * A zeroed working column a pass needs only while it runs, to be handed back with `giveBack` when the pass is done
 * with it; the next pass over the same ledger that asks for one of that length gets the same memory, zeroed again.
 * Why: first touching fresh memory costs about 16 µs a 4 KiB page on these machines, and a report over a million
 * documents made five ledger-long working balances (cash applied twice, aging, two balance sweeps) and four
 * index lists of 8–16 MB each, all fresh. Lent per owner in a WeakMap, so what is given back goes with the ledger.
 */
export function borrowFloat64(owner: object, length: number): Float64Array {
  return lend(owner, Float64Array, length);
}

/** As borrowFloat64, for an Int32Array. */
export function borrowInt32(owner: object, length: number): Int32Array {
  return lend(owner, Int32Array, length);
}

/**
 * Hands a borrowed column back: whoever gives it back must not touch it again. Giving one back twice would lend it
 * to two passes at once, so it is refused.
 */
export function giveBack(owner: object, column: Lendable): void {
  let byKey = givenBack.get(owner);
  if (!byKey) givenBack.set(owner, (byKey = new Map()));
  const key = lendingKey(column.constructor as ColumnType<Lendable>, column.length);
  let waiting = byKey.get(key);
  if (!waiting) byKey.set(key, (waiting = []));
  if (waiting.includes(column)) throw new Error("giveBack: this column was already given back");
  waiting.push(column);
}
