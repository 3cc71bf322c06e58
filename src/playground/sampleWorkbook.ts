import { defaultNumberFormat, type ReportWorkbook } from "../engine/report/model";
import { reportToWorkbookData } from "../engine/report/reportToWorkbookData";
import { FakeExcel } from "../excel/testing";
import { generateSample } from "../sample";

export interface PlaygroundSample {
  readonly seed?: number;
  readonly invoices?: number;
}

/**
 * The sample workbook (src/sample: an invoice register and a payments list) in the in-memory Excel, as a user's
 * workbook would hold it: values in their cells, dates and amounts under number formats. The same cells the CLI's
 * `receivables sample` writes to .xlsx and reads back.
 */
export function sampleExcel(options: PlaygroundSample = {}): FakeExcel {
  const workbook = generateSample({ ...options });
  const excel = FakeExcel.fromWorkbookData(reportToWorkbookData(workbook));
  applyNumberFormats(excel, workbook);
  return excel;
}

/** Number formats of the sample's columns, set directly in the fake (as a user formatted them, before any run). */
function applyNumberFormats(excel: FakeExcel, workbook: ReportWorkbook): void {
  for (const sheet of workbook.sheets) {
    const target = excel.sheet(sheet.name);
    for (const block of sheet.blocks) {
      const first = block.row + (block.header === undefined ? 0 : 1);
      block.columns.forEach((style, c) => {
        const format = style.numberFormat ?? defaultNumberFormat(style.kind);
        if (format === "@") return; // text stays General: the cells hold text anyway
        for (let r = 0; r < block.rows.length; r++) target.setNumberFormat(first + r, block.column + c, format);
      });
    }
  }
}
