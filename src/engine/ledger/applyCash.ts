import { documentOrder, documentPositions } from "./documentOrder";
import { KIND_INVOICE, type Ledger } from "./ledger";
import { borrowFloat64, borrowInt32, float64Column, giveBack, int32Column } from "./columnArrays";

/** What happens to cash that does not match an invoice. */
export type ApplyMode = "unapplied" | "oldest-first";

/**
 * Applications of credits (payments, credit notes) to debits (invoices, refunds), each dated when both sides
 * exist. Because every application depends only on documents dated on or before it, the open amounts at any
 * date follow from these rows alone (see `openAt`): an invoice paid later is open again as of an earlier date.
 */
export interface Applications {
  readonly count: number;
  readonly debit: Int32Array;
  readonly credit: Int32Array;
  /** Positive minor units. */
  readonly amount: Float64Array;
  readonly date: Int32Array;
  /** Credits whose referenced invoice is in another currency (left unapplied). */
  readonly currencyMismatches: readonly number[];
  /** Credits that reference another customer's invoice (left unapplied). */
  readonly otherCustomerReferences: readonly number[];
}

/**
 * Applies cash in the order documents happen. A credit goes first to the invoices it references, up to their open
 * amounts, in the order referenced. What is left stays an unapplied credit (the default, as ERPNext, Odoo, GnuCash
 * and Xero show it) or, with "oldest-first", goes to the customer's open debits of the same currency by due date,
 * and any credit still left is used by the customer's next debits.
 * @example an invoice of 100.00 and a payment of 120.00 referencing it → one application of 100.00; the payment
 * keeps 20.00 open as a credit.
 */
