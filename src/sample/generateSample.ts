/**
 * A deterministic synthetic receivables workbook — an invoice register and a payments list as an ERP would
 * export them — for demos, benchmarks and end-to-end tests of the engine.
 *
 * Each customer has a payment habit (prompt, slow, seasonal, disputing, defaulting) drawn from the seed. The
 * habit shows only in the dates and amounts; no label or parameter is written anywhere, so a forecasting model
 * has to learn it from the data as it would from a real ledger.
 *
 * Money stays in integer cents until a cell is emitted. Randomness comes only from the seeded source, and the
 * history ends on a fixed day, so the same options always give the same workbook.
 */
import { civilFromDay, dayFromCivil, isoFromDay } from "../engine/dates/civil";
import type { ReportBlock, ReportSheet, ReportValue, ReportWorkbook, RowRole } from "../engine/report/model";
import { uniqueCompanyNames } from "./companyNames";
import { createRandom, type Random } from "./random";
import type { SampleBadRow, SampleFacts, SampleProblem } from "./sampleFacts";
import {
  INVOICE_COLUMNS,
  INVOICES_SHEET,
  PAYMENT_COLUMNS,
  PAYMENTS_SHEET,
  columnLetter,
  invoiceColumn,
} from "./sampleLayout";

export { sampleFacts } from "./sampleFacts";
export type { SampleBadRow, SampleFacts, SampleProblem } from "./sampleFacts";

export interface SampleOptions {
  /** Any integer; default `SAMPLE_DEFAULT_SEED`. */
  seed?: number;
  /** Number of invoices (credit notes come on top); at least 10; default 4,000. */
  invoices?: number;
  /** Last day of the history as a day number (Excel serial); default `SAMPLE_END_DAY`. */
  endDay?: number;
}

/** 2026-11-30: a fixed last day, never "today", so the sample is the same on every run. */
export const SAMPLE_END_DAY: number = dayFromCivil(2026, 11, 30);
export const SAMPLE_DEFAULT_SEED = 20261130;
export const SAMPLE_DEFAULT_INVOICES = 4000;

/** Invoice dates lie in [endDay − HISTORY_DAYS + 1, endDay]: two years. */
export const SAMPLE_HISTORY_DAYS = 730;
const MIN_INVOICES = 10;
const MAX_CUSTOMERS = 150;
/** First day number that is also a plain Excel serial (1900-03-01, after the fictitious 1900-02-29). */
const FIRST_PLAIN_SERIAL = 61;

const COMPANY = "Example Trading Sp. z o.o.";
const TEXT_AMOUNT = "n/a";
const IMPOSSIBLE_DATE = "31.02.2025";

type Habit = "prompt" | "slow" | "seasonal" | "disputing" | "defaulting";
type Currency = "PLN" | "EUR";

/** Share of customers per habit (largest-remainder quotas, so every habit appears from 10 customers on). */
const HABIT_MIX: ReadonlyArray<readonly [Habit, number]> = [
  ["prompt", 0.4],
  ["slow", 0.24],
  ["seasonal", 0.14],
  ["disputing", 0.14],
  ["defaulting", 0.08],
];
const EUR_SHARE = 0.15;
const COLLECTORS = ["Anna Nowak", "Piotr Zieliński", "Katarzyna Wójcik", "Marek Lewandowski"] as const;
const TERM_DAYS = [7, 14, 14, 21, 30, 30, 30, 45, 60] as const;

/** How a customer words its transfer titles; a customer keeps one wording. */
interface Wording {
  readonly single: ReadonlyArray<(invoice: string) => string>;
  readonly pair: (first: string, second: string) => string;
  readonly partFirst: (invoice: string) => string;
  readonly partRest: (invoice: string) => string;
  readonly unreferenced: ReadonlyArray<string | null>;
}

