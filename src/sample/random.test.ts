import { createRandom } from "./random";

describe("createRandom", () => {
  it("gives the same sequence for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const first = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(first);
  });

  it("gives a different sequence for another seed", () => {
    const a = createRandom(1);
    const b = createRandom(2);
    expect(Array.from({ length: 10 }, () => a.next())).not.toEqual(Array.from({ length: 10 }, () => b.next()));
  });

  it("matches its documented example", () => {
    expect(createRandom(1).int(1, 6)).toBe(4);
  });

  it("keeps int within its bounds and reaches both ends", () => {
    const random = createRandom(7);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(-2, 3)));
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it("shuffles to a permutation", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRandom(3).shuffle([...items]);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  describe("edge cases", () => {
    it("rejects a non-integer seed", () => {
      expect(() => createRandom(1.5)).toThrow(RangeError);
    });

    it("accepts seeds beyond 32 bits and negative seeds deterministically", () => {
      expect(createRandom(-1).next()).toBe(createRandom(-1).next());
      expect(Number.isFinite(createRandom(2 ** 40).next())).toBe(true);
    });

    it("draws a finite normal even at the extremes", () => {
      const random = createRandom(11);
      const draws = Array.from({ length: 10_000 }, () => random.normal());
      expect(draws.filter((draw) => !Number.isFinite(draw))).toEqual([]);
    });
  });
});
