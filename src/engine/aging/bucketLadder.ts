import type { Language } from "../messages";

/** What days are counted from. */
export type AgingBasis = "due" | "invoice";

export interface Bucket {
  readonly label: string;
  /** Lowest days in the bucket; null for "and below". */
  readonly fromDays: number | null;
  /** Highest days in the bucket; null for "and above". */
  readonly toDays: number | null;
}

export const DEFAULT_LADDER: readonly number[] = [30, 60, 90];

const NOT_DUE: Record<Language, string> = { en: "Not due", pl: "Nieprzeterminowane" };

/**
 * Buckets from the upper edges of a ladder. By due date an item due on the as-of day is Not due (0 days, the
 * QuickBooks/Xero convention) and the first overdue bucket starts at 1; by invoice date the first bucket holds
 * ages from 0. Uneven ladders are fine: [30, 90, 150, 365] gives 1–30, 31–90, 91–150, 151–365, 366+.
 * @example bucketLadder([30, 60, 90], "due", "en").map(b => b.label) //=> ["Not due", "1–30", "31–60", "61–90", "91+"]
 */
export function bucketLadder(edges: readonly number[], basis: AgingBasis, language: Language): Bucket[] {
  const sorted = [...new Set(edges)].filter((e) => Number.isInteger(e) && e > 0).sort((a, b) => a - b);
  const buckets: Bucket[] = [];
  let from = 1;
  if (basis === "due") buckets.push({ label: NOT_DUE[language], fromDays: null, toDays: 0 });
  else from = 0;
  sorted.forEach((edge, i) => {
    buckets.push({ label: `${from}–${edge}`, fromDays: basis === "invoice" && i === 0 ? null : from, toDays: edge });
    from = edge + 1;
  });
  buckets.push({ label: `${from}+`, fromDays: from, toDays: null });
  return buckets;
}

/**
 * Index of the bucket holding an item `days` old.
 * @example bucketIndex(bucketLadder([30, 60, 90], "due", "en"), 31) //=> 2
 */
export function bucketIndex(buckets: readonly Bucket[], days: number): number {
  for (let b = 0; b < buckets.length - 1; b++) if (days <= buckets[b]!.toDays!) return b;
  return buckets.length - 1;
}

/**
 * Parses a ladder option such as "30,60,90" or "30, 90, 150, 365"; undefined when it is not a rising list of
 * positive whole days.
 */
export function parseLadder(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== "");
  const edges = parts.map(Number);
  if (edges.length === 0 || edges.some((e) => !Number.isInteger(e) || e <= 0)) return undefined;
  for (let i = 1; i < edges.length; i++) if (edges[i]! <= edges[i - 1]!) return undefined;
  return edges;
}
