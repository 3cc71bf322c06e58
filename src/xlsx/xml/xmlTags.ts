import { decodeXmlAttribute } from "./xmlText";

const COLON = 0x3a;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const SPACE = 0x20;

/**
 * Where the local name of a tag name starts: after its prefix (some writers use `x:c` for `c`), at the first colon.
 * @example localNameStart(Buffer.from("x:row"), 0, 5)  //=> 2
 */
export function localNameStart(source: Buffer, nameStart: number, nameEnd: number): number {
  for (let at = nameStart; at < nameEnd; at++) {
    if (source[at] === COLON) return at + 1;
  }
  return nameStart;
}

/** The opening tag of a text run that keeps its spaces, as Excel writes it. */
export const PRESERVING_T = Buffer.from('<t xml:space="preserve">');

/** Whether the bytes of `pattern` start at `at`. */
export function hasBytesAt(source: Buffer, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > source.length) return false;
  for (let index = 0; index < pattern.length; index++) {
    if (source[at + index] !== pattern[index]) return false;
  }
  return true;
}

/**
 * Whether the bytes from `at` to `end` are exactly `name` (ASCII).
 * @example isAsciiName(Buffer.from("<mergeCell"), 1, 10, "mergeCell")  //=> true
 */
export function isAsciiName(source: Buffer, at: number, end: number, name: string): boolean {
  if (end - at !== name.length) return false;
  for (let index = 0; index < name.length; index++) {
    if (source[at + index] !== name.charCodeAt(index)) return false;
  }
  return true;
}

/** Where one attribute of a tag is: its name, and its value between the quotes (still encoded). */
export interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * The next attribute of a tag from `at` on (between the end of the tag's name and the end of its attributes), into
 * `span`: returns where to look for the one after it, or -1 when there is none (or the rest is not `name="value"`).
 * Every reader of attributes walks them with this, so they all agree on what a tag holds.
 */
export function nextAttribute(source: Buffer, from: number, to: number, span: AttributeSpan): number {
  let at = from;
  while (at < to) {
    let code = source[at]!;
    if (code <= SPACE) {
      at++;
      continue;
    }
    const nameStart = at;
    while (at < to && code > SPACE && code !== EQUALS) code = source[++at]!;
    const nameEnd = at;
    while (at < to && code !== DOUBLE_QUOTE && code !== SINGLE_QUOTE) code = source[++at]!;
    if (at >= to) return -1;
    const valueStart = at + 1;
    const valueEnd = attributeValueEnd(source, valueStart);
    if (valueEnd >= to) return -1;
    span.nameStart = nameStart;
    span.nameEnd = nameEnd;
    span.valueStart = valueStart;
    span.valueEnd = valueEnd;
    return valueEnd + 1;
  }
  return -1;
}

/** One span for the readers below: they run to completion, one at a time. */
const span: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * Where the value of attribute `name` (matched with its prefix, as written) starts, between the end of a tag's name
 * and the end of its attributes; -1 when the tag has no such attribute. The value ends at `attributeValueEnd`.
 * @example attributeValueStart(Buffer.from('<c r="A1" t="s">'), 2, 15, "t")  //=> 13
 */
export function attributeValueStart(source: Buffer, from: number, to: number, name: string): number {
  for (let at = nextAttribute(source, from, to, span); at >= 0; at = nextAttribute(source, at, to, span)) {
    if (isAsciiName(source, span.nameStart, span.nameEnd, name)) return span.valueStart;
  }
  return -1;
}

/** Where the value that starts at `valueStart` (just after its opening quote) ends: at its closing quote. */
export function attributeValueEnd(source: Buffer, valueStart: number): number {
  const quote = source[valueStart - 1];
  let at = valueStart;
  while (at < source.length && source[at] !== quote) at++;
  return at;
}

/**
 * The decoded value of attribute `name` of a tag, or undefined.
 * @example attributeValue(Buffer.from('<row r="7">'), 4, 10, "r")  //=> "7"
 */
export function attributeValue(source: Buffer, from: number, to: number, name: string): string | undefined {
  const start = attributeValueStart(source, from, to, name);
  return start < 0 ? undefined : decodeXmlAttribute(source, start, attributeValueEnd(source, start));
}

/**
 * Every attribute of a tag by its name as written (prefix included), values decoded; when a name is given twice
 * the last value is kept.
 * @example tagAttributes(Buffer.from('<sheet name="A &amp; B" r:id="rId1"/>'), 6, 35)  //=> { name: "A & B", "r:id": "rId1" }
 */
export function tagAttributes(source: Buffer, from: number, to: number): Record<string, string> {
  // No prototype: an attribute named "__proto__" or "constructor" is just a name.
  const attributes = Object.create(null) as Record<string, string>;
  for (let at = nextAttribute(source, from, to, span); at >= 0; at = nextAttribute(source, at, to, span)) {
    attributes[source.toString("utf8", span.nameStart, span.nameEnd)] = decodeXmlAttribute(source, span.valueStart, span.valueEnd);
  }
  return attributes;
}
