import type { PageSetup as ExcelPageSetup } from "exceljs";
import type { PageSetup } from "../engine/report/model";

/** What a report sheet prints like unless it says otherwise: reports are wider than tall. */
export const DEFAULT_PAGE_SETUP: PageSetup = { orientation: "landscape", fitToWidth: true };

/**
 * A report sheet's page setup as ExcelJS writes it. Fitting to width is Excel's "fit to 1 page wide by automatic
 * pages tall": fitToPage with fitToWidth 1 and fitToHeight 0, so long sheets still flow onto further pages.
 * @example excelPageSetup(undefined)
 * //=> { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
 */
export function excelPageSetup(pageSetup: PageSetup | undefined): Partial<ExcelPageSetup> {
  const { orientation, fitToWidth } = pageSetup ?? DEFAULT_PAGE_SETUP;
  return fitToWidth ? { orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { orientation, fitToPage: false };
}
