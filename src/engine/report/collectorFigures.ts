import { collectionEffectivenessIndex } from "../kpis/kpis";
import { openAt, type Applications } from "../ledger/applyCash";
import { giveBack } from "../ledger/columnArrays";
import { KIND_CREDIT, KIND_INVOICE, KIND_PAYMENT, type Ledger } from "../ledger/ledger";
import type { Period } from "../periods/fiscalPeriods";

export interface CollectorFigures {
  /** "" for customers without a collector. */
  readonly collector: string;
  readonly currency: number;
  readonly collected: number;
  readonly overdueAtStart: number;
  readonly overdueAtEnd: number;
  readonly cei: number | undefined;
}

/**
 * Per collector (the owner column of the invoice sheet, per customer) and currency over a period: cash collected,
 * overdue balance at the start and the end, and CEI on the collector's customers. Undefined when the data has no
 * collector column (every customer unassigned).
 */
export function collectorFigures(ledger: Ledger, applications: Applications, period: Period): CollectorFigures[] | undefined {
  if (ledger.customers.every((c) => c.collector === "")) return undefined;
  const names = [...new Set(ledger.customers.map((c) => c.collector))].sort();
  const collectorOf = ledger.customers.map((c) => names.indexOf(c.collector));
  const currencies = ledger.currencies.length;
  const width = 7; // collected, overdueStart, overdueEnd, opening, sales, closing, closingCurrent
  const sums = new Float64Array(names.length * currencies * width);
  const slot = (i: number) => (collectorOf[ledger.customer[i]!]! * currencies + ledger.currency[i]!) * width;
  const before = openAt(ledger, applications, period.start - 1);
  const after = openAt(ledger, applications, period.end);
  for (let i = 0; i < ledger.count; i++) {
    const s = slot(i);
    const date = ledger.date[i]!;
    const kind = ledger.kind[i]!;
    if (date >= period.start && date <= period.end) {
      if (kind === KIND_PAYMENT) sums[s]! -= ledger.amount[i]!;
      if (kind === KIND_INVOICE || kind === KIND_CREDIT) sums[s + 4]! += ledger.amount[i]!;
    }
    const due = ledger.due[i]!;
    if (before[i]! > 0 && due < period.start - 1) sums[s + 1]! += before[i]!;
    if (after[i]! > 0 && due < period.end) sums[s + 2]! += after[i]!;
    sums[s + 3]! += before[i]!;
    sums[s + 5]! += after[i]!;
    if (due >= period.end) sums[s + 6]! += after[i]!;
  }
  giveBack(ledger, before);
  giveBack(ledger, after);
  const rows: CollectorFigures[] = [];
  for (let n = 0; n < names.length; n++) {
    for (let c = 0; c < currencies; c++) {
      const s = (n * currencies + c) * width;
      if (sums.subarray(s, s + width).every((v) => v === 0)) continue;
      rows.push({
        collector: names[n]!,
        currency: c,
        collected: sums[s]!,
        overdueAtStart: sums[s + 1]!,
        overdueAtEnd: sums[s + 2]!,
        cei: collectionEffectivenessIndex(sums[s + 3]!, sums[s + 4]!, sums[s + 5]!, sums[s + 6]!),
      });
    }
  }
  return rows;
}
