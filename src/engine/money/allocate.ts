/**
 * Splits an amount of minor units in proportion to weights by the largest-remainder method, so the parts
 * always add up to the whole (dinero.js `allocate`). Ties go to the earlier part.
 * @example allocate(100, [1, 1, 1]) //=> [34, 33, 33]
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (weights.length === 0) return [];
  if (weightSum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const absolute = Math.abs(total);
  const parts = weights.map((w) => Math.floor((absolute * w) / weightSum));
  let left = absolute - parts.reduce((sum, p) => sum + p, 0);
  const order = weights
    .map((w, i) => ({ i, remainder: (absolute * w) % weightSum }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const index = order[k]!.i;
    parts[index] = parts[index]! + 1;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}
