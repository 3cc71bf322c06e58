import type { ExcelHost } from "../../excel";
import { RunCancelled } from "./cancellableContext";
import { generateReports, type RunHooks, type RunOutcome, type RunRequest } from "./generateReports";
import type { RunStep } from "./runSteps";
import type { Problem, RunSummary } from "./runSummary";

export type RunState =
  | { readonly phase: "idle" }
  | { readonly phase: "running"; readonly step: RunStep; readonly cancelling: boolean }
  | { readonly phase: "done"; readonly summary: RunSummary }
  | { readonly phase: "cancelled" }
  /** The data cannot be used (no invoice table): the engine's reasons. */
  | { readonly phase: "unusable"; readonly problems: readonly Problem[] }
  /** Excel refused or failed (a sync, a name): Excel's message and code. */
  | { readonly phase: "failed"; readonly message: string; readonly code: string | undefined };

export type GenerateReports = (host: ExcelHost, request: RunRequest, hooks: RunHooks) => Promise<RunOutcome>;

/**
 * The state of "Generate reports" as a small store (subscribe / getState, for React's useSyncExternalStore): one
 * run at a time, cancel, retry with the same request. Plain TypeScript, so its rules are tested without a DOM.
 */
export class RunController {
  private state: RunState = { phase: "idle" };
  private readonly listeners = new Set<() => void>();
  private abort: AbortController | null = null;
  private lastRequest: RunRequest | null = null;

  constructor(
    private readonly host: ExcelHost,
    private readonly generate: GenerateReports = generateReports,
  ) {}

  readonly getState = (): RunState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts a run; ignored while one is running. Resolves when the run has ended, however it ended. */
  readonly start = async (request: RunRequest): Promise<void> => {
    if (this.state.phase === "running") return;
    const abort = new AbortController();
    this.abort = abort;
    this.lastRequest = request;
    this.set({ phase: "running", step: "read", cancelling: false });
    const onStep = (step: RunStep) => {
      if (this.abort === abort && this.state.phase === "running" && this.state.step !== step) this.set({ ...this.state, step });
    };
    let next: RunState;
    try {
      const outcome = await this.generate(this.host, request, { signal: abort.signal, onStep });
      next = outcome.kind === "done" ? { phase: "done", summary: outcome.summary } : { phase: "unusable", problems: outcome.problems };
    } catch (error) {
      next = error instanceof RunCancelled ? { phase: "cancelled" } : failure(error);
    }
    this.abort = null;
    this.set(next);
  };

  /** Asks the running run to stop at its next step or sync. */
  readonly cancel = (): void => {
    if (this.abort === null || this.state.phase !== "running") return;
    this.abort.abort();
    this.set({ ...this.state, cancelling: true });
  };

  /** Runs the last request again. */
  readonly retry = async (): Promise<void> => {
    if (this.lastRequest !== null) await this.start(this.lastRequest);
  };

  private set(state: RunState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** Excel's errors (OfficeExtension.Error) carry a code beside the message; anything else is shown by its message. */
function failure(error: unknown): RunState {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { phase: "failed", message: error.message, code: typeof code === "string" ? code : undefined };
  }
  return { phase: "failed", message: String(error), code: undefined };
}
