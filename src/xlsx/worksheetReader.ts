import type { CellValue, SheetGrid } from "../engine/port";
import { decodeOoxmlEscapes } from "./ooxmlEscapes";
import { SheetGridBuilder } from "./sheetGridBuilder";
import { attributeValue, attributeValueEnd, attributeValueStart, decodeXmlAttribute, decodeXmlCdata, decodeXmlText, hasBytesAt, isAsciiName, localNameStart, nextAttribute, PRESERVING_T, type AttributeSpan, type XmlTokenHandler } from "./xml";

// Where character data goes.
const NOTHING = 0;
const VALUE = 1; // <v>
const INLINE_TEXT = 2; // <t> of an inline string

// Cell types (`t`); anything else, "n" included, is a number.
const NUMBER = 0;
const SHARED_STRING = 1; // s
const FORMULA_STRING = 2; // str
const INLINE_STRING = 3; // inlineStr
const BOOLEAN = 4; // b
const ERROR = 5; // e
const ISO_DATE = 6; // d

const C = 0x63;
const F = 0x66;
const R = 0x72;
const T = 0x74;
const V = 0x76;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const SLASH = 0x2f;
const SPACE = 0x20;
const AMPERSAND = 0x26;
const MINUS = 0x2d;
const DOT = 0x2e;
const LESS = 0x3c;

const ROW_START = Buffer.from("<row");
const ROW_END = Buffer.from("</row>");
const INLINE_START = Buffer.from("<is>");
const INLINE_END = Buffer.from("</t></is>");
const T_START = Buffer.from("<t>");

/** Exact powers of ten for the fast number path (10^15 is the largest needed). */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * One worksheet part as its XML goes by, into a `SheetGrid`: cells by their `r` reference (or after the previous
 * one when it is missing), typed by `t`, valued by `<v>` or an inline `<is>`; a formula gives its cached result;
 * merged ranges keep only their top-left value. Styles are not read: a date is the serial stored in the cell.
 * Feed it to an `XmlScanner`, then call `build()`.
 *
 * Rows of common cells — `<c …>`, an optional `<f>`, an optional `<v>` or one-run inline string, `</c>`, unprefixed —
 * are read in one loop, row after row, a number or shared-string index taken from the bytes without decoding
 * them; anything else goes tag by tag through the same rules (the two are held to the same result by tests, and
 * were checked against the saxes-based reader this replaced on 20,000 generated sheets).
 */
export class WorksheetReader implements XmlTokenHandler {
  private readonly grid: SheetGridBuilder;
  private rowNumber = 0;
  private columnNumber = 0;

  // The cell being read (`<c>` seen, `</c>` not yet).
  private inCell = false;
  private cellRow = 0;
  private cellColumn = 0;
  private cellType = NUMBER;
  private hasFormula = false;
  private value: string | null = null;
  private inline: string | null = null;

  /** Where character data goes: a `<v>`, or one `<t>` of an inline string. */
  private capture = NOTHING;
  private captured = "";
  private phoneticDepth = 0;

  // Where the `r` and `t` of the last `<c>` tag are (set by readCellAttributes and readCellTag).
  private referenceStart = -1;
  private referenceEnd = -1;
  private typeStart = -1;
  private typeEnd = -1;
  private readonly span: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

  // Whole rows read in one step (readWholeRow), and rows that had to go tag by tag.
  private tryWholeRows: boolean;
  private wholeRows = 0;
  private rowsTagByTag = 0;
  /** Whether the last `<c>` tag read by readCellTag was empty (`<c …/>`). */
  private emptyCellTag = false;

  /** `wholeElements: false` reads tag by tag only (for tests that hold the two paths to the same result). */
  constructor(
    name: string,
    private readonly sharedStrings: readonly string[],
    private readonly date1904: boolean,
    private readonly wholeElements = true,
  ) {
    this.grid = new SheetGridBuilder(name);
    this.tryWholeRows = wholeElements;
  }

  build(): SheetGrid {
    return this.grid.build();
  }

