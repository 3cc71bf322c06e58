import { bucketLadder } from "../aging/bucketLadder";
import { dayFromCivil } from "../dates/civil";
import { applyCash } from "../ledger/applyCash";
import { buildLedger } from "../ledger/buildLedger";
import type { WorkbookData } from "../port";
import { detectTables } from "../tables/detectTables";
import { lossRates } from "./lossRates";
import { provisionMatrix } from "./provisionMatrix";

const due = dayFromCivil(2024, 1, 31);

/** shared/DOMAIN.md's cohort: 100,000 invoiced, 50,000 paid on time, 27,000 in 1–30 late, 15,000 in 31–60, 6,000 in 61–90, 2,000 never. */
function cohort(): WorkbookData {
  return {
    date1904: false,
    sheets: [
      {
        name: "Invoices", firstRow: 1, firstColumn: 1,
        rows: [
          ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"],
          ["A", "X", due - 30, due, 50_000], ["B", "X", due - 30, due, 27_000], ["C", "X", due - 30, due, 15_000],
          ["D", "X", due - 30, due, 6_000], ["E", "X", due - 30, due, 2_000],
        ],
      },
      {
        name: "Payments", firstRow: 1, firstColumn: 1,
        rows: [
          ["Payment Date", "Customer", "Amount", "Reference"],
          [due, "X", 50_000, "A"], [due + 15, "X", 27_000, "B"], [due + 45, "X", 15_000, "C"], [due + 75, "X", 6_000, "D"],
        ],
      },
    ],
  };
}

describe("expected credit loss (shared/DOMAIN.md worked example)", () => {
  const workbook = cohort();
  const { ledger } = buildLedger(workbook, detectTables(workbook), { defaultCurrency: "EUR" });
  const apps = applyCash(ledger, "unapplied");
  const buckets = bucketLadder([30, 60, 90], "due", "en");

  it("derives loss rates 2 %, 4 %, 8.7 %, 25 %, 100 % from the cohort", () => {
    const rates = lossRates(ledger, apps, due + 400, buckets, 365);
    expect(rates.map((r) => r.reached)).toEqual([10_000_000, 5_000_000, 2_300_000, 800_000, 200_000]);
    expect(rates.map((r) => r.rate)).toEqual([0.02, 0.04, 2 / 23, 0.25, 1]);
  });

  it("applies them to balances 300,000 / 140,000 / 60,000 / 23,000 / 5,000 → 6,000 + 5,600 + 5,217 + 5,750 + 5,000 = 27,567", () => {
    const rates = lossRates(ledger, apps, due + 400, buckets, 365).map((r) => r.rate);
    const ecl = provisionMatrix([30_000_000, 14_000_000, 6_000_000, 2_300_000, 500_000], rates);
    expect(ecl.buckets).toEqual([600_000, 560_000, 521_739, 575_000, 500_000]);
    expect(Math.round(ecl.total / 100)).toBe(27_567);
  });

  describe("edge cases", () => {
    it("ignores invoices whose horizon has not passed, and payments after the as-of date", () => {
      const rates = lossRates(ledger, apps, due + 364, buckets, 365);
      expect(rates.every((r) => r.reached === 0 && !r.observed && r.rate === 0)).toBe(true);
      // As of due + 400 but with a 30-day horizon: B (paid day 15) is collected, C/D/E are unpaid on day 30.
      const short = lossRates(ledger, apps, due + 400, buckets, 30);
      expect(short[0]!.lost).toBe(2_300_000);
    });
  });
});
