import { ACTION_OVERHEAD_BYTES, MAX_CELLS_PER_SYNC } from "./payloadBytes";
import { stepRequestBytes, type SheetWritePlan, type WriteStep } from "./planSheetWrites";

/** A step of one report sheet (by index into the plans), possibly a slice of rows of a values step. */
export interface PlannedAction {
  readonly sheet: number;
  readonly step: WriteStep;
}

export interface WriteBatch {
  readonly actions: readonly PlannedAction[];
  /** Estimated request bytes, the reserve included. */
  readonly requestBytes: number;
}

export interface PackOptions {
  readonly budgetBytes: number;
  /** Bytes the first batch carries besides the steps (journal, sheet creation, state loads). */
  readonly firstBatchReserveBytes: number;
  readonly maxCellsPerBatch?: number;
}

/**
 * Packs the steps of every sheet, in order, into as few batches (one sync each) as the request budget allows. A
 * values step is cut between rows wherever a batch is full, so a batch is filled to the budget; every other step
 * goes whole. Order is kept: within a sheet, formats precede the values they protect.
 */
export function packWriteBatches(plans: readonly SheetWritePlan[], options: PackOptions): WriteBatch[] {
  const maxCells = options.maxCellsPerBatch ?? MAX_CELLS_PER_SYNC;
  const batches: WriteBatch[] = [];
  let actions: PlannedAction[] = [];
  let bytes = options.firstBatchReserveBytes;
  let cells = 0;
  const flush = () => {
    batches.push({ actions, requestBytes: bytes });
    actions = [];
    bytes = 0;
    cells = 0;
  };

  plans.forEach((plan, sheet) => {
    for (const step of plan.steps) {
      if (step.kind !== "values") {
        const stepBytes = stepRequestBytes(step);
        if (actions.length > 0 && bytes + stepBytes > options.budgetBytes) flush();
        actions.push({ sheet, step });
        bytes += stepBytes;
        continue;
      }
      let start = 0;
      while (start < step.rows.length) {
        let end = start;
        let sliceBytes = ACTION_OVERHEAD_BYTES;
        while (
          end < step.rows.length &&
          bytes + sliceBytes + step.rowBytes[end]! <= options.budgetBytes &&
          cells + (end - start + 1) * step.columns <= maxCells
        ) {
          sliceBytes += step.rowBytes[end]!;
          end++;
        }
        if (end === start) {
          if (actions.length > 0) {
            flush();
            continue;
          }
          // One row larger than a whole batch: it goes alone (Excel's own limit is a fifth higher than the budget).
          sliceBytes += step.rowBytes[end]!;
          end++;
        }
        actions.push({ sheet, step: sliceOf(step, start, end) });
        bytes += sliceBytes;
        cells += (end - start) * step.columns;
        start = end;
      }
    }
  });
  if (actions.length > 0 || batches.length === 0) flush();
  return batches;
}

function sliceOf(step: Extract<WriteStep, { kind: "values" }>, start: number, end: number): WriteStep {
  if (start === 0 && end === step.rows.length) return step;
  return { ...step, row: step.row + start, rows: step.rows.slice(start, end), rowBytes: step.rowBytes.slice(start, end) };
}
