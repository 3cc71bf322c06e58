import { hasBytesAt } from "./xmlTags";

/**
 * What an `XmlScanner` reports. Positions are byte offsets into `source` (UTF-8), so that nothing is decoded unless
 * the handler asks for it (helpers in ./xmlText.ts and ./xmlTags.ts). `source` is only valid during the call.
 */
export interface XmlTokenHandler {
  /**
   * A start tag, or an empty-element tag (then `closeTag` follows at once with the same name). The name, prefix
   * included, lies between `nameStart` and `nameEnd`; its attributes between `nameEnd` and `attributesEnd`;
   * `tagEnd` is the offset of its ">".
   *
   * Returns -1, or, when the handler has read the whole element itself (a start tag whose end tag is in `source`),
   * the offset just past its end tag — or past the end tag of a later sibling, when the handler read the siblings
   * that follow it as well: the scanner goes on from there, reporting nothing it skipped.
   */
  openTag(source: Buffer, nameStart: number, nameEnd: number, attributesEnd: number, tagEnd: number): number;
  /** An end tag `</name>`; the name, prefix included, lies between `nameStart` and `nameEnd`. */
  closeTag(source: Buffer, nameStart: number, nameEnd: number): void;
  /** Character data between two tags, raw: entities and line ends still to decode (`decodeXmlText`). */
  text(source: Buffer, start: number, end: number): void;
  /** The content of a CDATA section: literal, only its line ends still to normalize (`decodeXmlCdata`). */
  cdata(source: Buffer, start: number, end: number): void;
}

const LESS = 0x3c; // <
const GREATER = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const COMMENT_START = Buffer.from("<!--");
const COMMENT_END = Buffer.from("-->");
const CDATA_START = Buffer.from("<![CDATA[");
const CDATA_END = Buffer.from("]]>");
const DOCTYPE_START = Buffer.from("<!DOCTYPE");
const PI_END = Buffer.from("?>");
/**
 * No token of a workbook part comes near this (a cell holds at most 32,767 characters): a longer one means an
 * unclosed quote or comment, which would otherwise be rescanned with every piece written.
 */
const MAX_TOKEN_BYTES = 16 * 1024 * 1024;

/**
 * A forward-only XML tokenizer for the parts of an .xlsx, working on the UTF-8 bytes: no part is ever decoded into
 * one string. Bytes are written to it in pieces of any size (a token cut by the end of a piece waits for the next
 * one) and it reports tags, character data and CDATA to a handler. Comments, processing instructions and the
 * document type declaration are skipped.
 *
 * It is not a validating parser. It refuses what would otherwise give a wrong value — an end of input inside a
 * tag or before the root element is closed, a `<!` that is none of comment, CDATA or DOCTYPE — and leaves
 * nesting to the handler (a stray end tag is reported like any other). Entities are checked where text is
 * decoded (./xmlText.ts).
 * @example
 * const scanner = new XmlScanner(handler);
 * scanner.write(Buffer.from("<sst><si><t>Fak"));
 * scanner.write(Buffer.from("tura</t></si></sst>"));  // handler.text sees the bytes of "Faktura" once, whole
 * scanner.end();
 */
export class XmlScanner {
  private carry: Buffer | null = null;
  private depth = 0;
  private sawRoot = false;

  constructor(private readonly handler: XmlTokenHandler) {}

  /** `piece` is not kept: the caller may reuse it once this returns. */
  write(piece: Buffer): void {
    const source = this.carry === null ? piece : Buffer.concat([this.carry, piece]);
    const consumed = this.scan(source);
    if (consumed === source.length) {
      this.carry = null;
      return;
    }
    if (source.length - consumed > MAX_TOKEN_BYTES) {
      throw new Error(`Malformed XML: a token runs on for more than ${MAX_TOKEN_BYTES} bytes`);
    }
    this.carry = Buffer.from(source.subarray(consumed));
  }