const POLISH_WORDING: Wording = {
  single: [
    (n) => `Zapłata za ${n}`,
    (n) => n,
    (n) => `Faktura ${n}`,
    (n) => `Przelew za fakturę ${n}`,
    (n) => `${n} dziękujemy`,
  ],
  pair: (a, b) => `Zapłata za faktury ${a}, ${b}`,
  partFirst: (n) => `Częściowa zapłata ${n}`,
  partRest: (n) => `Dopłata do ${n}`,
  unreferenced: ["Przelew", "Wpłata na poczet należności", null, "Przelew przychodzący"],
};

const ENGLISH_WORDING: Wording = {
  single: [(n) => `Payment ${n}`, (n) => n, (n) => `Invoice ${n}`, (n) => `INV ${n}`],
  pair: (a, b) => `Payment INV ${a}, ${b}`,
  partFirst: (n) => `${n} partial`,
  partRest: (n) => `${n} balance`,
  unreferenced: ["Transfer", "Payment on account", null],
};

interface Customer {
  readonly id: string;
  readonly name: string;
  readonly currency: Currency;
  readonly habit: Habit;
  readonly termDays: number;
  readonly terms: string;
  readonly collector: string;
  readonly email: string;
  readonly phone: string;
  readonly wording: Wording;
  readonly singleReference: (invoice: string) => string;
  /** Invoices are dated within [firstDay, lastDay] (late onboarding; a defaulter is cut off). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Defaulting: no payment is made on or after this day. Infinity for everyone else. */
  readonly stopDay: number;
  /** Slow and disputing: typical days paid after the due date; slow also has a spread. */
  readonly meanDelay: number;
  readonly spread: number;
  readonly disputeRate: number;
  /** Chance that a payment also covers the customer's previous invoice (one transfer for two invoices). */
  readonly mergeRate: number;
  readonly unreferencedRate: number;
  readonly medianCents: number;
  /** Relative number of invoices. */
  readonly activity: number;
}

interface InvoiceDraft {
  readonly customer: number;
  readonly day: number;
  readonly cents: number;
  readonly seq: number;
  dueDay: number;
  number: string;
  problem: SampleProblem | undefined;
}

interface CreditDraft {
  readonly customer: number;
  readonly day: number;
  readonly cents: number;
  readonly invoice: string;
  readonly seq: number;
  number: string;
}

interface PaymentDraft {
  readonly customer: number;
  day: number;
  cents: number;
  reference: string | null;
  readonly seq: number;
}

/** Element of a list the caller knows is long enough; an out-of-range index is a programmer error. */
function item<T>(items: readonly T[], index: number): T {
  if (index < 0 || index >= items.length) throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  return items[index] as T;
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder, ties to the lower index), so the
 * parts always sum to `total`.
 */
function allocate(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (weightSum > 0 ? (total * weight) / weightSum : total / weights.length));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((sum, part) => sum + part, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = item(parts, index) + 1;
    left--;
  }
  return parts;
}

/** Weekday index with 0 = Saturday: day 0 (1899-12-30) was a Saturday. */
function weekday(day: number): number {
  return ((day % 7) + 7) % 7;
}

/** The day itself, or the Monday after when it falls on a weekend (banks and ERPs book on working days). */
function workingDayFrom(day: number): number {
  const w = weekday(day);
  return w === 0 ? day + 2 : w === 1 ? day + 1 : day;
}

/** A working day drawn uniformly from [low, high] (rejection sampling; the span always holds weekdays). */
function randomWorkingDay(random: Random, low: number, high: number): number {
  for (let attempt = 0; attempt < 50; attempt++) {
    const day = random.int(low, high);
    if (weekday(day) > 1) return day;
  }
  return Math.min(high, workingDayFrom(low));
}

