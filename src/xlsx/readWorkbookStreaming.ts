import type { CellValue, SheetGrid, WorkbookData } from "../engine/port";
import { parseXml } from "./parseXml";
import { readWorkbookManifest } from "./readWorkbookManifest";
import { SheetGridBuilder } from "./sheetGridBuilder";
import { openZipPackage, type ZipPackage } from "./zipPackage";

/**
 * Reads an .xlsx one sheet part at a time with a SAX parser, never holding a sheet's XML or an object per cell:
 * for inputs too large for ExcelJS's in-memory model. Gives the same `WorkbookData` as the in-memory reader.
 *
 * Why not `ExcelJS.stream.xlsx.WorkbookReader`: in exceljs 4.4.0 it loses the cached result of a formula that
 * evaluates to an error (`#N/A` from a lookup comes back as a formula with no result) and turns a boolean
 * result into 1/0, keeps only the last run of a multi-run inline string, does not report merged ranges, and
 * skips sheet parts not named `sheetN.xml`. The zip and XML libraries underneath it (unzipper, saxes) are the
 * ones used here.
 */
export async function readWorkbookStreaming(path: string): Promise<WorkbookData> {
  const pkg = await openZipPackage(path);
  const manifest = await readWorkbookManifest(pkg);
  const sharedStrings =
    manifest.sharedStringsPart === null ? [] : await readSharedStrings(pkg, manifest.sharedStringsPart);
  const sheets: SheetGrid[] = [];
  for (const sheet of manifest.sheets) {
    sheets.push(await readSheetPart(pkg, sheet.part, sheet.name, sharedStrings, manifest.date1904));
  }
  return { sheets, date1904: manifest.date1904 };
}

/** `_x000D_` and the like: OOXML's escape for characters XML cannot carry (ExcelJS decodes them the same way). */
function decodeOoxmlEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function readSharedStrings(pkg: ZipPackage, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let run: string | null = null;
  // Phonetic runs (<rPh>, furigana) are not part of the text.
  let phoneticDepth = 0;
  await parseXml(pkg.stream(part), {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phoneticDepth++;
      else if (name === "t" && phoneticDepth === 0) run = "";
    },
    text(text) {
      if (run !== null) run += text;
    },
    close(name) {
      if (name === "t" && run !== null) {
        current += decodeOoxmlEscapes(run);
        run = null;
      } else if (name === "rPh") phoneticDepth--;
      else if (name === "si") strings.push(current);
    },
  });
  return strings;
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
function columnOfReference(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

function rowOfReference(reference: string): number {
  const digits = /\d+$/.exec(reference);
  return digits ? parseInt(digits[0], 10) : 0;
}

interface PendingCell {
  row: number;
  column: number;
  type: string;
  hasFormula: boolean;
  value: string | null;
  inline: string | null;
}

async function readSheetPart(
  pkg: ZipPackage,
  part: string,
  name: string,
  sharedStrings: readonly string[],
  date1904: boolean,
): Promise<SheetGrid> {
  const grid = new SheetGridBuilder(name);
  let rowNumber = 0;
  let columnNumber = 0;
  let cell: PendingCell | null = null;
  // Where character data goes: a <v>, or one <t> of an inline string.
  let capture: "v" | "t" | null = null;
  let captured = "";
  let phoneticDepth = 0;

  const valueOf = (pending: PendingCell): CellValue => {
    const raw = pending.value;
    if (pending.hasFormula) {
      // No cached result, or an empty text result: ExcelJS's in-memory model cannot tell these apart, and both
      // show as a blank cell.
      if (raw === null || raw === "") return null;
      switch (pending.type) {
        case "str":
          return raw;
        case "b":
          return parseInt(raw, 10) !== 0;
        case "e":
          return { error: raw };
        default:
          return numberFrom(raw);
      }
    }
    switch (pending.type) {
      case "s": {
        const text = raw === null ? undefined : sharedStrings[parseInt(raw, 10)];
        return text === undefined || text === "" ? null : text;
      }
      case "inlineStr": {
        const text = pending.inline ?? raw;
        return text === null || text === "" ? null : text;
      }
      case "str":
        return raw === null || raw === "" ? null : raw;
      case "b":
        return raw === null ? null : parseInt(raw, 10) !== 0;
      case "e":
        return raw === null ? null : { error: raw };
      case "d":
        return raw === null ? null : serialFromIsoDate(raw.trim(), date1904);
      default:
        return raw === null ? null : numberFrom(raw);
    }
  };

  await parseXml(pkg.stream(part), {
    open(tag, attributes) {
      switch (tag) {
        case "row": {
          const r = attributes["r"];
          rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
          columnNumber = 0;
          break;
        }
        case "c": {
          const reference = attributes["r"];
          if (reference === undefined) {
            columnNumber++;
          } else {
            columnNumber = columnOfReference(reference);
            rowNumber = rowOfReference(reference) || rowNumber;
          }
          cell = {
            row: rowNumber,
            column: columnNumber,
            type: attributes["t"] ?? "n",
            hasFormula: false,
            value: null,
            inline: null,
          };
          break;
        }
        case "f":
          if (cell !== null) cell.hasFormula = true;
          break;
        case "v":
          if (cell !== null) {
            capture = "v";
            captured = "";
          }
          break;
        case "is":
          if (cell !== null) cell.inline = "";
          break;
        case "rPh":
          phoneticDepth++;
          break;
        case "t":
          if (cell !== null && cell.inline !== null && phoneticDepth === 0) {
            capture = "t";
            captured = "";
          }
          break;
        case "mergeCell": {
          const [from, to] = (attributes["ref"] ?? "").split(":");
          if (from !== undefined && to !== undefined) {
            grid.merge(rowOfReference(from), columnOfReference(from), rowOfReference(to), columnOfReference(to));
          }
          break;
        }
        default:
          break;
      }
    },
    text(text) {
      if (capture !== null) captured += text;
    },
    close(tag) {
      switch (tag) {
        case "v":
          if (cell !== null && capture === "v") cell.value = captured;
          capture = null;
          break;
        case "t":
          if (cell !== null && capture === "t") cell.inline = (cell.inline ?? "") + decodeOoxmlEscapes(captured);
          capture = null;
          break;
        case "rPh":
          phoneticDepth--;
          break;
        case "c":
          if (cell !== null && cell.row > 0 && cell.column > 0) grid.set(cell.row, cell.column, valueOf(cell));
          cell = null;
          break;
        default:
          break;
      }
    },
  });
  return grid.build();
}
