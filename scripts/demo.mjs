// `npm run demo`: makes the sample workbook if it is absent, runs `receivables report` on it and writes
// out/receivables-report.xlsx and out/receivables-report.json. The sample's history ends on 2026-11-30, so the
// report is aged as of that day (aging a fixed sample "as of today" would drift as the calendar moves on).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";

const cli = ["bin/receivables.js"];
const sample = "out/sample.xlsx";
mkdirSync("out", { recursive: true });
const run = (args) => execFileSync(process.execPath, [...cli, ...args], { stdio: "inherit" });

if (!existsSync(sample)) run(["sample", "--out", sample]);
run([
  "report", sample,
  "--as-of", "2026-11-30",
  "--currency", "PLN",
  "--out", "out/receivables-report.xlsx",
  "--json", "out/receivables-report.json",
]);
