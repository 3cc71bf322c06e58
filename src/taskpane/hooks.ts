import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { ExcelHost } from "../excel";
import { RunController, type RunState } from "./run/runController";
import { SourcesController, type SourcesState } from "./sources/sourcesController";

/** "Generate reports" for the pane: the run's state and its actions (see RunController). */
export function useReceivablesRun(host: ExcelHost): { readonly state: RunState; readonly controller: RunController } {
  const controller = useMemo(() => new RunController(host), [host]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  return { state, controller };
}

/** The workbook's sources for the pane, loaded when the pane opens (see SourcesController). */
export function useWorkbookSources(host: ExcelHost): { readonly state: SourcesState; readonly controller: SourcesController } {
  const controller = useMemo(() => new SourcesController(host), [host]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    void controller.load();
  }, [controller]);
  return { state, controller };
}
