import { isoFromDay } from "../dates/civil";
import { serialFromDay } from "../dates/excelSerial";
import { issueMessage } from "../messages";
import { minorUnitExponent } from "../money/currency";
import { majorFromMinor } from "../money/money";
import type { ReceivablesRun } from "../runReceivables";
import { kindLabels, label, type LabelKey } from "./labels";
import { a1, type ColumnStyle, type ReportBlock, type ReportChart, type ReportSheet, type ReportValue, type RowRole } from "./model";

type Run = Extract<ReceivablesRun, { ok: true }>;

const text: ColumnStyle = { kind: "text" };
const amount: ColumnStyle = { kind: "amount" };
const date: ColumnStyle = { kind: "date" };
const days: ColumnStyle = { kind: "days" };
const percent: ColumnStyle = { kind: "percent" };

/** Row where the first block of a report sheet starts, under a title, a subtitle and a blank row. */
const FIRST_BLOCK_ROW = 3;

/**
 * The aging report sheets: a summary per customer with totals per currency and a chart, the open items as a
 * filterable Excel table with customer subtotals, and the data issues. Figures come from the run; this only lays
 * them out.
 */
export function agingSheets(run: Run): ReportSheet[] {
  return [agingSummarySheet(run), agingDetailSheet(run), issuesSheet(run)];
}

function subtitle(run: Run): string {
  const { language } = run.options;
  const basis = label(run.aging.basis === "due" ? "basisDue" : "basisInvoice", language);
  const sources = label(
    "sources",
    language,
    run.tables.invoices?.sheet.name ?? label("none", language),
    run.tables.payments?.sheet.name ?? label("none", language),
  );
  return `${basis} · ${sources}`;
}

export function agingSummarySheet(run: Run): ReportSheet {
  const { ledger, aging, options } = run;
  const { language } = options;
  const bucketLabels = aging.buckets.map((b) => b.label);
  const header = [
    label("customer", language), label("customerId", language), label("currency", language), ...bucketLabels,
    label("total", language), label("share", language), label("oldestOverdue", language), label("status", language),
  ];
  const totalByCurrency = new Map(aging.totals.map((t) => [t.currency, t.open]));
  const major = (minor: number, currency: number) => majorFromMinor(minor, minorUnitExponent(ledger.currencies[currency]!));
  const rows: ReportValue[][] = aging.customers.map((c) => {
    const currencyTotal = totalByCurrency.get(c.currency) ?? 0;
    return [
      ledger.customers[c.customer]!.name,
      ledger.customers[c.customer]!.id,
      ledger.currencies[c.currency]!,
      ...c.buckets.map((b) => major(b, c.currency)),
      major(c.open, c.currency),
      currencyTotal === 0 ? null : c.open / currencyTotal,
      c.oldestOverdueDays,
      label(`status.${c.status}` as LabelKey, language),
    ];
  });
  const rowRoles = new Map<number, RowRole>();
  for (const t of aging.totals) {
    rowRoles.set(rows.length, "total");
    rows.push([
      label("totalFor", language, ledger.currencies[t.currency]!), null, ledger.currencies[t.currency]!,
      ...t.buckets.map((b) => major(b, t.currency)), major(t.open, t.currency), t.open === 0 ? null : 1, null, null,
    ]);
  }
  const block: ReportBlock = {
    row: FIRST_BLOCK_ROW,
    column: 0,
    header,
    rows,
    columns: [text, text, text, ...bucketLabels.map(() => amount), amount, percent, days, text],
    rowRoles,
  };
  // A column chart of the bucket totals of the currency with the largest balance.
  const charts: ReportChart[] = [];
  const main = [...aging.totals].sort((a, b) => b.open - a.open)[0];
  if (main) {
    const totalRow = FIRST_BLOCK_ROW + 1 + aging.customers.length + aging.totals.indexOf(main);
    charts.push({
      kind: "column",
      title: label("agingChart", language, ledger.currencies[main.currency]!),
      // Below the table, so the printed page keeps the table's width.
      anchor: { row: FIRST_BLOCK_ROW + rows.length + 3, column: 0, rows: 18, columns: 8 },
      categories: a1(FIRST_BLOCK_ROW, 3, FIRST_BLOCK_ROW, 2 + bucketLabels.length),
      series: [{ name: label("total", language), values: a1(totalRow, 3, totalRow, 2 + bucketLabels.length) }],
    });
  }
  return {
    key: "aging",
    name: label("agingSheet", language),
    columnWidths: [34, 12, 9, ...bucketLabels.map(() => 14), 15, 10, 12, 13],
    texts: [
      { row: 0, column: 0, text: label("agingTitle", language, isoFromDay(aging.asOf)), role: "title" },
      { row: 1, column: 0, text: subtitle(run), role: "subtitle" },
    ],
    blocks: [block],
    charts,
    freeze: { rows: FIRST_BLOCK_ROW + 1, columns: 1 },
    pageSetup: { orientation: "landscape", fitToWidth: true },
  };
}

