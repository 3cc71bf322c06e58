import type { ExcelHost, XlContext } from "../excel";
import type { FakeExcel } from "../excel/testing";

/**
 * The in-memory Excel as the pane's host, telling the page after every batch so the grid shows what the pane did,
 * able to make the next sync fail (to try the pane's error path) and to take its time over every sync, as Excel on
 * the web does over the network (to watch the progress, and to cancel).
 */
export class PlaygroundHost implements ExcelHost {
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  constructor(
    readonly excel: FakeExcel,
    /** What the workbook is ("Sample, 4,000 invoices", a file name). */
    readonly title: string,
    /** Milliseconds every sync waits before it reaches the in-memory Excel. */
    private readonly latencyMs = 0,
  ) {}

  async run<T>(batch: (context: XlContext) => Promise<T>): Promise<T> {
    try {
      if (this.latencyMs <= 0) return await this.excel.run(batch);
      return await this.excel.run((context) =>
        batch({
          workbook: context.workbook,
          application: context.application,
          sync: () => new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs)).then(() => context.sync()),
        }),
      );
    } finally {
      this.changed();
    }
  }

  supports(version: string): boolean {
    return this.excel.supports(version);
  }

  /** The next sync fails as a lost connection would: nothing of it applied. */
  failNextSync(): void {
    this.excel.failSync(this.excel.syncCount + 1, "nothing-applied");
  }

  /** Tells the page that the workbook changed outside a batch (a tab clicked). */
  changed(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }

  readonly getRevision = (): number => this.revision;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
