import type { TableKind } from "../../engine/tables/columnSynonyms";
import type { DeskSettings } from "../../excel";

/**
 * The settings after the user picked a sheet for a table. The column choices of that table are dropped: they name
 * headers of the sheet it used before.
 */
export function withSheetChoice(settings: DeskSettings, kind: TableKind, sheet: string): DeskSettings {
  const key = kind === "invoices" ? "invoicesSheet" : "paymentsSheet";
  return {
    ...settings,
    sources: { ...settings.sources, [key]: sheet },
    columnOverrides: { ...settings.columnOverrides, [kind]: {} },
  };
}

/** The settings after the user picked the column with header `header` for `field` of a table. */
export function withColumnChoice(settings: DeskSettings, kind: TableKind, field: string, header: string): DeskSettings {
  return {
    ...settings,
    columnOverrides: { ...settings.columnOverrides, [kind]: { ...settings.columnOverrides[kind], [field]: header } },
  };
}

/** The settings with a table's column choices forgotten: detection decides again. */
export function withDetectedColumns(settings: DeskSettings, kind: TableKind): DeskSettings {
  return { ...settings, columnOverrides: { ...settings.columnOverrides, [kind]: {} } };
}