  openTag(source: Buffer, nameStart: number, nameEnd: number, attributesEnd: number, tagEnd: number): number {
    const local = localNameStart(source, nameStart, nameEnd);
    switch (nameEnd - local) {
      case 1:
        switch (source[local]) {
          case C:
            return this.openCell(source, nameStart, nameEnd, attributesEnd, tagEnd);
          case F:
            if (this.inCell) this.hasFormula = true;
            break;
          case V:
            if (this.inCell) {
              this.capture = VALUE;
              this.captured = "";
            }
            break;
          case T:
            if (this.inCell && this.inline !== null && this.phoneticDepth === 0) {
              this.capture = INLINE_TEXT;
              this.captured = "";
            }
            break;
          default:
            break;
        }
        break;
      case 2:
        if (this.inCell && isAsciiName(source, local, nameEnd, "is")) this.inline = "";
        break;
      case 3:
        if (isAsciiName(source, local, nameEnd, "row")) {
          if (this.tryWholeRows && local === nameStart && attributesEnd === tagEnd && this.capture === NOTHING && !this.inCell) {
            const end = this.readWholeRow(source, nameEnd, attributesEnd, tagEnd);
            if (end >= 0) {
              this.wholeRows++;
              return end;
            }
            this.rowsTagByTag++;
            // Rows that keep failing (inline rich text, pretty-printed cells…) are not worth the attempt.
            if (this.rowsTagByTag > 64 && this.rowsTagByTag > this.wholeRows) this.tryWholeRows = false;
          }
          this.rowNumber = rowNumberOf(source, nameEnd, attributesEnd, this.rowNumber);
          this.columnNumber = 0;
        } else if (isAsciiName(source, local, nameEnd, "rPh")) {
          this.phoneticDepth++;
        }
        break;
      case 9:
        if (isAsciiName(source, local, nameEnd, "mergeCell")) this.mergeCells(attributeValue(source, nameEnd, attributesEnd, "ref"));
        break;
      default:
        break;
    }
    return -1;
  }

  closeTag(source: Buffer, nameStart: number, nameEnd: number): void {
    const local = localNameStart(source, nameStart, nameEnd);
    const length = nameEnd - local;
    if (length === 1) {
      switch (source[local]) {
        case C:
          if (this.inCell && this.cellRow > 0 && this.cellColumn > 0) {
            this.grid.set(this.cellRow, this.cellColumn, this.cellValue());
          }
          this.inCell = false;
          break;
        case V:
          if (this.inCell && this.capture === VALUE) this.value = this.captured;
          this.capture = NOTHING;
          break;
        case T:
          if (this.inCell && this.capture === INLINE_TEXT) this.inline = (this.inline ?? "") + decodeOoxmlEscapes(this.captured);
          this.capture = NOTHING;
          break;
        default:
          break;
      }
    } else if (isAsciiName(source, local, nameEnd, "rPh")) {
      this.phoneticDepth--;
    }
  }

  text(source: Buffer, start: number, end: number): void {
    if (this.capture !== NOTHING) this.captured += decodeXmlText(source, start, end);
  }

  cdata(source: Buffer, start: number, end: number): void {
    if (this.capture !== NOTHING) this.captured += decodeXmlCdata(source, start, end);
  }

  private openCell(source: Buffer, nameStart: number, nameEnd: number, attributesEnd: number, tagEnd: number): number {
    this.readCellAttributes(source, nameEnd, attributesEnd);
    if (this.wholeElements && attributesEnd === tagEnd && this.capture === NOTHING && source[nameStart] === C) {
      const end = this.readWholeCell(source, tagEnd + 1);
      if (end >= 0) return end;
    }
    this.takeReference(source);
    this.inCell = true;
    this.cellRow = this.rowNumber;
    this.cellColumn = this.columnNumber;
    this.cellType = this.typeStart < 0 ? NUMBER : cellTypeOf(source, this.typeStart, this.typeEnd);
    this.hasFormula = false;
    this.value = null;
    this.inline = null;
    return -1;
  }

