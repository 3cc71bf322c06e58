import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { dayFromIso, isoFromDay } from "../engine/dates/civil";
import { backtest, backtestJson, forecastLabel } from "../engine/forecast";
import type { BacktestOptions } from "../engine/forecast/backtest";
import type { Language } from "../engine/messages";
import { runReceivables, type ReceivablesOptions } from "../engine/runReceivables";
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, formatIssue, type CliIo } from "./runCli";
import { LEDGER_OPTIONS, readInputs } from "./readInputs";
import { cliText } from "./strings";
import { writeJsonFile } from "./writeJsonFile";

/** This command's own texts, English and Polish (the shared ones come from ./strings). */
const TEXTS = {
  usage: {
    en: `Usage:
  receivables backtest <workbook.xlsx|file.csv> [--invoices-sheet S] [--payments-sheet S] [options]
  receivables backtest --invoices invoices.csv --payments payments.csv [options]

Forecasts, at every past month end, when the invoices open then would be paid — from what was known then — and
compares with when they were paid, beside two baselines (the due date; the customer's mean delay).

Options:
  --as-of YYYY-MM-DD     last day of the data (default: today); later documents are ignored
  --apply unapplied|oldest-first   unreferenced cash (as in report)
  --currency XXX         currency of amounts that name none (default EUR)
  --date-order dmy|mdy   order of dates like 03/04/2025
  --warmup N             months of history before the first month end (default 6)
  --horizon N            days each month end's items are followed for (default 182)
  --half-life N          days after which history counts half (default 180)
  --prior-strength K     pull of the portfolio on a customer's own history (default 8)
  --amount-weight P      1 weighs history by amount, 0 counts invoices (default 1)
  --lang en|pl           language of the output
  --json out.json        write the result as JSON

Exit codes: 0 done; 1 the input cannot be used; 2 usage.`,
    pl: `Użycie:
  receivables backtest <skoroszyt.xlsx|plik.csv> [--invoices-sheet S] [--payments-sheet S] [opcje]
  receivables backtest --invoices faktury.csv --payments wplaty.csv [opcje]

Na koniec każdego minionego miesiąca prognozuje, kiedy zostaną zapłacone otwarte wtedy faktury — na podstawie
tego, co było wtedy wiadomo — i porównuje z rzeczywistymi zapłatami oraz z dwiema metodami odniesienia (termin
płatności; średnie opóźnienie kontrahenta).

Opcje:
  --as-of RRRR-MM-DD     ostatni dzień danych (domyślnie dziś); późniejsze dokumenty są pomijane
  --apply unapplied|oldest-first   wpłaty bez odwołania (jak w report)
  --currency XXX         waluta kwot bez oznaczenia (domyślnie EUR)
  --date-order dmy|mdy   kolejność w datach typu 03/04/2025
  --warmup N             miesiące historii przed pierwszym końcem miesiąca (domyślnie 6)
  --horizon N            przez ile dni śledzić pozycje z każdego końca miesiąca (domyślnie 182)
  --half-life N          po ilu dniach historia waży połowę (domyślnie 180)
  --prior-strength K     siła przyciągania portfela wobec historii kontrahenta (domyślnie 8)
  --amount-weight P      1 waży historię kwotą, 0 liczy faktury (domyślnie 1)
  --lang en|pl           język wyników
  --json wynik.json      zapisz wynik jako JSON

Kody wyjścia: 0 gotowe; 1 nie można użyć danych; 2 błędne wywołanie.`,
  },
  summary: {
    en: "Backtest as of {0}: {1} month ends from {2} to {3}; {4} item forecasts, {5} paid within {6} days (scored), {7} not (censored)",
    pl: "Test wsteczny na dzień {0}: {1} końców miesiąca od {2} do {3}; {4} prognoz pozycji, {5} zapłaconych w ciągu {6} dni (ocenione), {7} nie (ucięte)",
  },
  none: {
    en: "No month end to test: the history needs {0} months before the first one and {1} days after it.",
    pl: "Brak końca miesiąca do testu: historia musi obejmować {0} miesięcy przed pierwszym i {1} dni po nim.",
  },
  gain: { en: "Model vs customer mean: {0} % lower mean error", pl: "Model a średnia kontrahenta: średni błąd niższy o {0} %" },
  calibration: { en: "Paid within   predicted   actual", pl: "Zapłata w ciągu   przewidywane   rzeczywiste" },
  cashHeading: { en: "Weekly cash forecast, 13 weeks from each month end:", pl: "Prognoza tygodniowa, 13 tygodni od każdego końca miesiąca:" },
} as const;

type TextKey = keyof typeof TEXTS;

function text(key: TextKey, language: Language, ...args: ReadonlyArray<string | number>): string {
  return TEXTS[key][language].replace(/\{(\d)\}/g, (hole, i: string) => (args[Number(i)] === undefined ? hole : String(args[Number(i)])));
}

class UsageError extends Error {}

/**
 * `receivables backtest`: reads a workbook as `report` does, backtests the payment forecast on its history and
 * prints the model beside the two baselines (mean error in days, share within ±5 days, bias, items), the
 * calibration of p30/p60/p90 and the weekly cash-forecast error; `--json` writes it all. Returns the exit code.
 */
