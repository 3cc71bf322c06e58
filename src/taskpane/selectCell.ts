import type { ExcelHost } from "../excel";

/**
 * Shows a cell of the workbook: activates its sheet and selects it. A thin call through the host, so it runs on
 * Excel and on the in-memory Excel alike.
 *
 * `Range.select()` (ExcelApi 1.1) is not in src/excel's API subset (excelApi.ts) yet, nor in its in-memory Excel: it is
 * called where the range has it (Excel), and elsewhere the sheet is only activated.
 */
export async function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<void> {
  await host.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    selectWhereSupported(worksheet.getRange(cell));
    await context.sync();
  });
}

/** How the pane shows a cell: `selectCell` on Excel; the playground adds its own highlight. */
export type CellSelector = (sheet: string, cell: string) => Promise<void>;

/** Queues `range.select()` when the range has the method (Office's ranges do; the in-memory Excel's do not). */
function selectWhereSupported(range: object): void {
  // A method of the proxy's prototype, not a loaded property: reading it needs no load or sync.
  const select = (range as { select?: unknown }).select;
  if (typeof select === "function") select.call(range);
}
