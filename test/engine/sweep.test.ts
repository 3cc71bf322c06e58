import fc from "fast-check";
import { dayFromCivil } from "../../src/engine/dates/civil";
import { openAt } from "../../src/engine/ledger/applyCash";
import { sweepBalances } from "../../src/engine/ledger/balanceSweep";
import { dailyFigures } from "../../src/engine/report/dailyFigures";
import { runReceivables } from "../../src/engine/runReceivables";
import { ledgerArbitrary, ledgerWorkbook } from "../support/ledgerArbitrary";

const AS_OF = dayFromCivil(2025, 2, 28);

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
        const run = runReceivables(ledgerWorkbook(generated), { asOf: AS_OF });
        if (!run.ok) throw new Error("no run");
        const { ledger, applications } = run;
        const daily = dailyFigures(ledger, applications, AS_OF);
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
});