  /**
   * An unprefixed `<row …>` whose cells are all plain (see readWholeCell), read to its `</row>`, and the plain rows
   * that follow it: returns the offset after the last row read, or -1 when the first is not plain. A row given up
   * half-way is read again tag by tag from its start, which sets the cells already set to the same values:
   * harmless, once the row number is put back as it was.
   */
  private readWholeRow(source: Buffer, nameEnd: number, attributesEnd: number, tagEnd: number): number {
    const previousRow = this.rowNumber;
    let at = this.readRowCells(source, rowNumberOf(source, nameEnd, attributesEnd, previousRow), tagEnd + 1);
    if (at < 0) {
      this.rowNumber = previousRow;
      return -1;
    }
    // The rows that follow, in the same loop: the scanner sees one element per piece rather than one per row.
    for (;;) {
      const next = skipSpaces(source, at);
      if (!hasBytesAt(source, next, ROW_START)) return at;
      const rowTagEnd = tagEndAfter(source, next + ROW_START.length);
      if (rowTagEnd < 0) return at;
      const code = source[next + ROW_START.length];
      if (code !== SPACE && code !== GREATER && code !== SLASH && code !== 0x0a && code !== 0x0d && code !== 0x09) return at;
      const empty = source[rowTagEnd - 1] === SLASH;
      const rowNumber = rowNumberOf(source, next + ROW_START.length, empty ? rowTagEnd - 1 : rowTagEnd, this.rowNumber);
      if (empty) {
        this.rowNumber = rowNumber;
        this.columnNumber = 0;
        at = rowTagEnd + 1;
        continue;
      }
      const rowBefore = this.rowNumber;
      const end = this.readRowCells(source, rowNumber, rowTagEnd + 1);
      if (end < 0) {
        this.rowNumber = rowBefore;
        return at;
      }
      this.wholeRows++;
      at = end;
    }
  }

  private readRowCells(source: Buffer, rowNumber: number, from: number): number {
    this.rowNumber = rowNumber;
    this.columnNumber = 0;
    let at = from;
    for (;;) {
      at = skipSpaces(source, at);
      if (source[at] !== LESS) return -1;
      const next = source[at + 1];
      if (next === C) {
        const cellTagEnd = this.readCellTag(source, at + 2);
        if (cellTagEnd < 0) return -1;
        if (this.emptyCellTag) {
          // An empty cell (often one with only a style): it only takes its place.
          this.takeReference(source);
          this.inCell = false;
          at = cellTagEnd + 1;
        } else {
          at = this.readWholeCell(source, cellTagEnd + 1);
          if (at < 0) return -1;
        }
      } else if (next === SLASH && hasBytesAt(source, at, ROW_END)) {
        return at + ROW_END.length;
      } else {
        return -1;
      }
    }
  }

  /**
   * The attributes of a `<c` tag from just after its name, into the reference and type fields, and `emptyCellTag`:
   * the offset of the tag's ">", or -1 for anything but plain `name="value"` pairs.
   */
  private readCellTag(source: Buffer, from: number): number {
    this.referenceStart = -1;
    this.typeStart = -1;
    const length = source.length;
    let at = from;
    let code = source[at]!;
    // "<c" must end there: not "<col".
    if (code > SPACE && code !== GREATER && code !== SLASH) return -1;
    for (;;) {
      if (at >= length) return -1;
      code = source[at]!;
      if (code <= SPACE) {
        at++;
        continue;
      }
      if (code === GREATER) {
        this.emptyCellTag = false;
        return at;
      }
      if (code === SLASH) {
        if (source[at + 1] !== GREATER) return -1;
        this.emptyCellTag = true;
        return at + 1;
      }
      const nameStart = at;
      while (at < length && code > SPACE && code !== EQUALS && code !== GREATER && code !== SLASH) code = source[++at]!;
      const nameLength = at - nameStart;
      while (at < length && code <= SPACE) code = source[++at]!;
      if (code !== EQUALS) return -1;
      code = source[++at]!;
      while (at < length && code <= SPACE) code = source[++at]!;
      if (code !== DOUBLE_QUOTE && code !== SINGLE_QUOTE) return -1;
      const valueStart = at + 1;
      let valueEnd = valueStart;
      while (valueEnd < length && source[valueEnd] !== code) valueEnd++;
      if (valueEnd >= length) return -1;
      this.noteCellAttribute(source, nameStart, nameLength, valueStart, valueEnd);
      at = valueEnd + 1;
    }
  }