/** A part of `total` between the two shares, at least 1 cent and leaving at least 1 cent. */
function share(random: Random, total: number, low: number, high: number): number {
  if (total < 2) return total;
  const part = Math.round(total * (low + (high - low) * random.next()));
  return Math.min(total - 1, Math.max(1, part));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\b(sp\. z o\.o\.|sp\.j\.|sp\.k\.|s\.a\.|s\.r\.o\.|p\.h\.u\.|b\.v\.|inc\.|gmbh|ltd|ab)/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function phoneNumber(random: Random): string {
  if (random.chance(0.6)) {
    const prefix = random.pick(["50", "51", "53", "60", "66", "69", "72", "78", "79", "88"]);
    return `+48 ${prefix}${random.int(0, 9)} ${pad(random.int(0, 999), 3)} ${pad(random.int(0, 999), 3)}`;
  }
  const area = random.pick(["22", "12", "61", "71", "58", "42", "32", "81"]);
  return `+48 ${area} ${random.int(100, 999)} ${pad(random.int(0, 99), 2)} ${pad(random.int(0, 99), 2)}`;
}

function buildCustomers(random: Random, count: number, startDay: number, endDay: number): Customer[] {
  const eurCount = Math.max(1, Math.round(count * EUR_SHARE));
  const currencies = random.shuffle(Array.from({ length: count }, (_, i): Currency => (i < eurCount ? "EUR" : "PLN")));
  const quotas = allocate(count, HABIT_MIX.map(([, weight]) => weight));
  const habits = random.shuffle(
    HABIT_MIX.flatMap(([habit], k) => Array.from({ length: item(quotas, k) }, () => habit)),
  );
  const names = uniqueCompanyNames(
    random,
    currencies.map((currency) => (currency === "EUR" ? "foreign" : "polish")),
  );

  return names.map((name, index): Customer => {
    const currency = item(currencies, index);
    const habit = item(habits, index);
    // Foreign customers write English; some Polish ones do too.
    const english = currency === "EUR" || random.chance(0.2);
    const wording = english ? ENGLISH_WORDING : POLISH_WORDING;
    const termDays = random.pick(TERM_DAYS);
    const terms = english
      ? random.pick([`Net ${termDays}`, `${termDays} days`])
      : random.pick([`${termDays} dni`, `${termDays}`, `Net ${termDays}`]);
    const mailbox = english ? random.pick(["accounts", "ap", "finance"]) : random.pick(["ksiegowosc", "faktury", "biuro"]);
    const email = `${mailbox}.${slug(name)}@${currency === "EUR" ? "example.com" : "example.pl"}`;

    let firstDay = startDay;
    let lastDay = endDay;
    let stopDay = Number.POSITIVE_INFINITY;
    if (habit === "defaulting") {
      // Stops paying somewhere in the second half of the history; deliveries (invoices) stop a few weeks later.
      stopDay = random.int(startDay + Math.round(SAMPLE_HISTORY_DAYS * 0.45), endDay - 60);
      lastDay = Math.min(endDay, stopDay + random.int(15, 60));
    } else if (random.chance(0.2)) {
      firstDay = startDay + random.int(60, 540); // onboarded later: a short history
    }

    const medianPln = Math.exp(Math.log(250_000) + 0.9 * random.normal());
    return {
      id: `K${pad(index + 1, 4)}`,
      name,
      currency,
      habit,
      termDays,
      terms,
      collector: random.pick(COLLECTORS),
      email,
      phone: phoneNumber(random),
      wording,
      singleReference: random.pick(wording.single),
      firstDay,
      lastDay,
      stopDay,
      meanDelay: habit === "slow" ? random.int(15, 60) : habit === "disputing" ? random.int(0, 12) : 0,
      spread: habit === "slow" ? random.int(3, 8) : 0,
      disputeRate: habit === "disputing" ? 0.25 + 0.2 * random.next() : 0,
      mergeRate: random.chance(0.3) ? 0.15 + 0.2 * random.next() : 0,
      unreferencedRate: random.chance(0.25) ? 0.1 + 0.2 * random.next() : 0.01,
      // Defaulters are mostly smaller firms; EUR amounts at roughly 4.3 PLN per euro.
      medianCents: Math.max(
        5_000,
        Math.round(((habit === "defaulting" ? 0.5 : 1) * medianPln) / (currency === "EUR" ? 4.3 : 1)),
      ),
      activity: Math.exp(0.8 * random.normal()) * ((lastDay - firstDay + 1) / SAMPLE_HISTORY_DAYS),
    };
  });
}

/** Log-normal around the customer's median; one in ten is a round amount. 15.00 to 500,000.00. */
function invoiceCents(random: Random, customer: Customer): number {
  let cents = Math.round(customer.medianCents * Math.exp(0.6 * random.normal()));
  if (random.chance(0.1)) cents = Math.max(10_000, Math.round(cents / 10_000) * 10_000);
  return Math.min(50_000_000, Math.max(1_500, cents));
}

/** Days after the due date the customer pays this invoice (negative = early), before any dispute. */
function habitDelay(random: Random, customer: Customer, dueDay: number): number {
  switch (customer.habit) {
    case "prompt":
      return random.chance(0.06) ? random.int(5, 20) : random.int(-5, 4);
    case "slow":
      return Math.max(5, Math.round(customer.meanDelay + customer.spread * random.normal()));
    case "seasonal": {
      const { month } = civilFromDay(dueDay);
      return month === 7 || month === 8 || month === 12 ? random.int(20, 45) : random.int(-3, 5);
    }
    case "disputing":
      return customer.meanDelay + random.int(-3, 8);
    case "defaulting":
      // Pays normally, drifting late in the last months before it stops.
      return random.int(-2, 12) + (dueDay > customer.stopDay - 100 ? random.int(10, 45) : 0);
  }
}

/** Next number in a per-month series, e.g. "FV/2025/03/0012". Call in date order. */
function documentNumber(prefix: string, day: number, counters: Map<number, number>): string {
  const { year, month } = civilFromDay(day);
  const key = year * 100 + month;
  const next = (counters.get(key) ?? 0) + 1;
  counters.set(key, next);
  return `${prefix}/${year}/${pad(month, 2)}/${pad(next, 4)}`;
}

/** Picks the invoices that get a deliberately bad cell: spread over the register, one per problem. */
function markBadInvoices(random: Random, invoices: InvoiceDraft[], invoicesPerCustomer: readonly number[]): void {
  const plan: ReadonlyArray<readonly [SampleProblem, number]> = [
    ["text-amount", 0.27],
    ["impossible-date", 0.52],
    ["missing-customer", 0.78],
  ];
  const jitter = Math.max(1, Math.floor(invoices.length * 0.05));
  for (const [problem, fraction] of plan) {
    let index = Math.floor(invoices.length * fraction) + random.int(0, jitter - 1);
    for (let step = 0; step < invoices.length; step++, index++) {
      const invoice = item(invoices, index % invoices.length);
      // The row without a customer must not be its customer's only invoice, or the customer would vanish.
      const eligible =
        invoice.problem === undefined &&
        (problem !== "missing-customer" || item(invoicesPerCustomer, invoice.customer) >= 2);
      if (eligible) {
        invoice.problem = problem;
        break;
      }
    }
  }
}

/**
 * Credit notes and payments for every invoice, following the customer's habit. A payment that would fall after
 * `endDay` (or on/after a defaulter's stop day) is not made, so the invoice stays open.
 */
function settleInvoices(
  random: Random,
  customers: readonly Customer[],
  invoices: readonly InvoiceDraft[],
  endDay: number,
): { credits: CreditDraft[]; payments: PaymentDraft[] } {
  const credits: CreditDraft[] = [];
  const payments: PaymentDraft[] = [];
  // The customer's previous invoice when it was paid by a plain referenced transfer: a candidate to share one.
  const previousSingle: Array<{ payment: PaymentDraft; invoice: string } | undefined> = customers.map(() => undefined);

  const payable = (customer: Customer, day: number): boolean => day <= endDay && day < customer.stopDay;
  const pay = (customerIndex: number, day: number, cents: number, reference: string | null): PaymentDraft | undefined => {
    const bankDay = workingDayFrom(day);
    if (cents <= 0 || !payable(item(customers, customerIndex), bankDay)) return undefined;
    const payment: PaymentDraft = { customer: customerIndex, day: bankDay, cents, reference, seq: payments.length };
    payments.push(payment);
    return payment;
  };
  const credit = (customerIndex: number, day: number, cents: number, invoice: string): void => {
    credits.push({ customer: customerIndex, day, cents, invoice, seq: credits.length, number: "" });
  };

  for (const invoice of invoices) {
    const ci = invoice.customer;
    const customer = item(customers, ci);
    const previous = previousSingle[ci];
    previousSingle[ci] = undefined;
    // A bad row is left unsettled, so no payment points at a row the engine has to drop.
    if (invoice.problem !== undefined) continue;

    let open = invoice.cents;
    let payDay = Math.max(invoice.day + 1, invoice.dueDay + habitDelay(random, customer, invoice.dueDay));
    let mergeable = true;

    if (customer.habit === "disputing" && random.chance(customer.disputeRate)) {
      if (random.chance(0.55)) {
        // Settled by a credit note for part (sometimes all) of the amount; the rest is paid after that.
        const creditDay = workingDayFrom(invoice.day + random.int(7, 45));
        if (creditDay > endDay) continue; // dispute still running: nothing paid yet
        const credited = random.chance(0.12) ? open : share(random, open, 0.1, 0.5);
        credit(ci, creditDay, credited, invoice.number);
        open -= credited;
        payDay = Math.max(payDay, creditDay + random.int(2, 15));
        if (random.chance(0.15)) continue; // the rest is never paid
        mergeable = false;
      } else {
        // Pays what it does not dispute; the rest later, or never.
        const first = share(random, open, 0.4, 0.8);
        pay(ci, payDay, first, customer.wording.partFirst(invoice.number));
        if (random.chance(0.5)) {
          pay(ci, payDay + random.int(30, 120), open - first, customer.wording.partRest(invoice.number));
        }
        continue;
      }
    } else if (random.chance(0.01)) {
      // Goods returned: a credit note for part of the invoice.
      const creditDay = workingDayFrom(invoice.day + random.int(3, 20));
      if (creditDay <= endDay) {
        const credited = share(random, open, 0.05, 0.3);
        credit(ci, creditDay, credited, invoice.number);
        open -= credited;
        mergeable = false;
      }
    }
    if (open <= 0) continue;

    const roll = random.next();
    if (roll < 0.04) {
      // Two instalments.
      const first = share(random, open, 0.3, 0.7);
      pay(ci, payDay, first, customer.wording.partFirst(invoice.number));
      pay(ci, payDay + random.int(7, 30), open - first, customer.wording.partRest(invoice.number));
    } else if (roll < 0.052) {
      // Overpaid slightly: leaves a credit balance.
      const extra = Math.max(1, Math.round(open * (0.002 + 0.02 * random.next())));
      pay(ci, payDay, open + extra, customer.singleReference(invoice.number));
    } else if (roll < 0.064 && open > 1) {
      // Underpaid by 0.01: a residue that stays open.
      pay(ci, payDay, open - 1, customer.singleReference(invoice.number));
    } else if (random.chance(customer.unreferencedRate)) {
      pay(ci, payDay, open, random.pick(customer.wording.unreferenced));
    } else {
      const bankDay = workingDayFrom(payDay);
      if (
        mergeable &&
        previous !== undefined &&
        payable(customer, bankDay) &&
        Math.abs(previous.payment.day - bankDay) <= 7 &&
        random.chance(customer.mergeRate)
      ) {
        // One transfer for this and the previous invoice, on the later of the two days.
        previous.payment.day = Math.max(previous.payment.day, bankDay);
        previous.payment.cents += open;
        previous.payment.reference = customer.wording.pair(previous.invoice, invoice.number);
      } else {
        const payment = pay(ci, payDay, open, customer.singleReference(invoice.number));
        if (payment !== undefined && mergeable) previousSingle[ci] = { payment, invoice: invoice.number };
      }
    }
  }
  return { credits, payments };
}

function validated(options: SampleOptions): { seed: number; invoices: number; endDay: number } {
  const seed = options.seed ?? SAMPLE_DEFAULT_SEED;
  const invoices = options.invoices ?? SAMPLE_DEFAULT_INVOICES;
  const endDay = options.endDay ?? SAMPLE_END_DAY;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(invoices) || invoices < MIN_INVOICES) {
    throw new RangeError(`invoices must be an integer ≥ ${MIN_INVOICES}, got ${invoices}`);
  }
  if (!Number.isInteger(endDay) || endDay - SAMPLE_HISTORY_DAYS + 1 < FIRST_PLAIN_SERIAL) {
    throw new RangeError(`endDay must be an integer day number from ${FIRST_PLAIN_SERIAL + SAMPLE_HISTORY_DAYS - 1}`);
  }
  return { seed, invoices, endDay };
}

