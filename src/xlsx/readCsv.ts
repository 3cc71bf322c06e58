import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { CellValue, WorkbookData } from "../engine/port";

/**
 * Reads a CSV export into the workbook port: one sheet named after the file (without its extension), every
 * field as text exactly as written (the engine parses numbers and dates, decimal commas included); an empty
 * field is `null`. The encoding is UTF-8 (with or without BOM), UTF-16 with a BOM, or else windows-1250.
 * @example (await readCsvFile("naleznosci.csv")).sheets[0]?.rows[1]  //=> ["FV/2025/001", "1 234,56"]
 */
export async function readCsvFile(path: string): Promise<WorkbookData> {
  const text = decodeCsvBytes(await readFile(path));
  const rows: CellValue[][] = parseCsv(text).map((fields) => {
    const cells: CellValue[] = fields.map((field) => (field === "" ? null : field));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  const name = basename(path, extname(path));
  return { sheets: [{ name, rows, firstRow: 1, firstColumn: 1 }], date1904: false };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
// Polish ERP exports (Subiekt, Symfonia, Optima and the like) on Windows write the ANSI code page 1250.
const windows1250 = new TextDecoder("windows-1250");

/**
 * Text of a CSV file's bytes. A BOM decides (UTF-8, UTF-16 LE/BE) and is dropped; without one, bytes that are
 * valid UTF-8 are UTF-8 (plain ASCII included), anything else is windows-1250.
 * @example decodeCsvBytes(Uint8Array.of(0x5a, 0x61, 0x70, 0xb3, 0x61, 0x74, 0x61))  //=> "Zapłata"
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3));
  }
  // Excel's "Unicode text" export: UTF-16 LE with a BOM, tab-delimited.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2));
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1250.decode(bytes);
  }
}

const DELIMITERS = ["\t", ";", ","] as const;
type Delimiter = (typeof DELIMITERS)[number];
/** Records looked at to choose the delimiter. */
const SAMPLE_RECORDS = 20;

/**
 * Splits CSV text into records of fields (RFC 4180): quoted fields may hold delimiters, doubled quotes and line
 * breaks; records end at CRLF, LF or CR. The delimiter is `,`, `;` or tab, chosen from the first records outside
 * quotes (see `detectCsvDelimiter`), or given by an Excel `sep=;` first line. Fields are not trimmed. Never
 * throws: a quote left open runs to the end of the text.
 * @example parseCsv('Nr;Kwota\r\nFV/1;"1 234,56"\r\n')  //=> [["Nr", "Kwota"], ["FV/1", "1 234,56"]]
 */
export function parseCsv(text: string): string[][] {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let delimiter: string;
  const sepLine = /^sep=(.)(\r\n|\n|\r|$)/.exec(body);
  if (sepLine !== null && sepLine[1] !== undefined) {
    delimiter = sepLine[1];
    body = body.slice(sepLine[0].length);
  } else {
    delimiter = detectCsvDelimiter(body);
  }
  return splitRecords(body, delimiter);
}

/**
 * The delimiter of CSV text: among tab, `;` and `,`, the one found the same number of times (at least once) in
 * each of the first records, outside quotes; the most frequent such one wins, ties going to tab, then `;`.
 * When none is that regular, the one present in the most records. A decimal comma therefore does not pass
 * for the delimiter of a Polish export: `Nr;Kwota` / `1;2,50` has one `;` in every record, `,` only in some.
 * @example detectCsvDelimiter("Nr;Kwota\n1;2,50\n2;13,00")  //=> ";"
 */
export function detectCsvDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, []]));
  let current = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let records = 0;
  let recordHasContent = false;
  const endRecord = (): void => {
    if (recordHasContent) {
      for (const d of DELIMITERS) counts.get(d)?.push(current.get(d) ?? 0);
      records++;
    }
    current = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
    recordHasContent = false;
  };
  for (let i = 0; i < text.length && records < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    // Each quote toggles: a doubled quote inside a quoted field toggles twice and changes nothing.
    if (ch === '"') inQuotes = !inQuotes;
    if (inQuotes) {
      recordHasContent = true;
      continue;
    }
    if (ch === "\n" || ch === "\r") {
      endRecord();
      continue;
    }
    recordHasContent = true;
    if (ch === "\t" || ch === ";" || ch === ",") current.set(ch, (current.get(ch) ?? 0) + 1);
  }
  if (records < SAMPLE_RECORDS) endRecord();

  let best: { delimiter: Delimiter; regular: boolean; records: number; total: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const perRecord = counts.get(delimiter) ?? [];
    const present = perRecord.filter((n) => n > 0).length;
    if (present === 0) continue;
    const first = perRecord[0] ?? 0;
    const candidate = {
      delimiter,
      regular: present === perRecord.length && perRecord.every((n) => n === first),
      records: present,
      total: perRecord.reduce((sum, n) => sum + n, 0),
    };
    if (best === null || isBetterDelimiter(candidate, best)) best = candidate;
  }
  return best?.delimiter ?? ",";
}

function isBetterDelimiter(
  a: { regular: boolean; records: number; total: number },
  b: { regular: boolean; records: number; total: number },
): boolean {
  if (a.regular !== b.regular) return a.regular;
  if (a.regular) return a.total > b.total;
  if (a.records !== b.records) return a.records > b.records;
  return a.total > b.total;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let record: string[] = [];
  let i = 0;
  const length = text.length;
  while (i < length) {
    // At the start of a field.
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      field = "";
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          field += text.slice(i);
          i = length;
          break;
        }
        field += text.slice(i, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      // Text between the closing quote and the delimiter is kept (lenient, as Excel is).
      const rest = i;
      while (i < length && !isFieldEnd(text.charCodeAt(i), delimiterCode)) i++;
      field += text.slice(rest, i);
    } else {
      const start = i;
      while (i < length && !isFieldEnd(text.charCodeAt(i), delimiterCode)) i++;
      field = text.slice(start, i);
    }
    record.push(field);
    if (i >= length) break;
    const end = text.charCodeAt(i);
    i++;
    if (end === delimiterCode) {
      // A delimiter at the very end still opens one last (empty) field.
      if (i >= length) record.push("");
      continue;
    }
    if (end === CR && text.charCodeAt(i) === LF) i++;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}

function isFieldEnd(code: number, delimiterCode: number): boolean {
  return code === delimiterCode || code === LF || code === CR;
}