  /**
   * After an unprefixed `<c …>`: `<f>…</f>` or `<f …/>` (optional), then `<v>…</v>` or a one-run inline string
   * `<is><t>…</t></is>` (optional), then `</c>`, blanks allowed between them. Sets the cell and returns the offset
   * after `</c>`; -1, having changed nothing, for any other shape.
   */
  private readWholeCell(source: Buffer, from: number): number {
    let at = skipSpaces(source, from);
    let formula = false;
    if (source[at] === LESS && source[at + 1] === F) {
      const next = source[at + 2];
      let contentStart = -1;
      if (next === GREATER) {
        contentStart = at + 3;
      } else if (next === SPACE || next === SLASH) {
        const end = tagEndAfter(source, at + 2);
        if (end < 0) return -1;
        if (source[end - 1] !== SLASH) {
          if (next === SLASH) return -1;
          contentStart = end + 1;
        }
        at = end + 1;
      } else {
        return -1;
      }
      if (contentStart >= 0) {
        // A formula's text is skipped, and it is long (a template's IF chain is 200 bytes a cell): found by the
        // native search rather than a loop over its bytes.
        at = source.indexOf(LESS, contentStart);
        if (at < 0 || !isEndTag(source, at, F)) return -1;
        at += 4;
      }
      at = skipSpaces(source, at);
      formula = true;
    }
    let valueStart = -1;
    let valueEnd = -1;
    let inline: string | null = null;
    if (source[at] === LESS && source[at + 1] === V && source[at + 2] === GREATER) {
      valueStart = at + 3;
      valueEnd = textEnd(source, valueStart);
      if (!isEndTag(source, valueEnd, V)) return -1;
      at = skipSpaces(source, valueEnd + 4);
    } else if (!formula && this.phoneticDepth === 0 && hasBytesAt(source, at, INLINE_START)) {
      let textStart = at + INLINE_START.length;
      if (hasBytesAt(source, textStart, PRESERVING_T)) textStart += PRESERVING_T.length;
      else if (hasBytesAt(source, textStart, T_START)) textStart += T_START.length;
      else return -1;
      const end = textEnd(source, textStart);
      if (!hasBytesAt(source, end, INLINE_END)) return -1;
      inline = decodeOoxmlEscapes(decodeXmlText(source, textStart, end));
      at = skipSpaces(source, end + INLINE_END.length);
    }
    if (!isEndTag(source, at, C)) return -1;

    this.takeReference(source);
    this.inCell = false;
    const row = this.rowNumber;
    const column = this.columnNumber;
    if (row > 0 && column > 0) {
      const type = this.typeStart < 0 ? NUMBER : cellTypeOf(source, this.typeStart, this.typeEnd);
      if (inline === null) {
        this.grid.set(row, column, this.wholeCellValue(source, type, formula, valueStart, valueEnd));
      } else {
        this.cellType = type;
        this.hasFormula = false;
        this.value = null;
        this.inline = inline;
        this.grid.set(row, column, this.cellValue());
      }
    }
    return at + 4;
  }

  /** `cellValue` for a cell read whole, without slicing a plain number or shared-string index. */
  private wholeCellValue(source: Buffer, type: number, formula: boolean, valueStart: number, valueEnd: number): CellValue {
    if (valueStart >= 0) {
      const numeric = formula
        ? type !== FORMULA_STRING && type !== BOOLEAN && type !== ERROR
        : type !== SHARED_STRING && type !== FORMULA_STRING && type !== INLINE_STRING && type !== BOOLEAN && type !== ERROR && type !== ISO_DATE;
      if (numeric) {
        const number = plainDecimal(source, valueStart, valueEnd);
        if (!Number.isNaN(number)) return number;
      } else if (type === SHARED_STRING && !formula) {
        const index = plainDecimal(source, valueStart, valueEnd);
        if (Number.isInteger(index) && !Object.is(index, -0) && index >= 0) {
          const text = this.sharedStrings[index];
          return text === undefined || text === "" ? null : text;
        }
      }
    }
    this.cellType = type;
    this.hasFormula = formula;
    this.value = valueStart < 0 ? null : decodeXmlText(source, valueStart, valueEnd);
    this.inline = null;
    return this.cellValue();
  }

  /** Finds `r` and `t` among the attributes of a `<c>` tag, in one pass. */
  private readCellAttributes(source: Buffer, from: number, to: number): void {
    this.referenceStart = -1;
    this.typeStart = -1;
    const span = this.span;
    for (let at = nextAttribute(source, from, to, span); at >= 0; at = nextAttribute(source, at, to, span)) {
      this.noteCellAttribute(source, span.nameStart, span.nameEnd - span.nameStart, span.valueStart, span.valueEnd);
    }
  }

