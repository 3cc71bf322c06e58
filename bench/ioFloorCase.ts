// The floor of headless I/O, as a whole process: `node dist/bench-io-floor.js <in.xlsx> <out.xlsx>` reads a workbook
// with ExcelJS's streaming reader and writes a copy of its values with ExcelJS's streaming writer — the least any
// command that reads an .xlsx and writes one has to do. Prints { rows } as one JSON line.
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (input === undefined || output === undefined) throw new Error("usage: bench-io-floor <in.xlsx> <out.xlsx>");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "emit" });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: false, useSharedStrings: true });
  let rows = 0;
  for await (const worksheetReader of reader) {
    const name = (worksheetReader as unknown as { name?: string }).name ?? `Sheet${rows}`;
    const worksheet = writer.addWorksheet(name);
    for await (const row of worksheetReader) {
      // `values` is 1-based and sparse, as `addRow` takes it.
      worksheet.addRow(row.values).commit();
      rows++;
    }
    worksheet.commit();
  }
  await writer.commit();
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