export function applyCash(ledger: Ledger, mode: ApplyMode): Applications {
  const { count, amount, refStart, refs, currency, customer, date, kind, due } = ledger;
  // A debit's balance is its amount from the start: nothing settles against it before it happens (references to
  // a later invoice wait in `pending`; the oldest-first lists hold debits that happened).
  const open = borrowFloat64(ledger, count);
  for (let i = 0; i < count; i++) if (amount[i]! > 0) open[i] = amount[i]!;
  const position = documentPositions(ledger);
  // Each application settles a debit or uses up a credit (or both), so there are at most `count` of them.
  const appDebit = int32Column(count);
  const appCredit = int32Column(count);
  const appAmount = float64Column(count);
  const appDate = int32Column(count);
  let apps = 0;
  const mismatches: number[] = [];
  const otherCustomer: number[] = [];
  const pending = new Map<number, number[]>();
  const currencies = Math.max(1, ledger.currencies.length);
  const group = (i: number) => customer[i]! * currencies + currency[i]!;
  const earlier = (a: number, b: number) => due[a]! - due[b]! || date[a]! - date[b]! || a - b;

  const settle = (debit: number, credit: number, on: number) => {
    const applied = Math.min(open[debit]!, open[credit]!);
    if (applied <= 0) return;
    open[debit] = open[debit]! - applied;
    open[credit] = open[credit]! - applied;
    appDebit[apps] = debit;
    appCredit[apps] = credit;
    appAmount[apps] = applied;
    appDate[apps] = on;
    apps++;
  };

  // Oldest-first bookkeeping, per customer-and-currency group, without allocating per document: debits wait in a
  // list in arrival order and enter the group's heap (by due date) only when unreferenced cash needs them; credits
  // left over wait in a list for the group's next debits.
  const oldestFirst = mode === "oldest-first";
  const groups = oldestFirst ? Math.max(1, ledger.customers.length) * currencies : 0;
  const debitHead = new Int32Array(groups).fill(-1);
  const debitTail = new Int32Array(groups).fill(-1);
  const creditHead = new Int32Array(groups).fill(-1);
  const creditTail = new Int32Array(groups).fill(-1);
  const nextInGroup = borrowInt32(ledger, oldestFirst ? count : 0);
  const heaps = new Map<number, number[]>();

  const order = documentOrder(ledger);
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    if (amount[i]! > 0) {
      // Unapplied cash leaves a debit nothing to do on its day unless a credit waits for it.
      if (!oldestFirst && pending.size === 0) continue;
      const today = date[i]!;
      const waiting = pending.size > 0 ? pending.get(i) : undefined;
      if (waiting) {
        for (const credit of waiting) settle(i, credit, today);
        pending.delete(i);
      }
      if (oldestFirst) {
        const g = group(i);
        while (creditHead[g] !== -1 && open[i]! > 0) {
          const credit = creditHead[g]!;
          settle(i, credit, today);
          if (open[credit] === 0) creditHead[g] = nextInGroup[credit]!;
        }
        if (open[i]! > 0) {
          nextInGroup[i] = -1;
          if (debitHead[g] === -1) debitHead[g] = i;
          else nextInGroup[debitTail[g]!] = i;
          debitTail[g] = i;
        }
      }
      continue;
    }
    const today = date[i]!;
    open[i] = -amount[i]!;
    for (let r = refStart[i]!; r < refStart[i + 1]! && open[i]! > 0; r++) {
      const invoice = refs[r]!;
      if (kind[invoice] !== KIND_INVOICE) continue;
      if (customer[invoice] !== customer[i]) {
        // Cash stays with the customer who paid: moving it to another account takes a decision, not a guess.
        otherCustomer.push(i);
        continue;
      }
      if (currency[invoice] !== currency[i]) {
        mismatches.push(i);
        continue;
      }
      if (position[invoice]! < k) settle(invoice, i, today);
      else pending.set(invoice, [...(pending.get(invoice) ?? []), i]);
    }
    if (oldestFirst && open[i]! > 0) {
      const g = group(i);
      let heap = heaps.get(g);
      if (!heap) heaps.set(g, (heap = []));
      for (let d = debitHead[g]!; d !== -1; d = nextInGroup[d]!) if (open[d]! > 0) heapPush(heap, d, earlier);
      debitHead[g] = -1;
      while (heap.length > 0 && open[i]! > 0) {
        const debit = heap[0]!;
        settle(debit, i, today);
        if (open[debit] === 0) heapPop(heap, earlier);
      }
      if (open[i]! > 0) {
        nextInGroup[i] = -1;
        if (creditHead[g] === -1) creditHead[g] = i;
        else nextInGroup[creditTail[g]!] = i;
        creditTail[g] = i;
      }
    }
  }
  giveBack(ledger, open);
  giveBack(ledger, nextInGroup);
  return {
    count: apps,
    // Views, not copies: at a million documents each copy was tens of MB of new external memory, and V8 answers
    // every 64 MB or so of that with a full collection of the heap.
    debit: appDebit.subarray(0, apps),
    credit: appCredit.subarray(0, apps),
    amount: appAmount.subarray(0, apps),
    date: appDate.subarray(0, apps),
    currencyMismatches: [...new Set(mismatches)],
    otherCustomerReferences: [...new Set(otherCustomer)],
  };
}

type Compare = (a: number, b: number) => number;

function heapPush(heap: number[], value: number, compare: Compare): void {
  heap.push(value);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i]!, heap[parent]!) >= 0) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function heapPop(heap: number[], compare: Compare): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  heap[0] = last;
  for (let i = 0; ; ) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && compare(heap[left]!, heap[smallest]!) < 0) smallest = left;
    if (right < heap.length && compare(heap[right]!, heap[smallest]!) < 0) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}

/**
 * Signed open amount of every document as of a day: documents dated later are ignored, and so are applications
 * dated later. Debits are positive, unapplied credits negative.
 * The column is borrowed from the ledger's working columns (`borrowFloat64`): a caller done with it may `giveBack`.
 * @example an invoice of 100 on day 10 and its payment on day 20: openAt(…, 15)[invoice] = 100; openAt(…, 20) = 0.
 */
export function openAt(ledger: Ledger, applications: Applications, asOf: number): Float64Array {
  const open = borrowFloat64(ledger, ledger.count);
  for (let i = 0; i < ledger.count; i++) if (ledger.date[i]! <= asOf) open[i] = ledger.amount[i]!;
  for (let k = 0; k < applications.count; k++) {
    if (applications.date[k]! > asOf) continue;
    const applied = applications.amount[k]!;
    const debit = applications.debit[k]!;
    const credit = applications.credit[k]!;
    open[debit] = open[debit]! - applied;
    open[credit] = open[credit]! + applied;
  }
  return open;
}
