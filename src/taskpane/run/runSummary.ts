import type { Issue } from "../../engine/issues";
import { isoFromDay } from "../../engine/dates/civil";
import { issueMessage, type Language } from "../../engine/messages";
import { minorUnitExponent } from "../../engine/money/currency";
import { majorFromMinor } from "../../engine/money/money";
import type { ReceivablesRun } from "../../engine/runReceivables";
import type { WrittenSheet } from "../../excel";

type Run = Extract<ReceivablesRun, { ok: true }>;

export interface CurrencyTotal {
  readonly currency: string;
  /** Decimal places of the currency's minor unit (2 for PLN, 0 for JPY). */
  readonly decimals: number;
  /** Major units, rounded to the minor unit. */
  readonly open: number;
  readonly overdue: number;
}

/** A problem in the user's data, with the cell to show. */
export interface Problem {
  readonly sheet: string;
  /** A1 address of the cell on `sheet` ("C12"); null when the problem concerns the whole sheet. */
  readonly cell: string | null;
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** What the pane shows after a run. */
export interface RunSummary {
  /** YYYY-MM-DD. */
  readonly asOf: string;
  readonly totals: readonly CurrencyTotal[];
  readonly openItems: number;
  readonly accountsInCollections: number;
  readonly problems: readonly Problem[];
  /** The report sheets as named in the workbook. */
  readonly sheets: readonly WrittenSheet[];
}

/**
 * The figures of a run for the pane: the same ones the CLI prints (src/cli/runCli.ts `printSummary`) — open and
 * overdue totals per currency, accounts in collections, every problem — from the same values.
 */
export function runSummary(run: Run, sheets: readonly WrittenSheet[], language: Language): RunSummary {
  const { ledger, aging } = run;
  return {
    asOf: isoFromDay(aging.asOf),
    totals: aging.totals.map((total) => {
      const currency = ledger.currencies[total.currency]!;
      const decimals = minorUnitExponent(currency);
      return { currency, decimals, open: majorFromMinor(total.open, decimals), overdue: majorFromMinor(total.overdue, decimals) };
    }),
    openItems: aging.items.length,
    accountsInCollections: aging.customers.filter((customer) => customer.status === "collections").length,
    problems: run.issues.map((issue) => problemOf(issue, language)),
    sheets,
  };
}

/**
 * An engine issue as the pane lists it. A row-level issue with no column points at the row's first cell, so the
 * link still lands on the row.
 */
export function problemOf(issue: Issue, language: Language): Problem {
  return {
    sheet: issue.sheet,
    cell: issue.row > 0 ? `${issue.column === "" ? "A" : issue.column}${issue.row}` : null,
    severity: issue.severity,
    message: issueMessage(issue.code, language, issue.detail),
  };
}
