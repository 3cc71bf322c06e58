import type { WorkbookData } from "../src/engine/port";

const TITLE_PREFIX = "Zapłata za ";

/**
 * The floor of the engine benchmark: the plainest single pass that ages `transferTitleLedger`'s data (what a careful
 * script that knows the layout would do): invoices into a map by number, payments up to the as-of date subtracted,
 * open amounts summed per customer into five buckets. Returns the number of customers.
 */
export function floorAging(workbook: WorkbookData, asOf: number): number {
  const [invoices, payments] = workbook.sheets;
  const open = new Map<string, { customer: string; due: number; cents: number }>();
  for (let r = 1; r < invoices!.rows.length; r++) {
    const row = invoices!.rows[r]!;
    open.set(row[0] as string, { customer: row[1] as string, due: row[3] as number, cents: Math.round((row[4] as number) * 100) });
  }
  for (let r = 1; r < payments!.rows.length; r++) {
    const row = payments!.rows[r]!;
    if ((row[0] as number) > asOf) continue;
    const item = open.get((row[3] as string).slice(TITLE_PREFIX.length));
    if (item) item.cents -= Math.round((row[2] as number) * 100);
  }
  const buckets = new Map<string, number[]>();
  for (const item of open.values()) {
    const days = asOf - item.due;
    const b = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
    const sums = buckets.get(item.customer) ?? [0, 0, 0, 0, 0];
    sums[b]! += item.cents;
    buckets.set(item.customer, sums);
  }
  return buckets.size;
}