export async function backtestCommand(args: readonly string[], io: CliIo): Promise<number> {
  const language: Language = args.includes("--lang") && args[args.indexOf("--lang") + 1] === "pl" ? "pl" : "en";
  try {
    return await run(args, io, language);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof UsageError || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))) {
      io.err((error as Error).message);
      io.err(text("usage", language));
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function run(args: readonly string[], io: CliIo, language: Language): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      ...LEDGER_OPTIONS,
      warmup: { type: "string" },
      horizon: { type: "string" },
      "half-life": { type: "string" },
      "prior-strength": { type: "string" },
      "amount-weight": { type: "string" },
    },
  });
  const bad = (option: string, value: string) => new UsageError(cliText("badOption", language, option, value));
  if (values.lang !== undefined && values.lang !== "en" && values.lang !== "pl") throw bad("--lang", values.lang);
  const inputs = positionals.length > 0 ? positionals : [values.invoices, values.payments].filter((p): p is string => p !== undefined);
  if (inputs.length === 0 || positionals.length > 1 || (positionals.length === 1 && (values.invoices || values.payments))) {
    throw new UsageError(text("usage", language).split("\n")[1]!.trim());
  }
  if (values.json !== undefined && inputs.some((input) => resolve(input) === resolve(values.json!))) {
    throw new UsageError(cliText("sameFile", language, values.json));
  }
  const asOf = values["as-of"] === undefined ? io.today() : (dayFromIso(values["as-of"]) ?? fail(bad("--as-of", values["as-of"])));
  const whole = (option: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw bad(option, value);
    return Number(value);
  };
  const decimal = (option: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (value.trim() === "" || !Number.isFinite(number) || number < 0) throw bad(option, value);
    return number;
  };
  const halfLife = decimal("--half-life", values["half-life"]);
  if (halfLife === 0) throw bad("--half-life", values["half-life"]!);
  const settings: BacktestOptions = {
    asOf,
    ...defined("warmupMonths", whole("--warmup", values.warmup)),
    ...defined("horizonDays", whole("--horizon", values.horizon)),
    ...defined("halfLifeDays", halfLife),
    ...defined("priorStrength", decimal("--prior-strength", values["prior-strength"])),
    ...defined("amountWeightPower", decimal("--amount-weight", values["amount-weight"])),
  };
  const apply = values.apply ?? "unapplied";
  if (apply !== "unapplied" && apply !== "oldest-first") throw bad("--apply", apply);
  const dateOrder = values["date-order"];
  if (dateOrder !== undefined && dateOrder !== "dmy" && dateOrder !== "mdy") throw bad("--date-order", dateOrder);
  const currency = values.currency === undefined ? "EUR" : /^[A-Za-z]{3}$/.test(values.currency) ? values.currency.toUpperCase() : fail(bad("--currency", values.currency));

  const read = await readInputs(inputs, values, language);
  if (!read.ok) {
    io.err(read.message);
    return EXIT_INPUT;
  }
  const { sheets, date1904, invoicesSheet, paymentsSheet } = read;
  const options: ReceivablesOptions = {
    asOf,
    apply,
    language,
    defaultCurrency: currency,
    ...(dateOrder !== undefined ? { dateOrder } : {}),
    ...(invoicesSheet !== undefined ? { invoicesSheet } : {}),
    ...(paymentsSheet !== undefined ? { paymentsSheet } : {}),
  };
  const receivables = runReceivables({ sheets, date1904 }, options);
  if (!receivables.ok) {
    for (const issue of receivables.issues) io.err(formatIssue(issue, language));
    return EXIT_INPUT;
  }

  const result = backtest(receivables.ledger, receivables.applications, settings);
  if (result.cutoffs.length === 0) {
    io.out(text("none", language, result.warmupMonths, result.horizonDays));
  } else {
    printResult(result, io, language);
  }
  if (values.json !== undefined) {
    await mkdir(dirname(resolve(values.json)), { recursive: true });
    writeJsonFile(values.json, backtestJson(result));
    io.out(cliText("wrote", language, values.json));
  }
  return EXIT_OK;
}

function printResult(result: ReturnType<typeof backtest>, io: CliIo, language: Language): void {
  const label = (key: Parameters<typeof forecastLabel>[0]) => forecastLabel(key, language);
  const number = (value: number, digits: number) => value.toLocaleString(language === "pl" ? "pl-PL" : "en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const share = (value: number) => `${number(value * 100, 1)} %`;
  io.out(
    text(
      "summary",
      language,
      isoFromDay(result.asOf),
      result.cutoffs.length,
      isoFromDay(result.cutoffs[0]!),
      isoFromDay(result.cutoffs[result.cutoffs.length - 1]!),
      result.forecasts,
      result.scored,
      result.horizonDays,
      result.censored,
    ),
  );
  io.out("");
  const table = [
    [label("method"), label("mae"), label("within5"), label("bias"), label("items")],
    ...result.methods.map((m) => [label(`method.${m.method}`), number(m.mae, 2), share(m.within5), number(m.bias, 2), String(m.items)]),
  ];
  for (const line of columns(table)) io.out(line);
  const model = result.methods.find((m) => m.method === "model")!;
  const mean = result.methods.find((m) => m.method === "customerMean")!;
  if (mean.mae > 0) io.out(text("gain", language, number((1 - model.mae / mean.mae) * 100, 1)));
  io.out("");
  const calibration = [
    [label("horizon"), label("predicted"), label("actual")],
    ...result.calibration.map((c) => [String(c.days), share(c.predicted), share(c.actual)]),
  ];
  for (const line of columns(calibration)) io.out(line);
  if (result.cash.length > 0) {
    io.out("");
    io.out(text("cashHeading", language));
    const cash = [
      [label("currency"), label("wape"), label("naiveWape"), label("cashBias"), label("coverage"), label("weeks")],
      ...result.cash.map((c) => [c.currency, share(c.wape), share(c.naiveWape), share(c.bias), share(c.coverage), String(c.weeks)]),
    ];
    for (const line of columns(cash)) io.out(line);
  }
}

/** Rows as aligned text columns: the first left-aligned, the others right-aligned. */
function columns(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd());
}

function defined<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

function fail(error: Error): never {
  throw error;
}
