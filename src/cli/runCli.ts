import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseLadder } from "../engine/aging/bucketLadder";
import { dayFromCivil, dayFromIso, isoFromDay } from "../engine/dates/civil";
import { issueMessage, type Language } from "../engine/messages";
import { minorUnitExponent } from "../engine/money/currency";
import { formatMinor } from "../engine/money/money";
import { parseDunningLadder } from "../engine/collections/dunningLadder";
import { buildReport, reportFigures } from "../engine/report/buildReport";
import { DEFAULT_REPORT_SETTINGS, SHEET_KEYS, type ReportSettings, type SheetKey } from "../engine/report/reportSettings";
import { receivablesJsonSections } from "../engine/report/receivablesJson";
import { runReceivables, type ReceivablesOptions, type ReceivablesRun } from "../engine/runReceivables";
import type { TableSource } from "../engine/tables/detectTables";
import { columnLetter } from "../engine/tables/columnLetter";
import { generateSampleWithFacts } from "../sample/generateSample";
import { writeReportWorkbook } from "../xlsx/writeReportWorkbook";
import { backtestCommand } from "./backtestCommand";
import { LEDGER_OPTIONS, readInputs } from "./readInputs";
import { cliText } from "./strings";
import { writeJsonSections } from "./writeJsonFile";

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Today's civil date as a day number (injected so tests do not depend on the clock). */
  readonly today: () => number;
}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** Today in the machine's own calendar: the date the user sees, with no time-zone arithmetic on it. */
export function localToday(): number {
  const now = new Date();
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The `receivables` command. Returns the exit code; never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const language = languageOf(rest);
  try {
    if (command === "report") return await reportCommand(rest, io);
    if (command === "sample") return await sampleCommand(rest, io);
    if (command === "backtest") return await backtestCommand(rest, io);
    if (command === "--help" || command === "-h" || command === "help") {
      io.out(cliText("usage", language));
      return EXIT_OK;
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err((error as Error).message);
      io.err(cliText("usage", language));
      return EXIT_USAGE;
    }
    throw error;
  }
  io.err(cliText("usage", language));
  return EXIT_USAGE;
}

class UsageError extends Error {}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // Checked by code, not by `instanceof TypeError`: node's errors may come from another realm (jest's vm).
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function languageOf(args: readonly string[]): Language {
  const at = args.indexOf("--lang");
  return at >= 0 && args[at + 1] === "pl" ? "pl" : "en";
}

async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      ...LEDGER_OPTIONS,
      basis: { type: "string" },
      buckets: { type: "string" },
      "collections-after": { type: "string" },
      out: { type: "string" },
      sheets: { type: "string" },
      "fiscal-year-start": { type: "string" },
      "reference-rate": { type: "string" },
      margin: { type: "string" },
      "no-interest": { type: "boolean" },
      "no-compensation": { type: "boolean" },
      "eur-rate": { type: "string", multiple: true },
      "loss-rates": { type: "string" },
      horizon: { type: "string" },
      dunning: { type: "string" },
      protect: { type: "boolean" },
      timings: { type: "boolean" },
    },
  });
  const language: Language = values.lang === "pl" ? "pl" : "en";
  const timer = stepTimer();
  const bad = (option: string, value: string) => new UsageError(cliText("badOption", language, option, value));
  if (values.lang !== undefined && values.lang !== "en" && values.lang !== "pl") throw bad("--lang", values.lang);

  const inputs = positionals.length > 0 ? positionals : [values.invoices, values.payments].filter((p): p is string => p !== undefined);
  if (inputs.length === 0 || positionals.length > 1 || (positionals.length === 1 && (values.invoices || values.payments))) {
    throw new UsageError(cliText("usage", language).split("\n")[0]!);
  }
  for (const target of [values.out, values.json]) {
    if (target !== undefined && inputs.some((input) => resolve(input) === resolve(target))) {
      throw new UsageError(cliText("sameFile", language, target));
    }
  }
  const options: ReceivablesOptions = {
    asOf: values["as-of"] === undefined ? io.today() : (dayFromIso(values["as-of"]) ?? failWith(bad("--as-of", values["as-of"]))),
    basis: oneOf(values.basis, ["due", "invoice"] as const, "due", (v) => bad("--basis", v)),
    ladder: values.buckets === undefined ? [30, 60, 90] : (parseLadder(values.buckets) ?? failWith(bad("--buckets", values.buckets))),
    apply: oneOf(values.apply, ["unapplied", "oldest-first"] as const, "unapplied", (v) => bad("--apply", v)),
    collectionsAfterDays: values["collections-after"] === undefined ? 90 : wholeDays(values["collections-after"], () => bad("--collections-after", values["collections-after"]!)),
    language,
    defaultCurrency: values.currency === undefined ? "EUR" : /^[A-Za-z]{3}$/.test(values.currency) ? values.currency.toUpperCase() : failWith(bad("--currency", values.currency)),
    ...(values["date-order"] !== undefined ? { dateOrder: oneOf(values["date-order"], ["dmy", "mdy"] as const, "dmy", (v) => bad("--date-order", v)) } : {}),
  };

  const settings = reportSettings(values, bad);

  const read = await readInputs(inputs, values, language);
  if (!read.ok) {
    io.err(read.message);
    return EXIT_INPUT;
  }
  timer.lap("read");
  const { sheets, date1904, invoicesSheet, paymentsSheet } = read;
  const run = runReceivables(
    { sheets, date1904 },
    { ...options, ...(invoicesSheet !== undefined ? { invoicesSheet } : {}), ...(paymentsSheet !== undefined ? { paymentsSheet } : {}) },
  );
  if (!run.ok) {
    for (const issue of run.issues) io.err(formatIssue(issue, language));
    return EXIT_INPUT;
  }
  timer.lap("ledger");
  printSummary(run, io, language);
  const figures = reportFigures(run, settings);
  timer.lap("figures");
  if (values.json !== undefined) {
    await mkdir(dirname(resolve(values.json)), { recursive: true });
    writeJsonSections(values.json, receivablesJsonSections(run, figures));
    timer.lap("json");
    io.out(cliText("wrote", language, values.json));
  }
  if (values.out !== undefined) {
    await mkdir(dirname(resolve(values.out)), { recursive: true });
    const report = buildReport(run, settings, figures);
    timer.lap("sheets");
    await writeReportWorkbook(report, values.out);
    timer.lap("xlsx");
    io.out(cliText("wrote", language, values.out));
  }
  if (values.timings === true) {
    io.err(cliText("timings", language, timer.summary()));
    // Where a platform counts them: on these machines each costs ~16 µs (docs/performance.md).
    if (timer.faults() !== "") io.err(cliText("pageFaults", language, timer.faults()));
  }
  return EXIT_OK;
}

