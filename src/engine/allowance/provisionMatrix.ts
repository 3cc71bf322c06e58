/**
 * Expected credit loss by a provision matrix: each bucket's gross balance × its loss rate (unrounded), rounded
 * half up to the minor unit per bucket; the total is the sum of the rounded buckets.
 * @example provisionMatrix([30_000_000, 14_000_000, 6_000_000, 2_300_000, 500_000], [0.02, 0.04, 2/23, 0.25, 1])
 * //=> { buckets: [600_000, 560_000, 521_739, 575_000, 500_000], total: 2_756_739 }  (27,567.39)
 */
export function provisionMatrix(grossMinor: readonly number[], rates: readonly number[]): { buckets: number[]; total: number } {
  const buckets = grossMinor.map((gross, b) => (gross > 0 ? Math.round(gross * (rates[b] ?? 0) + 1e-9) : 0));
  return { buckets, total: buckets.reduce((sum, x) => sum + x, 0) };
}
