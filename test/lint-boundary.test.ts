/**
 * The engine boundary is a lint rule (eslint.config.mjs); this proves it bites in src/engine and nowhere else,
 * using the repo's real config through ESLint's Node API (`new ESLint().lintText`). The API runs in a child Node
 * process (test/support/lint-snippets.mjs): ESLint loads eslint.config.mjs with import(), which jest's sandbox
 * refuses without --experimental-vm-modules.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

interface Snippet {
  readonly code: string;
  readonly filePath: string;
}

const repoRoot = path.resolve(__dirname, "..");

/** The rule ids ESLint reports for each snippet, in order; one child process for the whole batch. */
function ruleIdsFor(snippets: readonly Snippet[]): string[][] {
  const stdout = execFileSync(process.execPath, [path.join(repoRoot, "test", "support", "lint-snippets.mjs")], {
    cwd: repoRoot,
    input: JSON.stringify(snippets),
    encoding: "utf8",
  });
  return JSON.parse(stdout) as string[][];
}

const forbiddenImports: ReadonlyArray<readonly [label: string, code: string]> = [
  ["fs", 'import { readFileSync } from "fs";\nexport const read = readFileSync;\n'],
  ["node:path", 'import { join } from "node:path";\nexport const joinPath = join;\n'],
  ["exceljs", 'import ExcelJS from "exceljs";\nexport const Workbook = ExcelJS.Workbook;\n'],
  ["../xlsx/readWorkbook", 'import { readWorkbook } from "../xlsx/readWorkbook";\nexport const read = readWorkbook;\n'],
  ["../../excel/run", 'import { run } from "../../excel/run";\nexport const go = run;\n'],
  ["react", 'import { useState } from "react";\nexport const hook = useState;\n'],
  ["@fluentui/react-components", 'import { Button } from "@fluentui/react-components";\nexport const B = Button;\n'],
];

const engineGlobals = "export const host = Office.context.host;\nexport const env = process.env;\n";
const engineDynamicImport = 'export const load = () => import("fs");\n';
const engineOwnImports =
  'import { issueText } from "./messages";\nimport { toMinor } from "../money/amount";\nexport const f = [issueText, toMinor];\n';

// Lint everything once, up front: starting ESLint with the repo config is the slow part.
const cases: Snippet[] = [
  ...forbiddenImports.map(([, code]) => ({ code, filePath: "src/engine/x.ts" })),
  ...forbiddenImports.map(([, code]) => ({ code, filePath: "src/xlsx/x.ts" })),
  { code: engineGlobals, filePath: "src/engine/x.ts" },
  { code: engineDynamicImport, filePath: "src/engine/x.ts" },
  { code: engineOwnImports, filePath: "src/engine/aging/x.ts" },
];
let reports: string[][] = [];
beforeAll(() => {
  reports = ruleIdsFor(cases);
}, 60_000);

function reportFor(code: string, filePath: string): string[] | undefined {
  return reports[cases.findIndex((c) => c.code === code && c.filePath === filePath)];
}

describe("engine boundary", () => {
  it.each(forbiddenImports)("reports an engine file importing %s", (_label, code) => {
    expect(reportFor(code, "src/engine/x.ts")).toEqual(["no-restricted-imports"]);
  });

  it.each(forbiddenImports)("allows src/xlsx to import %s", (_label, code) => {
    expect(reportFor(code, "src/xlsx/x.ts")).toEqual([]);
  });

  it("reports Office.js and Node globals in the engine", () => {
    expect(reportFor(engineGlobals, "src/engine/x.ts")).toEqual(["no-restricted-globals", "no-restricted-globals"]);
  });

  it("reports a dynamic import in the engine", () => {
    expect(reportFor(engineDynamicImport, "src/engine/x.ts")).toEqual(["no-restricted-syntax"]);
  });

  it("allows the engine to import its own modules", () => {
    expect(reportFor(engineOwnImports, "src/engine/aging/x.ts")).toEqual([]);
  });
});
