import { closeSync, openSync, writeSync } from "node:fs";

/** Arrays longer than this are written element by element; shorter ones go to JSON.stringify whole. */
const SPLIT_ARRAYS_LONGER_THAN = 8;
/** Objects this shallow are written key by key (the report's top level and its sections). */
const SPLIT_OBJECTS_ABOVE_DEPTH = 2;
const DEFAULT_BUFFER_BYTES = 1 << 20;

/**
 * Writes `value` to `path` exactly as `JSON.stringify(value, null, 2) + "\n"` in UTF-8, without ever holding that
 * text: the report's top level and long arrays are walked here, everything smaller is stringified on its own and
 * indented, and the pieces are encoded into one reused buffer. On these machines first touching fresh memory is
 * what costs (about 16 µs a 4 KiB page): the 7.9 MB JSON of 30,000 invoices as one string, its UTF-8 and the
 * stringifier's own pieces touched about 9,500 fresh pages; written in pieces, half as many.
 *
 * Objects with a `toJSON` method and anything not a plain object or array are stringified whole (their `toJSON`
 * receives the key "" rather than their own key, which no `toJSON` in this code base reads).
 */
export function writeJsonFile(path: string, value: unknown, options: WriteOptions = {}): void {
  withSink(path, options, (sink) => {
    if (!writeValue(sink, value, 0)) throw new TypeError("writeJsonFile: the value has no JSON text");
  });
}

/**
 * Writes an object whose values are built one at a time, as `writeJsonFile(path, { key: build(), … })` would write
 * it, keys in `sections`' order (a missing or undefined section is left out): each section is built, written and
 * let go before the next is built, so the whole tree never lives at once. Building the 30,000-invoice report's tree
 * first had the collector copy its 5.5 MB twice (into the survivor space, then the old generation).
 */
export function writeJsonSections(path: string, sections: Readonly<Record<string, (() => unknown) | undefined>>, options: WriteOptions = {}): void {
  withSink(path, options, (sink) => writeEntries(sink, Object.keys(sections), (key) => sections[key]?.(), 0));
}

interface WriteOptions {
  readonly bufferBytes?: number;
}

/** Opens the file, lets `write` fill it through a sink, ends it with a newline and closes it, whatever happens. */
function withSink(path: string, options: WriteOptions, write: (sink: Utf8Sink) => void): void {
  const fd = openSync(path, "w");
  try {
    const sink = new Utf8Sink(fd, options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
    write(sink);
    sink.put("\n");
    sink.flush();
  } finally {
    closeSync(fd);
  }
}

/** Writes v at nesting depth `depth`; false (and nothing written) when JSON.stringify would leave it out. */
function writeValue(sink: Utf8Sink, v: unknown, depth: number): boolean {
  if (isSplit(v, depth)) {
    writeSplit(sink, v, depth);
    return true;
  }
  const text = leafText(v, depth);
  if (text === undefined) return false;
  sink.put(text);
  return true;
}

/** Whether v is walked here rather than stringified whole. */
function isSplit(v: unknown, depth: number): v is object {
  if (v === null || typeof v !== "object" || !isPlain(v)) return false;
  return Array.isArray(v) ? v.length > SPLIT_ARRAYS_LONGER_THAN : depth < SPLIT_OBJECTS_ABOVE_DEPTH;
}

function writeSplit(sink: Utf8Sink, v: object, depth: number): void {
  if (Array.isArray(v)) {
    sink.put("[\n");
    for (let i = 0; i < v.length; i++) {
      sink.put(indent(depth + 1));
      if (!writeValue(sink, v[i], depth + 1)) sink.put("null");
      sink.put(i + 1 < v.length ? ",\n" : "\n");
    }
    sink.put(indent(depth));
    sink.put("]");
    return;
  }
  writeEntries(sink, Object.keys(v), (key) => (v as Record<string, unknown>)[key], depth);
}

/** An object's entries, each value asked for when its turn comes, as JSON.stringify would write the object. */
function writeEntries(sink: Utf8Sink, keys: readonly string[], valueOf: (key: string) => unknown, depth: number): void {
  let first = true;
  for (const key of keys) {
    const x = valueOf(key);
    const split = isSplit(x, depth + 1);
    const text = split ? "" : leafText(x, depth + 1);
    if (text === undefined) continue;
    sink.put(first ? "{\n" : ",\n");
    first = false;
    sink.put(indent(depth + 1));
    sink.put(JSON.stringify(key));
    sink.put(": ");
    if (split) writeSplit(sink, x as object, depth + 1);
    else sink.put(text);
  }
  if (first) sink.put("{}");
  else {
    sink.put("\n");
    sink.put(indent(depth));
    sink.put("}");
  }
}

/** JSON.stringify(v, null, 2) indented for nesting depth `depth` (its newlines are its own: a string's are escaped). */
function leafText(v: unknown, depth: number): string | undefined {
  const text = JSON.stringify(v, null, 2) as string | undefined;
  if (text === undefined || depth === 0) return text;
  const first = text.charCodeAt(0);
  return first === 0x7b || first === 0x5b ? text.replaceAll("\n", `\n${indent(depth)}`) : text;
}

/** A plain array or object: nothing that JSON.stringify would treat through toJSON or a prototype of its own. */
function isPlain(v: object): boolean {
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Array.prototype || proto === Object.prototype || proto === null;
}

const indents: string[] = [""];
function indent(depth: number): string {
  while (indents.length <= depth) indents.push(`${indents[indents.length - 1]!}  `);
  return indents[depth]!;
}

/** UTF-8 into one reused buffer, written to the file when full. */
class Utf8Sink {
  private readonly buffer: Buffer;
  private at = 0;

  constructor(
    private readonly fd: number,
    bytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.max(16, bytes));
  }

  put(text: string): void {
    const capacity = this.buffer.length;
    // At most 3 bytes per UTF-16 unit.
    if (this.at + text.length * 3 > capacity) this.flush();
    if (text.length * 3 <= capacity) {
      this.at += this.buffer.write(text, this.at);
      return;
    }
    const slice = Math.floor(capacity / 3);
    for (let from = 0; from < text.length; ) {
      // A slice must not end between the two halves of a surrogate pair: each half alone would become U+FFFD.
      let to = Math.min(text.length, from + slice);
      const last = text.charCodeAt(to - 1);
      if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
      this.at = this.buffer.write(text.slice(from, to), 0);
      this.flush();
      from = to;
    }
  }

  flush(): void {
    for (let written = 0; written < this.at; ) written += writeSync(this.fd, this.buffer, written, this.at - written);
    this.at = 0;
  }
}
