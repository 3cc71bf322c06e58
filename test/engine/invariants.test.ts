import fc from "fast-check";
import { receivablesJson, type ReceivablesJson } from "../../src/engine/report/receivablesJson";
import { runReceivables, type ReceivablesOptions } from "../../src/engine/runReceivables";
import type { WorkbookData } from "../../src/engine/port";
import { expectedBalances, ledgerArbitrary, ledgerWorkbook } from "../support/ledgerArbitrary";
import { dayFromCivil } from "../../src/engine/dates/civil";

const AS_OF = dayFromCivil(2024, 12, 31);
const cents = (major: number) => Math.round(major * 100);

function run(workbook: WorkbookData, options: Partial<ReceivablesOptions> = {}): ReceivablesJson {
  const result = runReceivables(workbook, { asOf: AS_OF, defaultCurrency: "PLN", ...options });
  if (!result.ok) throw new Error(`run failed: ${JSON.stringify(result.issues)}`);
  return receivablesJson(result);
}

/** Row positions are the only thing allowed to change when rows move. */
function withoutPositions(json: ReceivablesJson): unknown {
  return { ...json, openItems: json.openItems.map(({ row: _row, ...item }) => item), issues: json.issues.map(({ row: _row, ...i }) => i) };
}

describe("invariants over generated ledgers", () => {
  for (const apply of ["unapplied", "oldest-first"] as const) {
    it(`conserves money per customer and currency (${apply})`, () => {
      fc.assert(
        fc.property(ledgerArbitrary(), fc.integer({ min: dayFromCivil(2024, 1, 1), max: dayFromCivil(2025, 6, 1) }), (ledger, asOf) => {
          const json = run(ledgerWorkbook(ledger), { apply, asOf });
          const expected = expectedBalances(ledger, asOf);
          for (const customer of json.customers) {
            const key = `${customer.customer}|${customer.currency}`;
            expect(cents(customer.open)).toBe(expected.get(key) ?? 0);
          }
          const reported = new Set(json.customers.map((c) => `${c.customer}|${c.currency}`));
          for (const [key, balance] of expected) if (!reported.has(key)) expect(balance).toBe(0);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("bucket sums equal open balances, per customer and per currency", () => {
    fc.assert(
      fc.property(ledgerArbitrary(), (ledger) => {
        const json = run(ledgerWorkbook(ledger));
        for (const row of [...json.customers, ...json.totals]) {
          expect(row.buckets.reduce((sum, b) => sum + cents(b), 0)).toBe(cents(row.open));
        }
        for (const total of json.totals) {
          const items = json.openItems.filter((i) => i.currency === total.currency);
          expect(items.reduce((sum, i) => sum + cents(i.open), 0)).toBe(cents(total.open));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shuffling rows changes nothing but row numbers", () => {
    fc.assert(
      fc.property(ledgerArbitrary(), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (ledger, randoms) => {
        const shuffle = <T>(items: readonly T[]) =>
          items.map((item) => ({ item, key: randoms.next().value as number })).sort((a, b) => a.key - b.key).map((x) => x.item);
        const shuffled = { invoices: shuffle(ledger.invoices), payments: shuffle(ledger.payments) };
        for (const apply of ["unapplied", "oldest-first"] as const) {
          expect(withoutPositions(run(ledgerWorkbook(shuffled), { apply }))).toEqual(withoutPositions(run(ledgerWorkbook(ledger), { apply })));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("running twice gives identical results", () => {
    fc.assert(
      fc.property(ledgerArbitrary(), (ledger) => {
        const workbook = ledgerWorkbook(ledger);
        expect(run(workbook)).toEqual(run(workbook));
      }),
      { numRuns: 50 },
    );
  });

  it("an as-of date past the last document gives the current state", () => {
    fc.assert(
      fc.property(ledgerArbitrary(), fc.integer({ min: 1, max: 3000 }), (ledger, later) => {
        const last = Math.max(...ledger.invoices.map((i) => i.date), ...ledger.payments.map((p) => p.date));
        const a = run(ledgerWorkbook(ledger), { asOf: last });
        const b = run(ledgerWorkbook(ledger), { asOf: last + later });
        const balances = (json: ReceivablesJson) => json.openItems.map((i) => [i.document, i.open]);
        expect(balances(b)).toEqual(balances(a));
      }),
      { numRuns: 100 },
    );
  });
});
