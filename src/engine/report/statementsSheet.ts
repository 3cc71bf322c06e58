import type { Aging } from "../aging/ageLedger";
import { isoFromDay } from "../dates/civil";
import { serialFromDay } from "../dates/excelSerial";
import type { Language } from "../messages";
import type { Ledger } from "../ledger/ledger";
import { kindLabels, label } from "./labels";
import type { ColumnStyle, ReportBlock, ReportSheet, ReportText, ReportValue } from "./model";
import { amountIn, major } from "./money";

const text: ColumnStyle = { kind: "text" };
const date: ColumnStyle = { kind: "date" };
const days: ColumnStyle = { kind: "days" };

/**
 * AR Statements: one open-item statement per customer and currency, each on its own printed page — ready to print
 * or send. Amounts in the customer's currency; the last line is the balance due.
 */
export function statementsSheet(ledger: Ledger, aging: Aging, language: Language): ReportSheet {
  const asOf = isoFromDay(aging.asOf);
  const texts: ReportText[] = [];
  const blocks: ReportBlock[] = [];
  const pageBreaks: number[] = [];
  const kinds = kindLabels(language);
  let row = 0;
  for (const group of aging.customers) {
    if (group.open === 0) continue;
    const code = ledger.currencies[group.currency]!;
    const customer = ledger.customers[group.customer]!;
    if (row > 0) pageBreaks.push(row);
    texts.push(
      { row, column: 0, text: label("statementFor", language, customer.name + (customer.id ? ` (${customer.id})` : "")), role: "title" },
      { row: row + 1, column: 0, text: label("statementIntro", language, asOf), role: "note" },
    );
    const rows: ReportValue[][] = [];
    for (let k = group.itemStart; k < group.itemEnd; k++) {
      const i = aging.items[k]!;
      rows.push([
        ledger.document[i]!, kinds[ledger.kind[i]!]!, serialFromDay(ledger.date[i]!),
        serialFromDay(ledger.due[i]!), major(ledger.amount[i]!, code), major(aging.open[k]!, code), Math.max(0, aging.days[k]!),
      ]);
    }
    rows.push([label("totalFor", language, code), null, null, null, null, major(group.open, code), null]);
    blocks.push({
      row: row + 3, column: 0,
      header: [label("document", language), label("kind", language), label("date", language), label("dueDate", language), label("amount", language), label("open", language), label("daysPastDue", language)],
      rows,
      columns: [text, text, date, date, amountIn(code), amountIn(code), days],
      rowRoles: new Map([[rows.length - 1, "total"]]),
    });
    row += rows.length + 6;
  }
  if (blocks.length === 0) texts.push({ row: 0, column: 0, text: label("statementsTitle", language, asOf), role: "title" });
  return {
    key: "statements",
    name: label("statementsSheet", language),
    columnWidths: [22, 18, 12, 12, 16, 16, 12],
    texts,
    blocks,
    charts: [],
    pageBreaks,
    pageSetup: { orientation: "portrait", fitToWidth: true },
  };
}
