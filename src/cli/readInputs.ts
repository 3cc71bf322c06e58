import { extname } from "node:path";
import type { Language } from "../engine/messages";
import type { SheetGrid } from "../engine/port";
import { readCsvFile } from "../xlsx/readCsv";
import { readWorkbookFile } from "../xlsx/readWorkbook";
import { cliText } from "./strings";

/** The options every command that reads a ledger takes: where the tables are and how to read them. */
export const LEDGER_OPTIONS = {
  invoices: { type: "string" },
  payments: { type: "string" },
  "invoices-sheet": { type: "string" },
  "payments-sheet": { type: "string" },
  "as-of": { type: "string" },
  apply: { type: "string" },
  currency: { type: "string" },
  "date-order": { type: "string" },
  lang: { type: "string" },
  json: { type: "string" },
} as const;

/** The LEDGER_OPTIONS values readInputs needs, as parseArgs gives them. */
export interface InputOptions {
  readonly invoices?: string | undefined;
  readonly payments?: string | undefined;
  readonly "invoices-sheet"?: string | undefined;
  readonly "payments-sheet"?: string | undefined;
}

export type ReadInputs =
  | { readonly ok: true; readonly sheets: SheetGrid[]; readonly date1904: boolean; readonly invoicesSheet?: string; readonly paymentsSheet?: string }
  | { readonly ok: false; readonly message: string };

/**
 * Reads the command's input files (`paths`: one workbook, or the --invoices and --payments files) into one
 * workbook's sheets. A CSV is one sheet and, given as --invoices or --payments, pins that role; --invoices-sheet /
 * --payments-sheet win over it.
 */
export async function readInputs(paths: readonly string[], options: InputOptions, language: Language): Promise<ReadInputs> {
  const sheets: SheetGrid[] = [];
  let date1904 = false;
  let invoicesSheet = options["invoices-sheet"];
  let paymentsSheet = options["payments-sheet"];
  for (const input of paths) {
    try {
      const workbook = extname(input).toLowerCase() === ".csv" ? await readCsvFile(input) : await readWorkbookFile(input);
      date1904 ||= workbook.date1904;
      sheets.push(...workbook.sheets);
      const only = workbook.sheets.length === 1 ? workbook.sheets[0]!.name : undefined;
      if (input === options.invoices && only !== undefined) invoicesSheet ??= only;
      if (input === options.payments && only !== undefined) paymentsSheet ??= only;
    } catch (error) {
      return { ok: false, message: cliText("cannotRead", language, input, (error as Error).message) };
    }
  }
  return {
    ok: true,
    sheets,
    date1904,
    ...(invoicesSheet !== undefined ? { invoicesSheet } : {}),
    ...(paymentsSheet !== undefined ? { paymentsSheet } : {}),
  };
}
