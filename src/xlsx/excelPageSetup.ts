import type { PageSetup } from "../engine/report/model";

/** What a report sheet prints like unless it says otherwise: reports are wider than tall. */
export const DEFAULT_PAGE_SETUP: PageSetup = { orientation: "landscape", fitToWidth: true };

/** A sheet's `<pageSetup>` and `<pageSetUpPr fitToPage>` as SpreadsheetML stores them. */
export interface ExcelPageSetup {
  readonly orientation: PageSetup["orientation"];
  readonly fitToPage: boolean;
  /** Pages wide and tall when fitToPage; 0 is "automatic". */
  readonly fitToWidth?: number;
  readonly fitToHeight?: number;
}

/**
 * A report sheet's page setup as Excel stores it. Fitting to width is Excel's "fit to 1 page wide by automatic
 * pages tall": fitToPage with fitToWidth 1 and fitToHeight 0, so long sheets still flow onto further pages.
 * @example excelPageSetup(undefined)
 * //=> { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
 */
export function excelPageSetup(pageSetup: PageSetup | undefined): ExcelPageSetup {
  const { orientation, fitToWidth } = pageSetup ?? DEFAULT_PAGE_SETUP;
  return fitToWidth ? { orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { orientation, fitToPage: false };
}