/**
 * Seconds per named step, from the process's start (the first step includes starting node and loading the code),
 * and the minor page faults of each step: the fresh memory pages it touched first.
 */
function stepTimer(): { lap(step: string): void; summary(): string; faults(): string } {
  const steps: string[] = [];
  const faultSteps: string[] = [];
  // performance.now() counts from the process's start, and so does the fault count.
  let mark = performance.now();
  let faultMark = process.resourceUsage().minorPageFault;
  const startup = (mark / 1000).toFixed(2);
  const startupFaults = faultMark;
  return {
    lap(step) {
      const now = performance.now();
      const faults = process.resourceUsage().minorPageFault;
      steps.push(`${step} ${((now - mark) / 1000).toFixed(2)}`);
      faultSteps.push(`${step} ${faults - faultMark}`);
      mark = now;
      faultMark = faults;
    },
    summary: () => [`start ${startup}`, ...steps].join(" · "),
    // Empty where the platform does not count them (a process always has some by the time it runs this).
    faults: () => (startupFaults > 0 ? [`start ${startupFaults}`, ...faultSteps].join(" · ") : ""),
  };
}

/** Report settings from the command line; defaults from DEFAULT_REPORT_SETTINGS. */
function reportSettings(values: Record<string, string | boolean | string[] | undefined>, bad: (option: string, value: string) => Error): ReportSettings {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const number = (name: string, min: number, max: number) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const n = Number(raw.replace(",", "."));
    if (!Number.isFinite(n) || n < min || n > max) throw bad(`--${name}`, raw);
    return n;
  };
  const defaults = DEFAULT_REPORT_SETTINGS;
  const sheetsText = text("sheets");
  const sheets = sheetsText === undefined ? defaults.sheets : sheetsText.split(",").map((s) => s.trim());
  if (sheets.length === 0 || sheets.some((s) => !(SHEET_KEYS as readonly string[]).includes(s))) throw bad("--sheets", `${sheetsText} (${SHEET_KEYS.join(",")})`);
  const fiscal = number("fiscal-year-start", 1, 12);
  if (fiscal !== undefined && !Number.isInteger(fiscal)) throw bad("--fiscal-year-start", String(fiscal));
  const eurRates: Record<string, number> = {};
  for (const pair of (values["eur-rate"] as string[] | undefined) ?? []) {
    const match = /^([A-Za-z]{3})=(\d+(?:[.,]\d+)?)$/.exec(pair);
    if (!match) throw bad("--eur-rate", pair);
    eurRates[match[1]!.toUpperCase()] = Number(match[2]!.replace(",", "."));
  }
  const lossText = text("loss-rates");
  const lossRateOverrides = lossText === undefined ? [] : lossText.split(",").map((part) => {
    if (part.trim() === "") return null;
    const rate = Number(part.trim().replace(/%$/, "")) / (part.trim().endsWith("%") ? 100 : 1);
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw bad("--loss-rates", lossText);
    return rate;
  });
  const dunningText = text("dunning");
  const ladder = dunningText === undefined ? defaults.collections.ladder : (parseDunningLadder(dunningText) ?? failWith(bad("--dunning", dunningText)));
  return {
    sheets: sheets as SheetKey[],
    fiscalYearStartMonth: fiscal ?? defaults.fiscalYearStartMonth,
    horizonDays: number("horizon", 30, 3650) ?? defaults.horizonDays,
    lossRateOverrides,
    protectSheets: values.protect === true,
    collections: {
      ...defaults.collections,
      ladder,
      referenceRatePercent: number("reference-rate", 0, 100) ?? defaults.collections.referenceRatePercent,
      marginPercent: number("margin", 0, 100) ?? defaults.collections.marginPercent,
      interest: values["no-interest"] !== true,
      compensation: values["no-compensation"] !== true,
      eurRates,
    },
  };
}

