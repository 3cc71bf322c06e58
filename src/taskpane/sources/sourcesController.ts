import type { WorkbookData } from "../../engine/port";
import type { TableKind } from "../../engine/tables/columnSynonyms";
import { loadDeskSettings, recoverReports, saveDeskSettings, type DeskSettings, type ExcelHost } from "../../excel";
import { previewSources, type SourcesPreview } from "./previewSources";
import { readSheetHeads } from "./readSheetHeads";
import { withColumnChoice, withDetectedColumns, withSheetChoice } from "./sourceChoices";

export type SourcesState =
  | { readonly phase: "loading" }
  | { readonly phase: "failed"; readonly message: string }
  | {
      readonly phase: "ready";
      readonly settings: DeskSettings;
      readonly preview: SourcesPreview;
      /** Why the last change of settings could not be saved in the workbook (it still applies in the pane). */
      readonly saveError: string | null;
    };

/**
 * What the pane knows of the workbook before a run, as a small store: on `load`, leftovers of interrupted runs are
 * cleaned up (`recoverReports`), the saved settings loaded, and the heads of the sheets read and previewed. A change
 * of sheet or column is previewed at once, on the heads already read, and saved in the workbook.
 */
export class SourcesController {
  private state: SourcesState = { phase: "loading" };
  private readonly listeners = new Set<() => void>();
  private heads: WorkbookData | null = null;
  /** Saves run one after another, in the order the user made the changes. */
  private saving: Promise<void> = Promise.resolve();
  private loads = 0;

  constructor(private readonly host: ExcelHost) {}

  readonly getState = (): SourcesState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** (Re)reads the workbook. A later load wins over an earlier one still running. */
  readonly load = async (): Promise<void> => {
    const load = ++this.loads;
    this.set({ phase: "loading" });
    const supports = (version: string) => this.host.supports(version);
    try {
      const { settings, heads } = await this.host.run(async (context) => {
        await recoverReports(context, { supports });
        const settings = await loadDeskSettings(context);
        const heads = await readSheetHeads(context);
        return { settings, heads };
      });
      if (load !== this.loads) return;
      this.heads = { sheets: heads.sheets, date1904: false };
      this.set({ phase: "ready", settings, preview: previewSources(this.heads, settings), saveError: null });
    } catch (error) {
      if (load === this.loads) this.set({ phase: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  readonly chooseSheet = (kind: TableKind, sheet: string): Promise<void> => this.change((settings) => withSheetChoice(settings, kind, sheet));

  readonly chooseColumn = (kind: TableKind, field: string, header: string): Promise<void> =>
    this.change((settings) => withColumnChoice(settings, kind, field, header));

  readonly useDetectedColumns = (kind: TableKind): Promise<void> => this.change((settings) => withDetectedColumns(settings, kind));

  /** Replaces the settings the pane holds (after a run saved them), without saving again. */
  readonly adopt = (settings: DeskSettings): void => {
    if (this.state.phase !== "ready" || this.heads === null) return;
    this.set({ ...this.state, settings, preview: previewSources(this.heads, settings) });
  };

  private change(update: (settings: DeskSettings) => DeskSettings): Promise<void> {
    if (this.state.phase !== "ready" || this.heads === null) return Promise.resolve();
    const settings = update(this.state.settings);
    this.set({ ...this.state, settings, preview: previewSources(this.heads, settings), saveError: null });
    this.saving = this.saving.then(async () => {
      try {
        await this.host.run((context) => saveDeskSettings(context, settings));
      } catch (error) {
        if (this.state.phase === "ready") this.set({ ...this.state, saveError: error instanceof Error ? error.message : String(error) });
      }
    });
    return this.saving;
  }

  private set(state: SourcesState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
