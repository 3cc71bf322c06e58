import { decodeOoxmlEscapes } from "./ooxmlEscapes";
import { decodeXmlCdata, decodeXmlText, hasBytesAt, isAsciiName, localNameStart, PRESERVING_T, type XmlTokenHandler } from "./xml";

const LESS = 0x3c;
const GREATER = 0x3e;
const SLASH = 0x2f;
const T = 0x74;
/** `<t xml:space="preserve">`, as Excel writes a text with leading or trailing spaces. */

/**
 * The shared string table (`xl/sharedStrings.xml`) as its XML goes by: one string per `<si>`, the `<t>` of its rich
 * text runs joined, phonetic runs (`<rPh>`, furigana) left out as Excel shows them, `_xHHHH_` escapes decoded.
 * Feed it to an `XmlScanner`; `strings` holds the table once the part has been scanned.
 *
 * The plain `<si><t>text</t></si>` that most tables are made of is read in one step; anything else goes tag by tag.
 */
export class SharedStringsReader implements XmlTokenHandler {
  readonly strings: string[] = [];
  private current = "";
  /** The text of the `<t>` being read, or null outside one. */
  private run: string | null = null;
  private phoneticDepth = 0;

  /** `wholeElements: false` reads tag by tag only (for tests that hold the two paths to the same result). */
  constructor(private readonly wholeElements = true) {}

  openTag(source: Buffer, nameStart: number, nameEnd: number, attributesEnd: number, tagEnd: number): number {
    const local = localNameStart(source, nameStart, nameEnd);
    const length = nameEnd - local;
    if (length === 1) {
      if (source[local] === T && this.phoneticDepth === 0) this.run = "";
    } else if (isAsciiName(source, local, nameEnd, "si")) {
      if (this.wholeElements && local === nameStart && attributesEnd === tagEnd) {
        const end = this.readPlainItem(source, tagEnd + 1);
        if (end >= 0) return end;
      }
      this.current = "";
    } else if (isAsciiName(source, local, nameEnd, "rPh")) {
      this.phoneticDepth++;
    }
    return -1;
  }

  closeTag(source: Buffer, nameStart: number, nameEnd: number): void {
    const local = localNameStart(source, nameStart, nameEnd);
    if (nameEnd - local === 1 && source[local] === T && this.run !== null) {
      this.current += decodeOoxmlEscapes(this.run);
      this.run = null;
    } else if (isAsciiName(source, local, nameEnd, "rPh")) {
      this.phoneticDepth--;
    } else if (isAsciiName(source, local, nameEnd, "si")) {
      this.strings.push(this.current);
    }
  }

  text(source: Buffer, start: number, end: number): void {
    if (this.run !== null) this.run += decodeXmlText(source, start, end);
  }

  cdata(source: Buffer, start: number, end: number): void {
    if (this.run !== null) this.run += decodeXmlCdata(source, start, end);
  }

  /**
   * `<t>text</t></si>` or `<t xml:space="preserve">text</t></si>` right after an unprefixed `<si>`, and as many
   * plain `<si>` items as follow it: the strings, and the offset after the last `</si>` read; -1 when the first is of
   * any other shape, which the tag-by-tag path then reads (to the same result).
   */
  private readPlainItem(source: Buffer, from: number): number {
    // Text outside a <t> is never captured, but a <t> left open would capture it: stay on the exact path then.
    if (this.run !== null || this.phoneticDepth !== 0) return -1;
    let end = this.readItemText(source, from);
    if (end < 0) return -1;
    // The items that follow, in the same loop: the scanner sees one element per piece rather than one per string.
    for (;;) {
      if (source[end] !== LESS || source[end + 1] !== 0x73 /* s */ || source[end + 2] !== 0x69 /* i */ || source[end + 3] !== GREATER) {
        return end;
      }
      const next = this.readItemText(source, end + 4);
      if (next < 0) return end;
      end = next;
    }
  }

  /** The text of one plain item from its `<t>` to its `</si>`, pushed; the offset after `</si>`, or -1. */
  private readItemText(source: Buffer, from: number): number {
    let textStart: number;
    if (source[from] === LESS && source[from + 1] === T && source[from + 2] === GREATER) {
      textStart = from + 3;
    } else if (hasBytesAt(source, from, PRESERVING_T)) {
      textStart = from + PRESERVING_T.length;
    } else {
      return -1;
    }
    let textEnd = textStart;
    while (textEnd < source.length && source[textEnd] !== LESS) textEnd++;
    // </t></si>
    if (
      textEnd + 9 > source.length ||
      source[textEnd + 1] !== SLASH ||
      source[textEnd + 2] !== T ||
      source[textEnd + 3] !== GREATER ||
      source[textEnd + 4] !== LESS ||
      source[textEnd + 5] !== SLASH ||
      source[textEnd + 6] !== 0x73 /* s */ ||
      source[textEnd + 7] !== 0x69 /* i */ ||
      source[textEnd + 8] !== GREATER
    ) {
      return -1;
    }
    this.current = decodeOoxmlEscapes(decodeXmlText(source, textStart, textEnd));
    this.strings.push(this.current);
    return textEnd + 9;
  }
}
