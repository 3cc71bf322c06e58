import { dayFromCivil } from "../../src/engine/dates/civil";
import { NO_DAY, UNSETTLED, chronological, settlementHistory } from "../../src/engine/forecast/settlementHistory";
import { tinyRun } from "./fixtures";

const day = (d: number) => dayFromCivil(2025, 1, 1) + d;

describe("settlementHistory", () => {
  const run = tinyRun(
    [
      ["A/1", "Alpha", day(0), day(14), 100],
      ["A/2", "Alpha", day(0), day(14), 100],
      ["A/3", "Alpha", day(0), day(14), 100],
      ["A/4", "Alpha", day(40), day(54), 100],
    ],
    [
      [day(10), "Alpha", 60, "A/1"],
      [day(30), "Alpha", 40, "A/1"],
      [day(20), "Alpha", 99.99, "A/2"],
    ],
    day(60),
  );
  const at = (asOf: number) => settlementHistory(run.ledger, run.applications, asOf, 0.01);
  const index = (doc: string, h: ReturnType<typeof at>) => Array.from(h.debits).findIndex((i) => run.ledger.document[i] === doc);

  it("settles an invoice on the day its last payment brings it to zero; before that it is open with the rest", () => {
    const before = at(day(20));
    expect(before.settledOn[index("A/1", before)]).toBe(UNSETTLED);
    expect(before.open[index("A/1", before)]).toBe(4000);
    const after = at(day(30));
    expect(after.settledOn[index("A/1", after)]).toBe(day(30));
  });

  it("counts a 0.01 residue as settled (within 1 % of the amount)", () => {
    const h = at(day(60));
    expect(h.settledOn[index("A/2", h)]).toBe(day(20));
    expect(h.open[index("A/2", h)]).toBe(1);
  });

  it("ignores documents and applications dated after the as-of date", () => {
    const h = at(day(25));
    expect(index("A/4", h)).toBe(-1);
    expect(h.cashApplied).toBe(6000 + 9999);
  });

  describe("edge cases", () => {
    it("an unpaid invoice stays open for good", () => {
      const h = at(day(60));
      expect(h.settledOn[index("A/3", h)]).toBe(UNSETTLED);
    });
    it("applications in date order need no sorting", () => {
      expect(chronological(run.applications)).toBeUndefined();
      expect(NO_DAY).toBeLessThan(0);
    });
  });
});
