import type { Language } from "../engine/messages";
import { fitPaymentModel, predictOpenItems, type PaymentForecast, type PaymentModel } from "../engine/forecast";
import type { ForecastOptions } from "../engine/forecast";
import type { Ledger } from "../engine/ledger/ledger";
import type { WorkbookData } from "../engine/port";
import { runReceivables, type ReceivablesOptions } from "../engine/runReceivables";
import { functionError } from "./functionErrors";

/** Where the model's data comes from: the workbook's invoice and payment sheets, read when a fit is needed. */
export interface ModelSource {
  readonly read: () => WorkbookData | Promise<WorkbookData>;
  /** How to read them (as for the report); the as-of date is the clock's today at fit time. */
  readonly receivables?: Omit<ReceivablesOptions, "asOf">;
  readonly forecast?: ForecastOptions;
}

/** A model fitted on the sources as of one day, with what the functions look up in it. */
export interface FittedModel {
  readonly asOf: number;
  readonly ledger: Ledger;
  readonly model: PaymentModel;
  /** The open items' forecast (for FORECAST). */
  readonly forecast: PaymentForecast;
  /** Customer index by name and by ID, trimmed and lower-cased. */
  readonly customers: ReadonlyMap<string, number>;
}

/**
 * The forecast model behind the worksheet functions: fitted on demand from a registered source, cached, and
 * thrown away only when told (`invalidate`, or a new source) — a recalculation of a hundred cells fits once.
 * Concurrent callers share one fit. Without a source, or when the source has no invoice table, `model()`
 * rejects with a FunctionError (#N/A) saying what to do.
 */
export class ForecastModelCache {
  private source: ModelSource | undefined;
  private pending: Promise<FittedModel> | undefined;
  private generation = 0;

  constructor(
    private readonly today: () => number,
    private readonly language: () => Language = () => "en",
  ) {}

  /** Registers (or, with undefined, removes) the data source; the cached model is dropped. */
  setSource(source: ModelSource | undefined): void {
    this.source = source;
    this.invalidate();
  }

  /** Drops the cached model: the next function call fits again (after the sheets changed, or a new day). */
  invalidate(): void {
    this.pending = undefined;
    this.generation++;
  }

  /** Whether a source is registered. */
  get hasSource(): boolean {
    return this.source !== undefined;
  }

  /** The fitted model, fitting it first if needed. */
  model(): Promise<FittedModel> {
    if (!this.source) return Promise.reject(functionError("notAvailable", "noModel", this.language()));
    if (!this.pending) {
      const generation = this.generation;
      this.pending = this.fit(this.source).catch((error: unknown) => {
        // A failed fit is not cached: the next call tries again.
        if (this.generation === generation) this.pending = undefined;
        throw error;
      });
    }
    return this.pending;
  }

  private async fit(source: ModelSource): Promise<FittedModel> {
    const workbook = await source.read();
    const asOf = this.today();
    const run = runReceivables(workbook, { ...source.receivables, asOf });
    if (!run.ok) {
      const reason = run.issues.map((issue) => issue.code).join(", ");
      throw functionError("notAvailable", "fitFailed", this.language(), reason);
    }
    const model = fitPaymentModel(run.ledger, run.applications, asOf, source.forecast);
    const customers = new Map<string, number>();
    run.ledger.customers.forEach((customer, index) => {
      for (const key of [customer.name, customer.id]) {
        const normal = key.trim().toLowerCase();
        if (normal !== "" && !customers.has(normal)) customers.set(normal, index);
      }
    });
    return { asOf, ledger: run.ledger, model, forecast: predictOpenItems(model, run.ledger), customers };
  }
}
