import { GRID, MIN_DELAY, groupDelays, kaplanMeier, kaplanMeierOf, posteriorSurvival, settledQuantile } from "../../src/engine/forecast/delayCurves";

const at = (curve: Float64Array, delay: number) => curve[delay - MIN_DELAY]!;

function observations(rows: ReadonlyArray<readonly [group: number, delay: number, settled: boolean]>) {
  return {
    size: rows.length,
    group: Int32Array.from(rows, (r) => r[0]),
    delay: Int32Array.from(rows, (r) => r[1]),
    event: Uint8Array.from(rows, (r) => (r[2] ? 1 : 0)),
    weight: new Float64Array(rows.length).fill(1),
  };
}

describe("delay curves", () => {
  // Textbook Kaplan–Meier: settled at 2, 4, 4; open at 3 (censored); settled at 6.
  const rows = [[0, 2, true], [0, 3, false], [0, 4, true], [0, 4, true], [0, 6, true]] as const;

  it("Kaplan–Meier counts open items as at risk until their current delay", () => {
    const curve = new Float64Array(GRID);
    kaplanMeier(groupDelays(observations(rows), 1), 0, curve);
    expect(at(curve, 1)).toBe(1);
    expect(at(curve, 2)).toBeCloseTo(4 / 5);
    expect(at(curve, 3)).toBeCloseTo(4 / 5);
    // At 4, three are at risk (the open one left at 3) and two settle: 4/5 · 1/3.
    expect(at(curve, 4)).toBeCloseTo(4 / 15);
    expect(at(curve, 6)).toBeCloseTo(0);
  });

  it("the histogram version agrees with the sorted one", () => {
    const sorted = new Float64Array(GRID);
    const histogram = new Float64Array(GRID);
    kaplanMeier(groupDelays(observations(rows), 1), 0, sorted);
    kaplanMeierOf(observations(rows), 0, histogram);
    expect(Array.from(histogram)).toEqual(Array.from(sorted));
  });

  it("the posterior is the prior where the customer has no items, and its own curve where it has many", () => {
    const prior = new Float64Array(GRID);
    for (let b = 0; b < GRID; b++) prior[b] = Math.exp(-Math.max(0, b + MIN_DELAY) / 10);
    const many = observations(Array.from({ length: 2000 }, () => [0, 20, true] as const));
    const out = new Float64Array(GRID);
    posteriorSurvival(groupDelays(many, 1), -1, prior, 4, out, undefined);
    expect(Array.from(out)).toEqual(Array.from(prior));
    posteriorSurvival(groupDelays(many, 1), 0, prior, 4, out, undefined);
    expect(at(out, 19)).toBeGreaterThan(0.99);
    expect(at(out, 20)).toBeLessThan(0.01);
  });

  it("reads weighted quantiles of settled delays, ignoring open items", () => {
    const grouped = groupDelays(observations(rows), 1);
    expect(settledQuantile(grouped, 0, 0.5, -1)).toBe(4);
    expect(settledQuantile(grouped, 0, 0.0, -1)).toBe(2);
  });

  describe("edge cases", () => {
    it("clips delays to the grid: very early counts as MIN_DELAY, very late as still open", () => {
      const grouped = groupDelays(observations([[0, -500, true], [0, 5000, true]]), 1);
      expect(Array.from(grouped.delay)).toEqual([MIN_DELAY, GRID + MIN_DELAY]);
      expect(Array.from(grouped.event)).toEqual([1, 0]);
    });
    it("an empty group survives everywhere", () => {
      const out = new Float64Array(GRID);
      kaplanMeier(groupDelays(observations([]), 1), 0, out);
      expect(out.every((s) => s === 1)).toBe(true);
    });
  });
});
