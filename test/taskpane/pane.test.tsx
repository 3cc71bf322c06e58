import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { dayFromIso } from "../../src/engine/dates/civil";
import { INVOICE_SYNONYMS, PAYMENT_SYNONYMS } from "../../src/engine/tables/columnSynonyms";
import { DEFAULT_DESK_SETTINGS } from "../../src/excel";
import { RUN_STEPS, type RunSummary } from "../../src/taskpane/run";
import { asOfDay, initialRunOptions, parseAsOf, parseBuckets, settingsForRun } from "../../src/taskpane/runOptions";
import { selectCell } from "../../src/taskpane/selectCell";
import { paneLanguage, paneLocale, paneStrings, type PaneStrings } from "../../src/taskpane/strings";
import { isDarkBackground } from "../../src/taskpane/theme";
import { LISTED_PROBLEMS, RunMessage, RunProgress, RunResult } from "../../src/taskpane/ui";
import { sampleExcel } from "./support/paneFixtures";

const day = (iso: string) => dayFromIso(iso)!;

/** The text a component renders (Fluent's <style> elements left out), with spaces collapsed. */
function textOf(element: ReactElement): string {
  const html = renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("strings: English and Polish side by side", () => {
  it("have the same texts in both languages, none empty", () => {
    const shape = (strings: PaneStrings) =>
      Object.entries(strings).map(([key, value]) => [key, typeof value === "object" ? Object.keys(value as object).sort() : typeof value]);
    expect(shape(paneStrings.pl)).toEqual(shape(paneStrings.en));
    for (const strings of [paneStrings.en, paneStrings.pl]) {
      for (const value of Object.values(strings)) {
        if (typeof value === "string") expect(value.trim()).not.toBe("");
        if (typeof value === "object") for (const text of Object.values(value as object)) expect(String(text).trim()).not.toBe("");
      }
      expect(Object.keys(strings.steps)).toEqual([...RUN_STEPS]);
      expect(Object.keys(strings.invoiceFields).sort()).toEqual(Object.keys(INVOICE_SYNONYMS).sort());
      expect(Object.keys(strings.paymentFields).sort()).toEqual(Object.keys(PAYMENT_SYNONYMS).sort());
    }
    expect(paneStrings.en.problemsFound(1)).toBe("1 problem found in the data");
    expect(paneStrings.pl.stepOf(2, 5, paneStrings.pl.steps.apply)).toBe("Krok 2 z 5: Rozliczanie wpłat");
    expect(paneStrings.en.excelError("An internal error has occurred.", "GeneralException")).toBe("An internal error has occurred. (GeneralException)");
    expect(paneStrings.en.excelError("GeneralException: lost", "GeneralException")).toBe("GeneralException: lost");
  });

  it("speak Polish for any pl tag, English otherwise", () => {
    expect([paneLanguage("pl-PL"), paneLanguage("PL"), paneLanguage("en-GB"), paneLanguage("plx"), paneLanguage(undefined)]).toEqual(["pl", "pl", "en", "en", "en"]);
    expect(paneLocale("pl")).toBe("pl-PL");
  });
});

describe("run options", () => {
  const today = day("2026-11-28");

  it("open with the saved settings and today's date from the clock", () => {
    expect(initialRunOptions(DEFAULT_DESK_SETTINGS, today)).toEqual({ asOf: "2026-11-28", basis: "due", buckets: "30,60,90" });
    expect(asOfDay({ kind: "endOfPreviousMonth" }, today)).toBe(day("2026-10-31"));
    expect(asOfDay({ kind: "fixed", date: "2025-12-31" }, today)).toBe(day("2025-12-31"));
  });

  it("validate the date and the ladder as the engine does", () => {
    expect(parseAsOf("2026-11-30")).toBe(day("2026-11-30"));
    expect([parseAsOf(""), parseAsOf("2026-02-30"), parseAsOf("1899-12-31")]).toEqual([undefined, undefined, undefined]);
    expect(parseBuckets("30, 60 ,90")).toEqual([30, 60, 90]);
    expect([parseBuckets("60,30"), parseBuckets("30,,x"), parseBuckets("")]).toEqual([undefined, undefined, undefined]);
  });

  it("save the as-of date as a rule: kept while it gives the date, today, or the fixed date typed", () => {
    const options = { basis: "invoice" as const, ladder: [15, 45] };
    const monthEnd = { ...DEFAULT_DESK_SETTINGS, asOf: { kind: "endOfPreviousMonth" as const } };
    expect(settingsForRun(monthEnd, { ...options, asOf: day("2026-10-31") }, today, "pl")).toMatchObject({
      asOf: { kind: "endOfPreviousMonth" }, basis: "invoice", ladder: [15, 45], language: "pl",
    });
    expect(settingsForRun(monthEnd, { ...options, asOf: today }, today, "en").asOf).toEqual({ kind: "today" });
    expect(settingsForRun(DEFAULT_DESK_SETTINGS, { ...options, asOf: day("2026-06-30") }, today, "en").asOf).toEqual({ kind: "fixed", date: "2026-06-30" });
  });
});

describe("theme and cells", () => {
  it("follows Office's dark themes", () => {
    expect([isDarkBackground("#262626"), isDarkBackground("#1f1f1f"), isDarkBackground("#FFFFFF"), isDarkBackground("#e6e6e6")]).toEqual([true, true, false, false]);
    expect([isDarkBackground(undefined), isDarkBackground("black")]).toEqual([false, false]);
  });

  it("shows a problem's cell by activating its sheet", async () => {
    const excel = sampleExcel();
    expect(excel.state.activeSheet?.name).toBe("Invoices");
    await selectCell(excel, "Payments", "C12");
    expect(excel.state.activeSheet?.name).toBe("Payments");
  });
});

describe("the pane's components, rendered without a DOM", () => {
  const summary: RunSummary = {
    asOf: "2026-11-30",
    totals: [
      { currency: "EUR", decimals: 2, open: 18676.62, overdue: 0 },
      { currency: "PLN", decimals: 2, open: 1263452.46, overdue: 1224043.53 },
    ],
    openItems: 1776,
    accountsInCollections: 85,
    problems: Array.from({ length: 30 }, (_, i) => ({ sheet: "Invoices", cell: `G${i + 5}`, severity: "error" as const, message: `Problem ${i}` })),
    sheets: [{ key: "aging", name: "AR Aging", id: "1" }],
  };

  it("the result: totals per currency in the pane's locale, counts, problems as links (at most 25)", () => {
    const english = textOf(<RunResult strings={paneStrings.en} locale="en-US" summary={summary} onShowProblem={() => {}} />);
    expect(english).toContain("1 report sheet written, as of 2026-11-30.");
    expect(english).toContain("PLN 1,263,452.46 1,224,043.53");
    expect(english).toContain("Open items 1,776 Accounts in collections 85");
    expect(english).toContain("30 problems found in the data");
    expect(english).toContain("Invoices!G5 Problem 0");
    expect(english).not.toContain(`Problem ${LISTED_PROBLEMS}`);
    expect(english).toContain("…and 5 more on the issues sheet.");

    const polish = textOf(<RunResult strings={paneStrings.pl} locale="pl-PL" summary={summary} onShowProblem={() => {}} />);
    expect(polish).toMatch(/PLN 1\s263\s452,46 1\s224\s043,53/);
    expect(polish).toContain("Problemy w danych: 30");
  });

  it("the progress: the named steps, the current one, Cancel", () => {
    const text = textOf(<RunProgress strings={paneStrings.en} step="age" cancelling={false} onCancel={() => {}} />);
    expect(text).toBe("Step 3 of 5: Aging ✓ Reading workbook ✓ Applying payments Aging Building reports Writing sheets Cancel");
    expect(textOf(<RunProgress strings={paneStrings.pl} step="write" cancelling onCancel={() => {}} />)).toContain("Anulowanie…");
  });

  it("the endings without a report: Excel's error with Retry, unusable data, cancelled", () => {
    const retry = () => {};
    expect(textOf(<RunMessage strings={paneStrings.en} state={{ phase: "failed", message: "The request failed", code: "GeneralException" }} onRetry={retry} />)).toBe(
      "The reports were not generated. The request failed (GeneralException) Retry",
    );
    const unusable = { phase: "unusable" as const, problems: [{ sheet: "", cell: null, severity: "error" as const, message: "Nie znaleziono tabeli faktur" }] };
    expect(textOf(<RunMessage strings={paneStrings.pl} state={unusable} onRetry={retry} />)).toBe("Tych danych nie da się użyć: Nie znaleziono tabeli faktur Ponów");
    expect(textOf(<RunMessage strings={paneStrings.en} state={{ phase: "cancelled" }} onRetry={retry} />)).toBe("Cancelled. The report sheets are as they were before.");
  });
});