  /** Keeps the place of a `<c>` tag's `r` or `t` value; the first of a repeated attribute counts (XML forbids repeating one). */
  private noteCellAttribute(source: Buffer, nameStart: number, nameLength: number, valueStart: number, valueEnd: number): void {
    if (nameLength !== 1) return;
    const name = source[nameStart];
    if (name === R && this.referenceStart < 0) {
      this.referenceStart = valueStart;
      this.referenceEnd = valueEnd;
    } else if (name === T && this.typeStart < 0) {
      this.typeStart = valueStart;
      this.typeEnd = valueEnd;
    }
  }

  /** The last `<c>`'s place: its `r` gives the column, and the row when it has one; without `r`, the next column. */
  private takeReference(source: Buffer): void {
    const start = this.referenceStart;
    const end = this.referenceEnd;
    if (start < 0) {
      this.columnNumber++;
    } else if (isPlainReference(source, start, end)) {
      this.columnNumber = columnOfReferenceBytes(source, start, end);
      this.rowNumber = rowOfReferenceBytes(source, start, end) || this.rowNumber;
    } else {
      const reference = decodeXmlAttribute(source, start, end);
      this.columnNumber = columnOfReference(reference);
      this.rowNumber = rowOfReference(reference) || this.rowNumber;
    }
  }

  private mergeCells(ref: string | undefined): void {
    const [from, to] = (ref ?? "").split(":");
    if (from === undefined || to === undefined) return;
    this.grid.merge(rowOfReference(from), columnOfReference(from), rowOfReference(to), columnOfReference(to));
  }

  private cellValue(): CellValue {
    const raw = this.value;
    if (this.hasFormula) {
      // No cached result, or an empty text result: ExcelJS's in-memory model cannot tell these apart, and both
      // show as a blank cell.
      if (raw === null || raw === "") return null;
      switch (this.cellType) {
        case FORMULA_STRING:
          return raw;
        case BOOLEAN:
          return parseInt(raw, 10) !== 0;
        case ERROR:
          return { error: raw };
        default:
          return numberFrom(raw);
      }
    }
    switch (this.cellType) {
      case SHARED_STRING: {
        const text = raw === null ? undefined : this.sharedStrings[parseInt(raw, 10)];
        return text === undefined || text === "" ? null : text;
      }
      case INLINE_STRING: {
        const text = this.inline ?? raw;
        return text === null || text === "" ? null : text;
      }
      case FORMULA_STRING:
        return raw === null || raw === "" ? null : raw;
      case BOOLEAN:
        return raw === null ? null : parseInt(raw, 10) !== 0;
      case ERROR:
        return raw === null ? null : { error: raw };
      case ISO_DATE:
        return raw === null ? null : serialFromIsoDate(raw.trim(), this.date1904);
      default:
        return raw === null ? null : numberFrom(raw);
    }
  }
}

/** The type code of a `t` attribute's value. */
function cellTypeOf(source: Buffer, start: number, end: number): number {
  // The common one-letter types without decoding anything.
  if (end - start === 1) {
    switch (source[start]) {
      case 0x73: // s
        return SHARED_STRING;
      case 0x6e: // n
        return NUMBER;
      default:
        break;
    }
  }
  switch (decodeXmlAttribute(source, start, end)) {
    case "s":
      return SHARED_STRING;
    case "str":
      return FORMULA_STRING;
    case "inlineStr":
      return INLINE_STRING;
    case "b":
      return BOOLEAN;
    case "e":
      return ERROR;
    case "d":
      return ISO_DATE;
    default:
      return NUMBER;
  }
}

/** An attribute value in ASCII that decodes to itself (no entity, tab or line end), as cell references are. */
function isPlainReference(source: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = source[at]!;
    if (code === AMPERSAND || code < SPACE || code > 0x7f) return false;
  }
  return true;
}

/** The offset of the ">" ending a tag whose name ends before `from`, stepping over quoted values; -1 if cut. */
function tagEndAfter(source: Buffer, from: number): number {
  for (let at = from; at < source.length; at++) {
    const code = source[at];
    if (code === GREATER) return at;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      at++;
      while (at < source.length && source[at] !== code) at++;
    }
  }
  return -1;
}

/** The offset of the first byte from `from` on that is not an XML blank (space, tab, line end). */
function skipSpaces(source: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const code = source[at];
    if (code !== SPACE && code !== 0x0a && code !== 0x0d && code !== 0x09) return at;
    at++;
  }
}

