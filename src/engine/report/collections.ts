import type { Aging } from "../aging/ageLedger";
import { dunningStage, type DunningStage } from "../collections/dunningLadder";
import { lateInterest, recoveryCompensation } from "../collections/lateInterest";
import { isoFromDay } from "../dates/civil";
import { serialFromDay } from "../dates/excelSerial";
import type { Language } from "../messages";
import { KIND_PAYMENT, type Ledger } from "../ledger/ledger";
import { minorUnitExponent } from "../money/currency";
import { label, type LabelKey } from "./labels";
import type { ColumnStyle, ReportSheet, ReportValue } from "./model";
import { major } from "./money";
import type { CollectionsSettings } from "./reportSettings";

export interface OverdueInvoice {
  readonly item: number;
  readonly open: number;
  readonly daysPastDue: number;
  readonly stage: DunningStage | undefined;
  readonly interest: number;
  /** Undefined when switched off or when no EUR rate is known for the currency. */
  readonly compensation: number | undefined;
}

export interface CollectionsAccount {
  readonly customer: number;
  readonly currency: number;
  readonly overdue: number;
  readonly oldestOverdueDays: number;
  /** Σ open × days past due over the overdue invoices, in minor-unit days. */
  readonly priority: number;
  readonly stage: DunningStage | undefined;
  /** Days since the customer's last payment on or before the as-of date; undefined when it never paid. */
  readonly daysSinceLastPayment: number | undefined;
  readonly interest: number;
  readonly compensation: number | undefined;
  readonly invoices: readonly OverdueInvoice[];
}

/**
 * The collections worklist: every account with overdue debits, by priority (open overdue amount × days past due),
 * with its dunning stage from the ladder (by the oldest overdue item), days since its last payment, and the
 * statutory late interest and compensation per overdue invoice.
 */
export function collectionsWorklist(ledger: Ledger, aging: Aging, settings: CollectionsSettings): CollectionsAccount[] {
  const asOf = aging.asOf;
  const lastPayment = new Int32Array(ledger.customers.length).fill(-1);
  for (let i = 0; i < ledger.count; i++) {
    if (ledger.kind[i] !== KIND_PAYMENT || ledger.amount[i]! >= 0 || ledger.date[i]! > asOf) continue;
    const c = ledger.customer[i]!;
    if (ledger.date[i]! > lastPayment[c]!) lastPayment[c] = ledger.date[i]!;
  }
  const rate = settings.referenceRatePercent + settings.marginPercent;
  const accounts: CollectionsAccount[] = [];
  for (const group of aging.customers) {
    if (group.overdue <= 0) continue;
    const code = ledger.currencies[group.currency]!;
    const invoices: OverdueInvoice[] = [];
    let priority = 0;
    for (let k = group.itemStart; k < group.itemEnd; k++) {
      const item = aging.items[k]!;
      const open = aging.open[k]!;
      const daysPastDue = asOf - ledger.due[item]!;
      if (open <= 0 || daysPastDue <= 0) continue;
      priority += open * daysPastDue;
      invoices.push({
        item,
        open,
        daysPastDue,
        stage: dunningStage(settings.ladder, daysPastDue),
        interest: settings.interest ? lateInterest(open, daysPastDue, rate) : 0,
        compensation: settings.compensation
          ? recoveryCompensation(settings.compensationEur, code, settings.eurRates[code], minorUnitExponent(code))
          : undefined,
      });
    }
    const last = lastPayment[group.customer]!;
    const compensations = invoices.map((i) => i.compensation);
    accounts.push({
      customer: group.customer,
      currency: group.currency,
      overdue: group.overdue,
      oldestOverdueDays: group.oldestOverdueDays,
      priority,
      stage: dunningStage(settings.ladder, group.oldestOverdueDays),
      daysSinceLastPayment: last < 0 ? undefined : asOf - last,
      interest: invoices.reduce((sum, i) => sum + i.interest, 0),
      compensation: compensations.some((c) => c === undefined) ? undefined : compensations.reduce<number>((sum, c) => sum + (c ?? 0), 0),
      invoices,
    });
  }
  // Largest currency first, then by priority; ties by customer name so the order never depends on rows.
  const overdueByCurrency = new Map<number, number>();
  for (const a of accounts) overdueByCurrency.set(a.currency, (overdueByCurrency.get(a.currency) ?? 0) + a.overdue);
  return accounts.sort(
    (a, b) =>
      overdueByCurrency.get(b.currency)! - overdueByCurrency.get(a.currency)! ||
      b.priority - a.priority ||
      (ledger.customers[a.customer]!.name < ledger.customers[b.customer]!.name ? -1 : 1),
  );
}

