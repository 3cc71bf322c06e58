import { KIND_PAYMENT, type Ledger } from "../ledger/ledger";
import { GRID, MAX_DELAY, MIN_DELAY, kaplanMeierOf } from "./delayCurves";
import { UNSETTLED, type SettlementHistory } from "./settlementHistory";

/**
 * Customers who stopped paying. A customer is silent when it has received no payment for `silenceDays` while
 * owing overdue items: its silence s is the time since the later of its last payment and the due date of its
 * oldest overdue item. Whether a silent customer pays again is learnt from the portfolio's gaps between
 * consecutive payment days (a Kaplan–Meier curve G, each customer's current gap censored): it resumes with
 * probability 1 − G(end) / G(s) — near 1 for a silence many customers have ended, near 0 for one only those who
 * never paid again have reached. Payments count whether or not they were applied to an invoice: a customer
 * paying on account is not silent.
 * @returns per customer the probability it pays again: 1 for customers that are not silent.
 */
export function resumeChances(ledger: Ledger, history: SettlementHistory, silenceDays: number, decay: number): Float64Array {
  const { asOf } = history;
  const customers = ledger.customers.length;
  const chance = new Float64Array(customers).fill(1);
  // Payment days per customer: a stable counting sort by customer keeps the sheet's order, which is by date in
  // nearly every export; a customer whose days are not is sorted on its own.
  const { kind, amount, date, customer } = ledger;
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < ledger.count; i++) if (kind[i] === KIND_PAYMENT && amount[i]! < 0 && date[i]! <= asOf) start[customer[i]! + 1]!++;
  for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
  const days = new Float64Array(start[customers]!);
  const cursor = start.slice(0, customers);
  for (let i = 0; i < ledger.count; i++) if (kind[i] === KIND_PAYMENT && amount[i]! < 0 && date[i]! <= asOf) days[cursor[customer[i]!]!++] = date[i]!;
  const lastPaid = new Int32Array(customers).fill(-1);
  // Gaps between consecutive payment days (settled), then each customer's current gap (censored).
  const capacity = days.length + customers;
  const delay = new Int32Array(capacity);
  const event = new Uint8Array(capacity);
  const weight = new Float64Array(capacity);
  let size = 0;
  for (let c = 0; c < customers; c++) {
    const from = start[c]!;
    const to = start[c + 1]!;
    if (from === to) continue;
    for (let q = from + 1; q < to; q++) {
      if (days[q]! < days[q - 1]!) {
        days.subarray(from, to).sort();
        break;
      }
    }
    for (let q = from + 1; q < to; q++) {
      if (days[q] === days[q - 1]) continue;
      delay[size] = days[q]! - days[q - 1]!;
      event[size] = 1;
      weight[size++] = Math.exp(-decay * (asOf - days[q]!));
    }
    lastPaid[c] = days[to - 1]!;
    delay[size] = asOf - lastPaid[c]!;
    weight[size++] = 1;
  }
  if (size === 0) return chance;
  const survival = new Float64Array(GRID);
  kaplanMeierOf({ size, group: new Int32Array(size), delay, event, weight }, 0, survival);

  const oldestOverdue = new Int32Array(customers).fill(UNSETTLED);
  const { debits, settledOn } = history;
  for (let k = 0; k < debits.length; k++) {
    if (settledOn[k] !== UNSETTLED) continue;
    const i = debits[k]!;
    const due = ledger.due[i]!;
    if (due < asOf && due < oldestOverdue[customer[i]!]!) oldestOverdue[customer[i]!] = due;
  }
  const end = survival[GRID - 1]!;
  for (let c = 0; c < customers; c++) {
    if (oldestOverdue[c] === UNSETTLED) continue;
    const silence = asOf - Math.max(lastPaid[c]!, oldestOverdue[c]!);
    if (silence < silenceDays) continue;
    const atSilence = survival[Math.min(MAX_DELAY, silence) - MIN_DELAY]!;
    chance[c] = atSilence > 0 ? Math.max(0, 1 - end / atSilence) : 0;
  }
  return chance;
}

