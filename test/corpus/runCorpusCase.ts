import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { dayFromIso } from "../../src/engine/dates/civil";
import type { WorkbookData } from "../../src/engine/port";
import { buildReport, reportFigures } from "../../src/engine/report/buildReport";
import { receivablesJson, type ReceivablesJson } from "../../src/engine/report/receivablesJson";
import { DEFAULT_REPORT_SETTINGS } from "../../src/engine/report/reportSettings";
import { runReceivables, type ReceivablesOptions } from "../../src/engine/runReceivables";
import { readWorkbookData, writeReport } from "../../src/excel";
import { FakeExcel, type DumpedSheet } from "../../src/excel/testing";
import { readCsvFile } from "../../src/xlsx/readCsv";
import { readWorkbookFile } from "../../src/xlsx/readWorkbook";
import { runCliInProcess } from "../support/runCliInProcess";
import { CORPUS_AS_OF, type CorpusCase, type CorpusInput } from "./corpusCase";

export interface WrittenInput {
  readonly input: CorpusInput;
  readonly path: string;
  readonly sha256: string;
}

/** Writes a case's inputs into `dir` and fingerprints them. */
export async function writeInputs(corpusCase: CorpusCase, dir: string): Promise<WrittenInput[]> {
  const written: WrittenInput[] = [];
  for (const input of corpusCase.inputs) {
    const path = join(dir, input.file);
    if (input.kind === "xlsx") {
      const workbook = new ExcelJS.Workbook();
      // Fixed metadata: the same case gives the same bytes on every run.
      workbook.created = workbook.modified = new Date(Date.UTC(2025, 0, 1));
      await input.build(workbook);
      await workbook.xlsx.writeFile(path);
    } else {
      await writeFile(path, input.bytes());
    }
    written.push({ input, path, sha256: await sha256(path) });
  }
  return written;
}

export async function sha256(path: string): Promise<string> {
  return createHash("sha256").update(await readFile(path)).digest("hex");
}

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly json: ReceivablesJson | null;
  readonly reportPath: string;
  readonly seconds: number;
}

/** The `receivables report` command on the written inputs, with --json and --out. */
export async function runCorpusCli(corpusCase: CorpusCase, inputs: readonly WrittenInput[], dir: string): Promise<CliOutcome> {
  const json = join(dir, "report.json");
  const reportPath = join(dir, "report.xlsx");
  const options = corpusCase.options ?? {};
  const files = inputs.some((i) => i.input.role !== undefined)
    ? inputs.flatMap((i) => [`--${i.input.role ?? "invoices"}`, i.path])
    : inputs.map((i) => i.path);
  const args = [
    "report", ...files, "--as-of", options.asOf ?? CORPUS_AS_OF, "--json", json, "--out", reportPath,
    ...(options.currency ? ["--currency", options.currency] : []),
    ...(options.dateOrder ? ["--date-order", options.dateOrder] : []),
    ...(options.apply ? ["--apply", options.apply] : []),
    ...(options.sheets ? ["--sheets", options.sheets.join(",")] : []),
  ];
  const started = performance.now();
  const result = await runCliInProcess(args);
  const seconds = (performance.now() - started) / 1000;
  const parsed = result.code === 0 ? (JSON.parse(await readFile(json, "utf8")) as ReceivablesJson) : null;
  return { ...result, json: parsed, reportPath, seconds };
}

/** The sheets of the written inputs, as the CLI reads them (what a user's open workbook would hold). */
export async function inputWorkbookData(inputs: readonly WrittenInput[]): Promise<WorkbookData> {
  const sheets: Array<WorkbookData["sheets"][number]> = [];
  let date1904 = false;
  for (const { input, path } of inputs) {
    const data = input.kind === "csv" ? await readCsvFile(path) : await readWorkbookFile(path);
    date1904 ||= data.date1904;
    sheets.push(...data.sheets);
  }
  return { sheets, date1904 };
}

export interface FakeOutcome {
  readonly ok: boolean;
  readonly json: ReceivablesJson | null;
  readonly issues: ReadonlyArray<{ sheet: string; row: number; column: string; code: string }>;
  readonly before: readonly DumpedSheet[];
  readonly excel: FakeExcel;
  readonly seconds: number;
}

/**
 * The add-in's path on the strict in-memory Excel: the workbook's cells → `readWorkbookData` → engine →
 * `buildReport` → `writeReport`. `before` is the cell-by-cell dump of the workbook before anything ran.
 */
export async function runCorpusFake(corpusCase: CorpusCase, data: WorkbookData): Promise<FakeOutcome> {
  const excel = FakeExcel.fromWorkbookData(data);
  corpusCase.fake?.(excel);
  const before = excel.dumpWorkbook();
  const options = corpusCase.options ?? {};
  const pinned: { invoicesSheet?: string; paymentsSheet?: string } = {};
  corpusCase.inputs.forEach((input, i) => {
    if (input.role !== undefined && data.sheets[i] !== undefined) pinned[`${input.role}Sheet`] = data.sheets[i]!.name;
  });
  const engineOptions: ReceivablesOptions = {
    asOf: dayFromIso(options.asOf ?? CORPUS_AS_OF)!,
    defaultCurrency: options.currency ?? "EUR",
    ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
    ...(options.apply ? { apply: options.apply } : {}),
    ...pinned,
  };
  const started = performance.now();
  const read = await excel.run((context) => readWorkbookData(context));
  const run = runReceivables(read, engineOptions);
  if (!run.ok) return { ok: false, json: null, issues: run.issues, before, excel, seconds: (performance.now() - started) / 1000 };
  const settings = options.sheets ? { ...DEFAULT_REPORT_SETTINGS, sheets: options.sheets } : DEFAULT_REPORT_SETTINGS;
  const figures = reportFigures(run, settings);
  const report = buildReport(run, settings, figures);
  await excel.run((context) => writeReport(context, report, { date1904: read.date1904 }));
  const json = receivablesJson(run, figures);
  return { ok: true, json, issues: run.issues, before, excel, seconds: (performance.now() - started) / 1000 };
}

/** Sheet parts of a written .xlsx that hold a formula (`<f>`): none may. */
export async function sheetsWithFormulas(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const found: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    if (/<f[ >/]/.test(await zip.file(name)!.async("string"))) found.push(name);
  }
  return found;
}

/** Every text part of a written .xlsx (sheets, shared strings, tables, charts), for scanning. */
export async function xlsxTexts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) texts.set(name, await zip.file(name)!.async("string"));
  }
  return texts;
}