  /** No more input: throws when it ends inside a tag or before the root element was closed. */
  end(): void {
    const rest = this.carry;
    this.carry = null;
    if (rest !== null && rest.includes(LESS)) throw new Error("The XML part ends inside a tag");
    if (!this.sawRoot) throw new Error("The XML part has no root element");
    if (this.depth !== 0) throw new Error("The XML part ends before its root element is closed");
  }

  /** Reports every complete token of `source`; returns where the first incomplete one starts. */
  private scan(source: Buffer): number {
    const handler = this.handler;
    const length = source.length;
    let at = 0;
    while (at < length) {
      let less = at;
      while (less < length && source[less] !== LESS) less++;
      // Text runs to the next tag; without one it may go on in the next piece (or be cut in a character).
      if (less === length) return at;
      if (less > at && this.depth > 0) handler.text(source, at, less);
      if (less + 1 === length) return less;
      const next = source[less + 1];
      if (next === SLASH) {
        const nameStart = less + 2;
        let greater = nameStart;
        while (greater < length && source[greater] !== GREATER) greater++;
        if (greater === length) return less;
        let nameEnd = nameStart;
        while (nameEnd < greater && source[nameEnd]! > 0x20) nameEnd++;
        this.depth--;
        handler.closeTag(source, nameStart, nameEnd);
        at = greater + 1;
      } else if (next === BANG) {
        const end = this.skipDeclaration(source, less);
        if (end < 0) return less;
        at = end;
      } else if (next === QUESTION) {
        const end = source.indexOf(PI_END, less + 2);
        if (end < 0) return less;
        at = end + 2;
      } else {
        const nameStart = less + 1;
        let nameEnd = nameStart;
        let code = source[nameEnd]!;
        while (nameEnd < length && code > 0x20 && code !== GREATER && code !== SLASH) code = source[++nameEnd]!;
        // Attribute values may hold ">" (not "<"): step over quoted ones to find the end of the tag.
        let greater = nameEnd;
        for (;;) {
          if (greater >= length) return less;
          code = source[greater]!;
          if (code === GREATER) break;
          if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
            greater++;
            while (greater < length && source[greater] !== code) greater++;
          }
          greater++;
        }
        const empty = source[greater - 1] === SLASH;
        this.sawRoot = true;
        const readTo = handler.openTag(source, nameStart, nameEnd, empty ? greater - 1 : greater, greater);
        if (readTo > greater) {
          at = readTo;
          continue;
        }
        if (empty) handler.closeTag(source, nameStart, nameEnd);
        else this.depth++;
        at = greater + 1;
      }
    }
    return at;
  }

  /** `<!--…-->`, `<![CDATA[…]]>` (reported) or `<!DOCTYPE…>`: the offset after it, or -1 when it is cut. */
  private skipDeclaration(source: Buffer, less: number): number {
    if (hasBytesAt(source, less, COMMENT_START)) {
      const end = source.indexOf(COMMENT_END, less + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (hasBytesAt(source, less, CDATA_START)) {
      const end = source.indexOf(CDATA_END, less + 9);
      if (end < 0) return -1;
      if (this.depth > 0) this.handler.cdata(source, less + 9, end);
      return end + 3;
    }
    if (hasBytesAt(source, less, DOCTYPE_START)) {
      // An internal subset in brackets may hold ">"; quoted strings may hold brackets.
      let inSubset = false;
      for (let at = less + 9; at < source.length; at++) {
        const code = source[at];
        if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
          at++;
          while (at < source.length && source[at] !== code) at++;
        } else if (code === OPEN_BRACKET) inSubset = true;
        else if (code === CLOSE_BRACKET) inSubset = false;
        else if (code === GREATER && !inSubset) return at + 1;
      }
      return -1;
    }
    // Too short yet to tell which declaration it is.
    if (source.length - less < 9) return -1;
    throw new Error(`Malformed XML: "${source.toString("utf8", less, less + 9)}" is not a comment, CDATA or DOCTYPE`);
  }
}

