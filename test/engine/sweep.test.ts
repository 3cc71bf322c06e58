import fc from "fast-check";
import { dayFromCivil } from "../../src/engine/dates/civil";
import { openAt } from "../../src/engine/ledger/applyCash";
import { sweepBalances } from "../../src/engine/ledger/balanceSweep";
import { dailyFigures } from "../../src/engine/report/dailyFigures";
import type { Ledger } from "../../src/engine/ledger/ledger";
import { runReceivables } from "../../src/engine/runReceivables";
import { ledgerArbitrary, ledgerWorkbook } from "../support/ledgerArbitrary";

const AS_OF = dayFromCivil(2025, 2, 28);

/** A generated ledger's run (default cash application) and its daily view as of AS_OF. */
function dailyCase(generated: Parameters<typeof ledgerWorkbook>[0]) {
  const run = runReceivables(ledgerWorkbook(generated), { asOf: AS_OF });
  if (!run.ok) throw new Error("no run");
  return { ledger: run.ledger, applications: run.applications, daily: dailyFigures(run.ledger, run.applications, AS_OF) };
}

/** The one-pass sweep must agree with computing each day from scratch. */
describe("balance sweep", () => {
  it("gives the same open documents and balances as openAt, day by day", () => {
    fc.assert(
      fc.property(ledgerArbitrary(), fc.uniqueArray(fc.integer({ min: dayFromCivil(2023, 12, 1), max: dayFromCivil(2025, 6, 1) }), { minLength: 1, maxLength: 6 }), (generated, days) => {
        const run = runReceivables(ledgerWorkbook(generated), { asOf: AS_OF, apply: "oldest-first" });
        if (!run.ok) throw new Error("no run");
        const sorted = [...days].sort((a, b) => a - b);
        sweepBalances(run.ledger, run.applications, sorted, (day, live, liveCount, open) => {
          const expected = openAt(run.ledger, run.applications, day);
          const seen = new Map<number, number>();
          for (let r = 0; r < liveCount; r++) seen.set(live[r]!, open[live[r]!]!);
          expected.forEach((value, i) => expect(seen.get(i) ?? 0).toBe(value));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("daily figures match a day-by-day recount", () => {
    fc.assert(
      fc.property(ledgerArbitrary(), (generated) => {
        const { ledger, applications, daily } = dailyCase(generated);
        for (const point of daily.series) {
          const open = openAt(ledger, applications, point.day);
          ledger.currencies.forEach((_, c) => {
            let total = 0;
            let overdue = 0;
            let collected = 0;
            for (let i = 0; i < ledger.count; i++) {
              if (ledger.currency[i] !== c) continue;
              total += open[i]!;
              if (open[i]! > 0 && ledger.due[i]! < point.day) overdue += open[i]!;
              if (ledger.kind[i] === 2 && ledger.date[i] === point.day && ledger.amount[i]! < 0) collected -= ledger.amount[i]!;
            }
            expect([point.open[c], point.overdue[c], point.collected[c]]).toEqual([total, overdue, collected]);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it("today's and the previous business day's counts, and the customers newly overdue, match a recount", () => {
    // The daily view keeps its balances up to date change by change; this recounts both days from openAt.
    const recount = (ledger: Ledger, open: Float64Array, day: number, c: number) => {
      const figures = { openCount: 0, open: 0, overdueCount: 0, overdue: 0 };
      const byCustomer = new Map<number, number>();
      for (let i = 0; i < ledger.count; i++) {
        if (ledger.currency[i] !== c || open[i] === 0) continue;
        figures.open += open[i]!;
        if (open[i]! <= 0) continue;
        figures.openCount++;
        if (ledger.due[i]! >= day) continue;
        figures.overdueCount++;
        figures.overdue += open[i]!;
        byCustomer.set(ledger.customer[i]!, (byCustomer.get(ledger.customer[i]!) ?? 0) + open[i]!);
      }
      return { figures, byCustomer };
    };
    fc.assert(
      fc.property(ledgerArbitrary(), (generated) => {
        const { ledger, applications, daily } = dailyCase(generated);
        const expectedNewly: Array<{ customer: number; currency: number; overdue: number }> = [];
        ledger.currencies.forEach((_, c) => {
          const today = recount(ledger, openAt(ledger, applications, daily.day), daily.day, c);
          const previous = recount(ledger, openAt(ledger, applications, daily.previousDay), daily.previousDay, c);
          const { openCount, open, overdueCount, overdue } = daily.today[c]!;
          expect({ openCount, open, overdueCount, overdue }).toEqual(today.figures);
          const before = daily.previous[c]!;
          expect({ openCount: before.openCount, open: before.open, overdueCount: before.overdueCount, overdue: before.overdue }).toEqual(previous.figures);
          for (const [customer, amount] of today.byCustomer) if (!previous.byCustomer.has(customer)) expectedNewly.push({ customer, currency: c, overdue: amount });
        });
        const code = (c: number) => ledger.currencies[c]!;
        const byValue = (a: { customer: number; currency: number; overdue: number }, b: typeof a) =>
          b.overdue - a.overdue || a.customer - b.customer || (code(a.currency) < code(b.currency) ? -1 : code(a.currency) > code(b.currency) ? 1 : 0);
        expect(daily.newlyOverdue).toEqual(expectedNewly.sort(byValue));
      }),
      { numRuns: 100 },
    );
  });

  it("lists a customer overdue by the same amount in two currencies by currency code", () => {
    // Both invoices fall due on Monday 2025-03-03: overdue on Tuesday, not on Monday (the previous business day).
    const monday = dayFromCivil(2025, 3, 3);
    const invoice = (document: string, currency: string) => ({ document, customer: "Alfa Sp. z o.o.", currency, date: monday - 30, terms: 30, cents: 10000, reference: null });
    const run = runReceivables(ledgerWorkbook({ invoices: [invoice("FV/1", "PLN"), invoice("FV/2", "EUR")], payments: [] } as never), { asOf: monday + 1 });
    if (!run.ok) throw new Error("no run");
    const { newlyOverdue } = dailyFigures(run.ledger, run.applications, monday + 1);
    expect(newlyOverdue.map((row) => [run.ledger.currencies[row.currency], row.overdue])).toEqual([["EUR", 10000], ["PLN", 10000]]);
  });
});
