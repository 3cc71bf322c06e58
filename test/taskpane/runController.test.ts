import { FakeExcel, FakeOfficeError } from "../../src/excel/testing";
import { RunCancelled, RunController, type GenerateReports, type RunState, type RunSummary } from "../../src/taskpane/run";
import { sampleExcel, sampleRequest } from "./support/paneFixtures";

const summary: RunSummary = { asOf: "2026-11-30", totals: [], openItems: 0, accountsInCollections: 0, problems: [], sheets: [] };

/** Records every state the controller passes through. */
function recorded(controller: RunController): RunState[] {
  const states: RunState[] = [];
  controller.subscribe(() => states.push(controller.getState()));
  return states;
}

describe("RunController: the state of Generate reports", () => {
  it("goes idle → running through the steps → done", async () => {
    const controller = new RunController(sampleExcel());
    const states = recorded(controller);
    expect(controller.getState()).toEqual({ phase: "idle" });
    await controller.start(sampleRequest());
    expect(states.map((state) => (state.phase === "running" ? state.step : state.phase))).toEqual(["read", "apply", "age", "build", "write", "done"]);
    const last = controller.getState();
    expect(last.phase === "done" && last.summary.totals.length).toBeGreaterThan(0);
  });

  it("cancels: cancelling while it stops, then cancelled", async () => {
    let release!: () => void;
    const generate: GenerateReports = (_host, _request, { signal, onStep }) =>
      new Promise((_, reject) => {
        onStep("apply");
        release = () => (signal.aborted ? reject(new RunCancelled()) : undefined);
      });
    const controller = new RunController(new FakeExcel(), generate);
    const run = controller.start(sampleRequest());
    expect(controller.getState()).toEqual({ phase: "running", step: "apply", cancelling: false });
    controller.cancel();
    expect(controller.getState()).toEqual({ phase: "running", step: "apply", cancelling: true });
    release();
    await run;
    expect(controller.getState()).toEqual({ phase: "cancelled" });
  });

  it("shows Excel's failure with its code, and Retry runs the same request again", async () => {
    const requests: unknown[] = [];
    let fail = true;
    const generate: GenerateReports = async (_host, request) => {
      requests.push(request);
      if (fail) throw new FakeOfficeError("GeneralException", "the connection was lost");
      return { kind: "done", summary };
    };
    const controller = new RunController(new FakeExcel(), generate);
    const request = sampleRequest();
    await controller.start(request);
    expect(controller.getState()).toEqual({ phase: "failed", message: expect.stringContaining("the connection was lost"), code: "GeneralException" });
    fail = false;
    await controller.retry();
    expect(controller.getState()).toEqual({ phase: "done", summary });
    expect(requests).toEqual([request, request]);
  });

  it("shows data that cannot be used, with the engine's reasons", async () => {
    const problems = [{ sheet: "", cell: null, severity: "error" as const, message: "No invoice table found" }];
    const controller = new RunController(new FakeExcel(), async () => ({ kind: "unusable", problems }));
    await controller.start(sampleRequest());
    expect(controller.getState()).toEqual({ phase: "unusable", problems });
  });

  describe("edge cases", () => {
    it("ignores Generate while a run is running, and Cancel or Retry when there is nothing to cancel or retry", async () => {
      let calls = 0;
      let finish!: () => void;
      const generate: GenerateReports = () => {
        calls++;
        return new Promise((resolve) => (finish = () => resolve({ kind: "done", summary })));
      };
      const controller = new RunController(new FakeExcel(), generate);
      controller.cancel();
      await controller.retry();
      expect(controller.getState()).toEqual({ phase: "idle" });
      const first = controller.start(sampleRequest());
      await controller.start(sampleRequest());
      finish();
      await first;
      expect(calls).toBe(1);
      expect(controller.getState().phase).toBe("done");
    });

    it("a cancel that comes too late (the swap was sent) ends in done: the new report stands", async () => {
      const generate: GenerateReports = async () => ({ kind: "done", summary });
      const controller = new RunController(new FakeExcel(), generate);
      const run = controller.start(sampleRequest());
      controller.cancel();
      await run;
      expect(controller.getState()).toEqual({ phase: "done", summary });
    });

    it("unsubscribed listeners hear nothing more", async () => {
      const controller = new RunController(new FakeExcel(), async () => ({ kind: "done", summary }));
      let heard = 0;
      const unsubscribe = controller.subscribe(() => heard++);
      unsubscribe();
      await controller.start(sampleRequest());
      expect(heard).toBe(0);
    });
  });
});
