// src/taskpane/sources: which sheets and columns a run reads — the first rows of each sheet, the engine's detection
// on them, and the user's corrections (a sheet, a column for a field) applied as the run applies them.
export { readSheetHeads, type SheetHeads } from "./readSheetHeads";
export { withColumnOverrides, columnOfHeader, type ColumnOverrides, type SourceSheets } from "./columnOverrides";
export { previewSources, type ColumnChoice, type FieldMapping, type SourceView, type SourcesPreview } from "./previewSources";
export { withSheetChoice, withColumnChoice, withDetectedColumns } from "./sourceChoices";
export { SourcesController, type SourcesState } from "./sourcesController";
