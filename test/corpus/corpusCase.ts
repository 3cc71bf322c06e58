// test/corpus: the awkward-input corpus. Every case is a workbook (or CSV) generated in code, with the issues and
// figures an AR specialist expects from it; corpus.test.ts runs each through the CLI and through the strict
// in-memory Excel, and docs/reliability.md describes what the user sees for each.
import ExcelJS from "exceljs";
import type { ApplyMode } from "../../src/engine/ledger/applyCash";
import type { ReceivablesJson } from "../../src/engine/report/receivablesJson";
import type { SheetKey } from "../../src/engine/report/reportSettings";
import type { FakeExcel } from "../../src/excel/testing";

/** One input file of a case: a workbook built with ExcelJS, or CSV bytes. */
export type CorpusInput =
  | { readonly kind: "xlsx"; readonly file: string; readonly role?: "invoices" | "payments"; readonly build: (workbook: ExcelJS.Workbook) => void | Promise<void> }
  | { readonly kind: "csv"; readonly file: string; readonly role?: "invoices" | "payments"; readonly bytes: () => Uint8Array };

/** Options of a run, given to the CLI as flags and to the engine as options. */
export interface CorpusOptions {
  /** ISO date; default CORPUS_AS_OF. */
  readonly asOf?: string;
  readonly currency?: string;
  readonly dateOrder?: "dmy" | "mdy";
  readonly apply?: ApplyMode;
  /** Report sheets to write (default: all). */
  readonly sheets?: readonly SheetKey[];
}

export interface CorpusExpected {
  /** 0 (default): a report; 1: the input cannot be used (no invoice table). */
  readonly exitCode?: 0 | 1;
  /**
   * Exactly the issues of the run, as `issueKey` spells them ("Invoices!E5 zero-amount"), in any order.
   * A function for cases too large to list.
   */
  readonly issues: readonly string[] | (() => readonly string[]);
  /** Open balance per currency, in minor units (cents); currencies with nothing open are absent. */
  readonly open?: Readonly<Record<string, number>>;
  /** Number of open items (invoices, credits and unapplied payments with a balance). */
  readonly openItems?: number;
  /** Further checks on the JSON (both paths give the same JSON). */
  readonly check?: (json: ReceivablesJson) => void;
  /** Seconds one path may take, reading to report (default 5). */
  readonly maxSeconds?: number;
}

export interface CorpusCase {
  /** Stable id, kebab case: the test's name and the anchor in docs/reliability.md. */
  readonly name: string;
  /** What is awkward about the input, in a line. */
  readonly input: string;
  /** What the user sees: messages, rows kept or left out. Shown in docs/reliability.md. */
  readonly behaviour: string;
  /** Set when the expectation records behaviour we believe is wrong (asserted as it is today, to be fixed). */
  readonly knownBug?: string;
  readonly inputs: readonly CorpusInput[];
  readonly options?: CorpusOptions;
  /** Set-up of the in-memory Excel beyond the cells (formatting, hidden sheets): what a user would have done. */
  readonly fake?: (excel: FakeExcel) => void;
  readonly expected: CorpusExpected;
}

export const CORPUS_AS_OF = "2025-06-30";

/**
 * An issue as the corpus spells it: `Sheet!<column><row> code`, the row left out when 0 (a sheet-wide issue).
 * @example issueKey({ sheet: "Invoices", row: 5, column: "E", code: "zero-amount" }) //=> "Invoices!E5 zero-amount"
 */
export function issueKey(issue: { readonly sheet: string; readonly row: number; readonly column: string; readonly code: string }): string {
  return `${issue.sheet}!${issue.column}${issue.row === 0 ? "" : issue.row} ${issue.code}`;
}

// ---- building inputs ---------------------------------------------------------------------------------------------

/** A date for a cell, at midnight UTC (ExcelJS writes it as the day's serial, whatever the machine's zone). */
export function d(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Adds rows to a new sheet; returns the sheet. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, rows: ReadonlyArray<readonly unknown[]>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  for (const row of rows) sheet.addRow([...row]);
  return sheet;
}

export const INVOICE_HEADER = ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency"] as const;
export const PAYMENT_HEADER = ["Payment Date", "Customer", "Amount", "Currency", "Invoice No", "Reference"] as const;

/** An .xlsx input with one Invoices sheet (and a Payments sheet when `payments` is given). */
export function ledgerXlsx(
  invoices: ReadonlyArray<readonly unknown[]>,
  payments?: ReadonlyArray<readonly unknown[]>,
  file = "ledger.xlsx",
  extra?: (workbook: ExcelJS.Workbook) => void | Promise<void>,
): CorpusInput {
  return {
    kind: "xlsx",
    file,
    build: async (workbook) => {
      addSheet(workbook, "Invoices", [INVOICE_HEADER, ...invoices]);
      if (payments) addSheet(workbook, "Payments", [PAYMENT_HEADER, ...payments]);
      await extra?.(workbook);
    },
  };
}

/** A workbook built by `build` alone. */
export function xlsx(file: string, build: (workbook: ExcelJS.Workbook) => void | Promise<void>, role?: "invoices" | "payments"): CorpusInput {
  return role === undefined ? { kind: "xlsx", file, build } : { kind: "xlsx", file, role, build };
}

/** CSV text as UTF-8 bytes (no BOM). */
export function csv(file: string, text: string, role?: "invoices" | "payments"): CorpusInput {
  const bytes = () => new TextEncoder().encode(text);
  return role === undefined ? { kind: "csv", file, bytes } : { kind: "csv", file, role, bytes };
}

/** CSV from raw bytes (an encoding other than UTF-8, a BOM). */
export function csvBytes(file: string, bytes: () => Uint8Array, role?: "invoices" | "payments"): CorpusInput {
  return role === undefined ? { kind: "csv", file, bytes } : { kind: "csv", file, role, bytes };
}

const WINDOWS_1250: Readonly<Record<string, number>> = {
  ą: 0xb9, ć: 0xe6, ę: 0xea, ł: 0xb3, ń: 0xf1, ó: 0xf3, ś: 0x9c, ź: 0x9f, ż: 0xbf,
  Ą: 0xa5, Ć: 0xc6, Ę: 0xca, Ł: 0xa3, Ń: 0xd1, Ó: 0xd3, Ś: 0x8c, Ź: 0x8f, Ż: 0xaf,
};

/** Text in windows-1250 (ASCII and Polish letters), as Polish ERPs on Windows export it. */
export function windows1250(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 128) return code;
    const mapped = WINDOWS_1250[c];
    if (mapped === undefined) throw new Error(`no windows-1250 byte for ${c}`);
    return mapped;
  }));
}

/** Text in UTF-16 LE with a BOM: Excel's "Unicode text" export. */
export function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = code & 0xff;
    bytes[3 + i * 2] = code >> 8;
  }
  return bytes;
}

/** A 1×1 PNG: the "logo" above a title. */
export const LOGO_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
