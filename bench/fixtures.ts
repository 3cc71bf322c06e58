// Input files of the whole-process benchmarks, and reading back what LibreOffice computed:
//   node dist/bench-fixtures.js template <invoices> <out.xlsx>   the ledger + the user's SUMIFS template (uncalculated)
//   node dist/bench-fixtures.js ledger <invoices> <out.xlsx>     the ledger alone, written with ExcelJS's streaming writer
//   node dist/bench-fixtures.js totals <calculated.xlsx>         prints the template's bucket totals in cents (JSON)
import ExcelJS from "exceljs";
import type { WorkbookData } from "../src/engine/port";
import { exactReferenceLedger, transferTitleLedger } from "./ledgerData";
import { readTemplateTotals, writeTemplateWorkbook } from "./templateWorkbook";

const DATE_FORMAT = "yyyy-mm-dd";

async function writeLedgerStreaming(ledger: WorkbookData, path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const sheet of ledger.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    const header = sheet.rows[0] ?? [];
    header.forEach((name, c) => {
      if (typeof name === "string" && /date/i.test(name)) worksheet.getColumn(c + 1).numFmt = DATE_FORMAT;
    });
    for (const row of sheet.rows) worksheet.addRow([...row]).commit();
    worksheet.commit();
  }
  await workbook.commit();
}

async function main(): Promise<void> {
  const [command, first, second] = process.argv.slice(2);
  if (command === "template" && first !== undefined && second !== undefined) {
    const ledger = exactReferenceLedger(Number(first));
    await writeTemplateWorkbook(ledger, second);
    process.stdout.write(`${JSON.stringify({ invoices: Number(first), payments: ledger.sheets[1]!.rows.length - 1 })}\n`);
  } else if (command === "ledger" && first !== undefined && second !== undefined) {
    const ledger = transferTitleLedger(Number(first));
    await writeLedgerStreaming(ledger, second);
    process.stdout.write(`${JSON.stringify({ invoices: Number(first), payments: ledger.sheets[1]!.rows.length - 1 })}\n`);
  } else if (command === "totals" && first !== undefined) {
    process.stdout.write(`${JSON.stringify({ buckets: await readTemplateTotals(first) })}\n`);
  } else {
    throw new Error("usage: bench-fixtures template|ledger <invoices> <out.xlsx> | totals <file.xlsx>");
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
