import type { XlContext } from "./excelApi";

/**
 * Counts a run's syncs and the largest payload each way, as estimated by the adapter (requests: the JSON of what was
 * queued; responses: the JSON of what was loaded). One meter can follow a whole run: discovery, reading, writing.
 */
export class SyncMeter {
  syncs = 0;
  largestRequestBytes = 0;
  largestResponseBytes = 0;

  noteResponse(bytes: number): void {
    this.largestResponseBytes = Math.max(this.largestResponseBytes, bytes);
  }
}

/**
 * `context.sync()`, counted. Every sync of `src/excel` goes through here; where it is called in a loop, each round
 * carries a payload-bounded batch of many actions (a bounded number of rounds), never one action per round.
 */
export async function syncMetered(context: XlContext, meter: SyncMeter, requestBytes: number): Promise<void> {
  meter.syncs++;
  meter.largestRequestBytes = Math.max(meter.largestRequestBytes, requestBytes);
  await context.sync();
}