/**
 * The number in a `<row>` tag's `r` (parseInt of its decoded value, as the tag-by-tag path always was), or the row
 * after `previous` when the tag has none.
 */
function rowNumberOf(source: Buffer, from: number, to: number, previous: number): number {
  const start = attributeValueStart(source, from, to, "r");
  if (start < 0) return previous + 1;
  const end = attributeValueEnd(source, start);
  if (end > start && end - start <= 15) {
    let row = 0;
    let at = start;
    for (; at < end; at++) {
      const code = source[at]!;
      if (!isDigit(code)) break;
      row = row * 10 + (code - 48);
    }
    if (at === end) return row;
  }
  return parseInt(decodeXmlAttribute(source, start, end), 10);
}

/** Where the character data starting at `from` ends: at the next "<" (or the end of `source`). */
function textEnd(source: Buffer, from: number): number {
  let at = from;
  while (at < source.length && source[at] !== LESS) at++;
  return at;
}

/** Whether `</x>` (x one letter) starts at `at`. */
function isEndTag(source: Buffer, at: number, letter: number): boolean {
  return source[at] === LESS && source[at + 1] === SLASH && source[at + 2] === letter && source[at + 3] === GREATER;
}

/**
 * A number written plainly (`-?digits(.digits)?`, at most 15 digits), from the characters; NaN for anything else.
 * Exactly `parseFloat`'s result: the digits make an integer below 2^53 and the power of ten is exact, so the one
 * division is correctly rounded, as parseFloat is.
 * @example plainDecimal(Buffer.from("<v>-3641.09</v>"), 3, 11)  //=> -3641.09
 */
function plainDecimal(source: Buffer, start: number, end: number): number {
  let at = start;
  const negative = at < end && source[at] === MINUS;
  if (negative) at++;
  let mantissa = 0;
  let digits = 0;
  let code = source[at]!;
  while (at < end && code >= 48 && code <= 57) {
    mantissa = mantissa * 10 + (code - 48);
    digits++;
    code = source[++at]!;
  }
  if (digits === 0) return NaN;
  let scale = 0;
  if (at < end && code === DOT) {
    code = source[++at]!;
    while (at < end && code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      scale++;
      code = source[++at]!;
    }
    if (scale === 0) return NaN;
  }
  if (at !== end || digits + scale > 15) return NaN;
  const magnitude = scale === 0 ? mantissa : mantissa / (POWERS_OF_TEN[scale] ?? NaN);
  return negative ? -magnitude : magnitude;
}

const MS_PER_DAY = 86_400_000;

/** A `t="d"` cell (ISO 8601 text, rare outside strict OOXML) as a serial in the workbook's date system. */
function serialFromIsoDate(text: string, date1904: boolean): number | null {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(text);
  const dateOnly = /^\d{4}-\d\d-\d\d$/.test(text);
  const ms = Date.parse(hasZone || dateOnly ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return null;
  return ms / MS_PER_DAY + 25569 - (date1904 ? 1462 : 0);
}

function numberFrom(text: string): number | null {
  const value = parseFloat(text);
  return Number.isFinite(value) ? value : null;
}

/** Column number of the letters at the start of a reference: "AB12" → 28. */
function columnOfReference(text: string): number {
  let column = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** Row number of the digits at the end of a reference: "AB12" → 12; 0 when it ends otherwise. */
function rowOfReference(text: string): number {
  const digits = /\d+$/.exec(text);
  return digits ? parseInt(digits[0], 10) : 0;
}

/** `columnOfReference` of the ASCII bytes from `start` to `end`. */
function columnOfReferenceBytes(source: Buffer, start: number, end: number): number {
  let column = 0;
  for (let at = start; at < end; at++) {
    const code = source[at]! & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** `rowOfReference` of the ASCII bytes from `start` to `end`. */
function rowOfReferenceBytes(source: Buffer, start: number, end: number): number {
  let digits = end;
  while (digits > start && isDigit(source[digits - 1]!)) digits--;
  if (digits === end) return 0;
  // Up to 15 digits the sum is exact, as parseInt's; beyond, parseInt's rounding decides.
  if (end - digits > 15) return parseInt(source.toString("latin1", digits, end), 10);
  let row = 0;
  for (let at = digits; at < end; at++) row = row * 10 + (source[at]! - 48);
  return row;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