export function agingDetailSheet(run: Run): ReportSheet {
  const { ledger, aging, options } = run;
  const { language } = options;
  const header = [
    label("customer", language), label("document", language), label("kind", language), label("date", language),
    label("dueDate", language), label("currency", language), label("amount", language), label("open", language),
    label("daysPastDue", language), label("bucket", language), label("sourceRow", language),
  ];
  const sheetOf = (table: number) => (table === 0 ? run.tables.invoices?.sheet.name : run.tables.payments?.sheet.name) ?? "";
  const rows: ReportValue[][] = [];
  const rowRoles = new Map<number, RowRole>();
  const kinds = kindLabels(language);
  for (const group of aging.customers) {
    const code = ledger.currencies[group.currency]!;
    const exponent = minorUnitExponent(code);
    for (let k = group.itemStart; k < group.itemEnd; k++) {
      const i = aging.items[k]!;
      rows.push([
        ledger.customers[ledger.customer[i]!]!.name,
        ledger.document[i]!,
        kinds[ledger.kind[i]!]!,
        serialFromDay(ledger.date[i]!),
        serialFromDay(ledger.due[i]!),
        code,
        majorFromMinor(ledger.amount[i]!, exponent),
        majorFromMinor(aging.open[k]!, exponent),
        aging.days[k]!,
        aging.buckets[aging.bucket[k]!]!.label,
        `${sheetOf(ledger.sourceTable[i]!)}!${ledger.sourceRow[i]!}`,
      ]);
    }
    // The customer's subtotal keeps the customer's name, so filtering by customer keeps it in view.
    rowRoles.set(rows.length, "subtotal");
    rows.push([ledger.customers[group.customer]!.name, "", label("subtotal", language), null, null, code, null, majorFromMinor(group.open, exponent), null, null, null]);
  }
  return {
    key: "aging-detail",
    name: label("detailSheet", language),
    columnWidths: [34, 20, 18, 12, 12, 9, 15, 15, 10, 18, 18],
    texts: [
      { row: 0, column: 0, text: label("detailTitle", language, isoFromDay(aging.asOf)), role: "title" },
      { row: 1, column: 0, text: subtitle(run), role: "subtitle" },
    ],
    blocks: [
      {
        row: FIRST_BLOCK_ROW,
        column: 0,
        header,
        rows,
        columns: [text, text, text, date, date, text, amount, amount, days, text, text],
        rowRoles,
        table: { name: "ArOpenItems" },
      },
    ],
    charts: [],
    freeze: { rows: FIRST_BLOCK_ROW + 1, columns: 1 },
    conditionalFormats: aging.items.length > 0
      ? [{ kind: "greaterThan", range: a1(FIRST_BLOCK_ROW + 1, 8, FIRST_BLOCK_ROW + rows.length, 8), value: 90, fill: "F8CBAD", fontColor: "9C0006" }]
      : [],
    pageSetup: { orientation: "landscape", fitToWidth: true },
  };
}

export function issuesSheet(run: Run): ReportSheet {
  const { language } = run.options;
  const header = [
    label("sheet", language), label("row", language), label("column", language), label("severity", language),
    label("code", language), label("message", language),
  ];
  const rows: ReportValue[][] = run.issues.map((issue) => [
    issue.sheet,
    issue.row === 0 ? null : issue.row,
    issue.column,
    label(issue.severity, language),
    issue.code,
    issueMessage(issue.code, language, issue.detail),
  ]);
  return {
    key: "issues",
    name: label("issuesSheet", language),
    columnWidths: [20, 8, 8, 16, 20, 90],
    texts: [
      { row: 0, column: 0, text: label("issuesTitle", language), role: "title" },
      ...(rows.length === 0 ? [{ row: 1, column: 0, text: label("noIssues", language), role: "note" as const }] : []),
    ],
    blocks:
      rows.length === 0
        ? []
        : [{ row: FIRST_BLOCK_ROW, column: 0, header, rows, columns: [text, days, text, text, text, text], table: { name: "ArDataIssues" } }],
    charts: [],
    freeze: { rows: FIRST_BLOCK_ROW + 1, columns: 0 },
  };
}
