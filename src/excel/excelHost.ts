import { asXlContext, type XlContext } from "./excelApi";

/**
 * Where batches run: Office's `Excel.run` in the add-in, the in-memory Excel (`./testing`) in tests. This module is
 * the only place that calls `Excel.run` and reads `Office.context`.
 */
export interface ExcelHost {
  run<T>(batch: (context: XlContext) => Promise<T>): Promise<T>;
  /** Whether the host implements the ExcelApi requirement set `version` ("1.9"). */
  supports(version: string): boolean;
}

/** The ExcelApi version the manifest requires: hosts below it never load the add-in. */
export const MANIFEST_EXCEL_API = "1.9";

/** Excel as Office provides it; call only inside Office (after `Office.onReady` reported Excel). */
export function officeExcelHost(): ExcelHost {
  return {
    run: (batch) => Excel.run((context) => batch(asXlContext(context))),
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

/**
 * A requirement-set check for code that has a context but no host: what the manifest guarantees.
 * @example supportedByManifest("1.6")  //=> true
 * @example supportedByManifest("1.10") //=> false
 */
export function supportedByManifest(version: string): boolean {
  return compareVersions(version, MANIFEST_EXCEL_API) <= 0;
}

/** Numeric comparison of dotted versions: "1.10" is above "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