/**
 * The sample workbook together with its facts (bad rows, counts) as recorded while generating.
 * `sampleFacts(workbook)` reads the same facts back from the workbook.
 */
export function generateSampleWithFacts(options: SampleOptions = {}): { workbook: ReportWorkbook; facts: SampleFacts } {
  const { seed, invoices: invoiceCount, endDay } = validated(options);
  const random = createRandom(seed);
  const startDay = endDay - SAMPLE_HISTORY_DAYS + 1;

  const customerCount = Math.min(MAX_CUSTOMERS, Math.max(5, Math.floor(invoiceCount / 10)));
  const customers = buildCustomers(random, customerCount, startDay, endDay);

  // Every customer gets at least one invoice; the rest follow activity (and how long the customer was active).
  const invoicesPerCustomer = allocate(
    invoiceCount - customerCount,
    customers.map((customer) => customer.activity),
  ).map((count) => count + 1);

  const invoices: InvoiceDraft[] = [];
  customers.forEach((customer, ci) => {
    for (let k = 0; k < item(invoicesPerCustomer, ci); k++) {
      const day = randomWorkingDay(random, customer.firstDay, customer.lastDay);
      invoices.push({
        customer: ci,
        day,
        cents: invoiceCents(random, customer),
        seq: invoices.length,
        dueDay: day + customer.termDays,
        number: "",
        problem: undefined,
      });
    }
  });
  invoices.sort((a, b) => a.day - b.day || a.customer - b.customer || a.seq - b.seq);
  const invoiceCounters = new Map<number, number>();
  for (const invoice of invoices) invoice.number = documentNumber("FV", invoice.day, invoiceCounters);

  markBadInvoices(random, invoices, invoicesPerCustomer);
  const { credits, payments } = settleInvoices(random, customers, invoices, endDay);

  credits.sort((a, b) => a.day - b.day || a.seq - b.seq);
  const creditCounters = new Map<number, number>();
  for (const note of credits) note.number = documentNumber("KOR", note.day, creditCounters);
  payments.sort((a, b) => a.day - b.day || a.seq - b.seq);

  // Register: invoices and credit notes merged by date (invoices first on a tie), then the totals row.
  const rows: ReportValue[][] = [];
  const badRows: SampleBadRow[] = [];
  let totalCents = 0;
  const invoiceRow = (invoice: InvoiceDraft): ReportValue[] => {
    const customer = item(customers, invoice.customer);
    const problem = invoice.problem;
    if (problem !== undefined) {
      const column = { "text-amount": "Amount", "impossible-date": "Invoice Date", "missing-customer": "Customer" } as const;
      badRows.push({
        sheet: INVOICES_SHEET.name,
        row: INVOICES_SHEET.blockRow + 2 + rows.length,
        column: columnLetter(invoiceColumn(column[problem])),
        problem,
      });
    }
    if (problem !== "text-amount") totalCents += invoice.cents;
    const missing = problem === "missing-customer";
    return [
      invoice.number,
      missing ? null : customer.name,
      missing ? null : customer.id,
      problem === "impossible-date" ? IMPOSSIBLE_DATE : invoice.day,
      invoice.dueDay,
      customer.terms,
      problem === "text-amount" ? TEXT_AMOUNT : invoice.cents / 100,
      customer.currency,
      "Invoice",
      null,
      customer.collector,
      customer.email,
      customer.phone,
    ];
  };
  const creditRow = (note: CreditDraft): ReportValue[] => {
    const customer = item(customers, note.customer);
    totalCents -= note.cents;
    // A credit note is due at once; it has no terms of its own.
    return [
      note.number,
      customer.name,
      customer.id,
      note.day,
      note.day,
      null,
      -note.cents / 100,
      customer.currency,
      "Credit note",
      note.invoice,
      customer.collector,
      customer.email,
      customer.phone,
    ];
  };
  let c = 0;
  for (const invoice of invoices) {
    for (; c < credits.length && item(credits, c).day < invoice.day; c++) rows.push(creditRow(item(credits, c)));
    rows.push(invoiceRow(invoice));
  }
  for (; c < credits.length; c++) rows.push(creditRow(item(credits, c)));

  if (!Number.isSafeInteger(totalCents)) throw new RangeError("register total beyond safe integer cents");
  const totalRow: ReportValue[] = INVOICE_COLUMNS.map(() => null);
  totalRow[0] = "Total";
  totalRow[invoiceColumn("Amount")] = totalCents / 100;
  const rowRoles = new Map<number, RowRole>([[rows.length, "total"]]);
  rows.push(totalRow);

  const invoiceBlock: ReportBlock = {
    row: INVOICES_SHEET.blockRow,
    column: 0,
    header: INVOICE_COLUMNS.map(([label]) => label),
    rows,
    columns: INVOICE_COLUMNS.map(([, kind]) => ({ kind })),
    rowRoles,
  };
  const invoiceSheet: ReportSheet = {
    key: INVOICES_SHEET.key,
    name: INVOICES_SHEET.name,
    columnWidths: [17, 40, 12, 12, 12, 9, 14, 9, 12, 18, 20, 46, 17],
    texts: [
      { row: 0, column: 0, text: `Invoice register — ${COMPANY}`, role: "title" },
      { row: 1, column: 0, text: `Exported from ERP on ${isoFromDay(endDay)}`, role: "subtitle" },
    ],
    blocks: [invoiceBlock],
    charts: [],
    freeze: { rows: INVOICES_SHEET.blockRow + 1, columns: 1 },
  };

  const paymentBlock: ReportBlock = {
    row: PAYMENTS_SHEET.blockRow,
    column: 0,
    header: PAYMENT_COLUMNS.map(([label]) => label),
    rows: payments.map((payment): ReportValue[] => {
      const customer = item(customers, payment.customer);
      return [payment.day, customer.name, payment.cents / 100, customer.currency, payment.reference];
    }),
    columns: PAYMENT_COLUMNS.map(([, kind]) => ({ kind })),
  };
  const paymentSheet: ReportSheet = {
    key: PAYMENTS_SHEET.key,
    name: PAYMENTS_SHEET.name,
    columnWidths: [13, 40, 14, 9, 52],
    texts: [{ row: 0, column: 0, text: `Payments received — ${COMPANY}`, role: "title" }],
    blocks: [paymentBlock],
    charts: [],
    freeze: { rows: PAYMENTS_SHEET.blockRow + 1, columns: 0 },
  };

  const facts: SampleFacts = {
    badRows,
    invoiceCount,
    creditNoteCount: credits.length,
    paymentCount: payments.length,
    currencies: [...new Set(customers.map((customer) => customer.currency))].sort(),
    customers: customers.length,
  };
  return { workbook: { sheets: [invoiceSheet, paymentSheet] }, facts };
}

/**
 * A synthetic receivables workbook: sheet "Invoices" (register with a totals row and three deliberately bad rows)
 * and sheet "Payments". Same options → identical workbook.
 * @example generateSample().sheets.map((sheet) => sheet.name) //=> ["Invoices", "Payments"]
 */
export function generateSample(options: SampleOptions = {}): ReportWorkbook {
  return generateSampleWithFacts(options).workbook;
}
