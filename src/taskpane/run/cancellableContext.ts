import type { XlContext } from "../../excel";

/** Thrown where a run stops because the user cancelled it. */
export class RunCancelled extends Error {
  constructor() {
    super("The run was cancelled");
    this.name = "RunCancelled";
  }
}

/** Throws `RunCancelled` once `signal` is aborted. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new RunCancelled();
}

/**
 * The same request context, but every `sync()` first checks `signal`: a cancelled run stops before its next round
 * trip, with whatever it queued since the last sync never sent. For `writeReport` that means a stop before the swap
 * sync leaves the previous report in place (the new sheets stay hidden leftovers, which `recoverReports` removes);
 * a swap already sent completes, and the new report stands.
 */
export function cancellableContext(context: XlContext, signal: AbortSignal): XlContext {
  return {
    workbook: context.workbook,
    application: context.application,
    sync: () => {
      throwIfCancelled(signal);
      return context.sync();
    },
  };
}