async function sampleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    options: { out: { type: "string" }, seed: { type: "string" }, invoices: { type: "string" }, lang: { type: "string" } },
  });
  const language: Language = values.lang === "pl" ? "pl" : "en";
  if (values.out === undefined) throw new UsageError(cliText("usage", language).split("\n")[2]!.trim());
  const seed = values.seed === undefined ? undefined : wholeDays(values.seed, () => new UsageError(cliText("badOption", language, "--seed", values.seed!)));
  const invoices = values.invoices === undefined ? undefined : wholeDays(values.invoices, () => new UsageError(cliText("badOption", language, "--invoices", values.invoices!)));
  const { workbook, facts } = generateSampleWithFacts({ ...(seed !== undefined ? { seed } : {}), ...(invoices !== undefined ? { invoices } : {}) });
  await mkdir(dirname(resolve(values.out)), { recursive: true });
  await writeReportWorkbook(workbook, values.out);
  io.out(cliText("sampleWrote", language, values.out, facts.invoiceCount, facts.paymentCount, facts.customers));
  return EXIT_OK;
}

function failWith(error: Error): never {
  throw error;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, bad: (v: string) => Error): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw bad(value);
}

function wholeDays(text: string, bad: () => Error): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw bad();
  return n;
}

export function formatIssue(issue: { sheet: string; row: number; column: string; code: Parameters<typeof issueMessage>[0]; detail?: string }, language: Language): string {
  const where = issue.sheet === "" ? "" : issue.row === 0 ? `${issue.sheet}: ` : `${issue.sheet}!${issue.column}${issue.row}: `;
  return `${where}${issueMessage(issue.code, language, issue.detail)}`;
}

const MAX_LISTED_ISSUES = 10;

function printSummary(run: Extract<ReceivablesRun, { ok: true }>, io: CliIo, language: Language): void {
  const describe = (source: TableSource<string>, name: string) => {
    const header = source.header;
    const mapped = [...source.columns.entries()]
      .sort((a, b) => a[1] - b[1])
      .map(([field, c]) => `${columnLetter(source.sheet.firstColumn + c)} ${String(header[c] ?? "")} → ${field}`)
      .join(", ");
    return cliText("chose", language, name, source.sheet.name, source.sheet.firstRow + source.headerIndex, mapped);
  };
  if (run.tables.invoices) io.out(describe(run.tables.invoices, cliText("invoices", language)));
  io.out(run.tables.payments ? describe(run.tables.payments, cliText("payments", language)) : cliText("noPayments", language));
  const { aging, ledger } = run;
  io.out(cliText("asOf", language, isoFromDay(aging.asOf), aging.items.length, new Set(aging.customers.map((c) => c.customer)).size));
  for (const total of aging.totals) {
    const code = ledger.currencies[total.currency]!;
    const format = (minor: number) => formatMinor(minor, minorUnitExponent(code), language);
    const share = (total.open > 0 ? ((total.overdue / total.open) * 100).toFixed(1) : "0.0").replace(".", language === "pl" ? "," : ".");
    io.out(cliText("totalLine", language, code, format(total.open), format(total.overdue), share));
  }
  io.out(cliText("collections", language, aging.customers.filter((c) => c.status === "collections").length));
  const errors = run.issues.filter((i) => i.severity === "error").length;
  io.out(cliText("issuesFound", language, run.issues.length, errors, run.issues.length - errors));
  for (const issue of run.issues.slice(0, MAX_LISTED_ISSUES)) io.out(`  ${formatIssue(issue, language)}`);
  if (run.issues.length > MAX_LISTED_ISSUES) io.out(cliText("moreIssues", language, run.issues.length - MAX_LISTED_ISSUES));
}