const text: ColumnStyle = { kind: "text" };
const amount: ColumnStyle = { kind: "amount" };
const days: ColumnStyle = { kind: "days" };
const integer: ColumnStyle = { kind: "integer", numberFormat: "#,##0" };

/** AR Collections: the worklist as a filterable table, and the overdue invoices behind it with interest. */
export function collectionsSheet(ledger: Ledger, aging: Aging, accounts: readonly CollectionsAccount[], settings: CollectionsSettings, language: Language): ReportSheet {
  const stageText = (stage: DunningStage | undefined) => (stage ? label(`stage.${stage}` as LabelKey, language) : "");
  const actionText = (stage: DunningStage | undefined) => (stage ? label(`action.${stage}` as LabelKey, language) : "");
  const rate = settings.referenceRatePercent + settings.marginPercent;
  const note = settings.interest
    ? label("interestNote", language, rate.toFixed(2), settings.referenceRatePercent.toFixed(2), settings.marginPercent.toFixed(2), String(settings.compensationEur))
    : label("interestOff", language);
  const compensationValue = (minor: number | undefined, code: string): ReportValue =>
    !settings.compensation ? null : minor === undefined ? label("noRate", language) : major(minor, code);
  const worklist: ReportValue[][] = accounts.map((a) => {
    const code = ledger.currencies[a.currency]!;
    const customer = ledger.customers[a.customer]!;
    return [
      customer.name, customer.id, code, major(a.overdue, code), a.oldestOverdueDays,
      Math.round(major(a.priority, code)), stageText(a.stage), actionText(a.stage),
      a.daysSinceLastPayment ?? label("never", language), major(a.interest, code), compensationValue(a.compensation, code),
      customer.email, customer.phone, customer.collector,
    ];
  });
  const detail: ReportValue[][] = accounts.flatMap((a) => {
    const code = ledger.currencies[a.currency]!;
    return a.invoices.map((inv) => [
      ledger.customers[a.customer]!.name, ledger.document[inv.item]!, serialFromDay(ledger.due[inv.item]!), code,
      major(inv.open, code), inv.daysPastDue, stageText(inv.stage), major(inv.interest, code), compensationValue(inv.compensation, code),
    ]);
  });
  const detailRow = 4 + Math.max(worklist.length, 1) + 3;
  return {
    key: "collections",
    name: label("collectionsSheet", language),
    columnWidths: [34, 12, 9, 15, 12, 16, 18, 34, 12, 14, 16, 28, 18, 16],
    texts: [
      { row: 0, column: 0, text: label("collectionsTitle", language, isoFromDay(aging.asOf)), role: "title" },
      { row: 1, column: 0, text: note, role: "note" },
      { row: detailRow - 1, column: 0, text: label("invoiceDetail", language), role: "subtitle" },
    ],
    blocks: [
      {
        row: 3, column: 0,
        header: [
          label("customer", language), label("customerId", language), label("currency", language), label("overdue", language),
          label("oldestOverdue", language), label("priority", language), label("stage", language), label("nextAction", language),
          label("daysSincePayment", language), label("interest", language), label("compensation", language), label("email", language),
          label("phone", language), label("collector", language),
        ],
        rows: worklist,
        columns: [text, text, text, amount, days, integer, text, text, days, amount, amount, text, text, text],
        table: { name: "ArCollections" },
      },
      {
        row: detailRow, column: 0,
        header: [
          label("customer", language), label("document", language), label("dueDate", language), label("currency", language),
          label("open", language), label("daysPastDue", language), label("stage", language), label("interest", language), label("compensation", language),
        ],
        rows: detail,
        columns: [text, text, { kind: "date" }, text, amount, days, text, amount, amount],
        table: { name: "ArOverdueInvoices" },
      },
    ],
    charts: [],
    freeze: { rows: 4, columns: 1 },
    conditionalFormats: worklist.length > 0 ? [{ kind: "dataBar", range: `F5:F${4 + worklist.length}`, color: "C0504D" }] : [],
    pageSetup: { orientation: "landscape", fitToWidth: true },
  };
}
