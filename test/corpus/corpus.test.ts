import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { minorUnitExponent } from "../../src/engine/money/currency";
import type { ReceivablesJson } from "../../src/engine/report/receivablesJson";
import type { DumpedSheet } from "../../src/excel/testing";
import { CORPUS } from "./cases";
import { issueKey, type CorpusCase, type CorpusExpected } from "./corpusCase";
import { CORPUS_SECTION_END, CORPUS_SECTION_START, renderCorpusSection } from "./reliabilityDoc";
import { inputWorkbookData, runCorpusCli, runCorpusFake, sha256, sheetsWithFormulas, writeInputs } from "./runCorpusCase";

const sorted = (keys: readonly string[]) => [...keys].sort();

function expectedIssues(expected: CorpusExpected): string[] {
  return sorted(typeof expected.issues === "function" ? expected.issues() : expected.issues);
}

/** Open balance per currency in minor units, as the JSON's totals give it. */
function openByCurrency(json: ReceivablesJson): Record<string, number> {
  const open: Record<string, number> = {};
  for (const total of json.totals) {
    const minor = Math.round(total.open * 10 ** minorUnitExponent(total.currency));
    if (minor !== 0) open[total.currency] = minor;
  }
  return open;
}

function expectFigures(json: ReceivablesJson, expected: CorpusExpected): void {
  if (expected.open !== undefined) expect(openByCurrency(json)).toEqual(expected.open);
  if (expected.openItems !== undefined) expect(json.openItems).toHaveLength(expected.openItems);
  expected.check?.(json);
}

/** Cells of any sheet that hold a formula. */
function formulaCells(sheets: readonly DumpedSheet[]): string[] {
  const found: string[] = [];
  for (const sheet of sheets) {
    sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
      if (cell !== null && typeof cell === "object" && "formula" in cell) found.push(`${sheet.name}!R${r + 1}C${c + 1}`);
    }));
  }
  return found;
}

/**
 * Deep equality that stays fast on 50,000-element arrays: equal JSON texts pass at once; otherwise jest's `toEqual`
 * shows the difference. Comparing as JSON text also treats the two paths' outputs as the user sees them (-0 is 0).
 */
function expectSameJson(actual: unknown, expected: unknown): void {
  const text = (value: unknown) => JSON.stringify(value);
  if (text(actual) === text(expected)) return;
  expect(JSON.parse(text(actual)) as unknown).toEqual(JSON.parse(text(expected)) as unknown);
}

describe("awkward-input corpus", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rd-corpus-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("has unique case names, all described in docs/reliability.md as the table of cases says", async () => {
    const names = CORPUS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(40);
    const path = join(__dirname, "../../docs/reliability.md");
    const docs = await readFile(path, "utf8");
    const start = docs.indexOf(CORPUS_SECTION_START);
    const end = docs.indexOf(CORPUS_SECTION_END);
    expect({ start: start >= 0, end: end > start }).toEqual({ start: true, end: true });
    const section = renderCorpusSection(CORPUS);
    if (process.env["UPDATE_RELIABILITY_DOC"] === "1") {
      await writeFile(path, docs.slice(0, start) + section + docs.slice(end + CORPUS_SECTION_END.length));
      return;
    }
    // Out of date: run `UPDATE_RELIABILITY_DOC=1 npx jest test/corpus/corpus.test.ts -t docs`.
    expect(docs.slice(start, end + CORPUS_SECTION_END.length)).toBe(section);
  });

  describe.each(CORPUS.map((c): [string, CorpusCase] => [c.name, c]))("%s", (name, corpusCase) => {
    const { expected } = corpusCase;
    const maxSeconds = expected.maxSeconds ?? 5;

    it("CLI and in-memory Excel: no crash, source untouched, exactly the expected issues and figures", async () => {
      const caseDir = await mkdtemp(join(dir, `${name}-`));
      const inputs = await writeInputs(corpusCase, caseDir);
      const cli = await runCorpusCli(corpusCase, inputs, caseDir);
      expect({ code: cli.code, stderr: cli.stderr }).toEqual({ code: expected.exitCode ?? 0, stderr: expect.any(String) });
      for (const input of inputs) expect(await sha256(input.path)).toBe(input.sha256);
      if (cli.json === null) {
        expect(sorted(cli.stderr.split("\n").filter((l) => l !== ""))).toHaveLength(expectedIssues(expected).length);
      } else {
        expectSameJson(sorted(cli.json.issues.map(issueKey)), expectedIssues(expected));
        expectFigures(cli.json, expected);
        expect(await sheetsWithFormulas(cli.reportPath)).toEqual([]);
      }
      expect(cli.seconds).toBeLessThan(maxSeconds);

      // The same cells in the add-in's path: strict in-memory Excel → read → engine → report written back.
      const data = await inputWorkbookData(inputs);
      const fake = await runCorpusFake(corpusCase, data);
      expect(fake.ok).toBe((expected.exitCode ?? 0) === 0);
      expectSameJson(sorted(fake.issues.map(issueKey)), expectedIssues(expected));
      const after = fake.excel.dumpWorkbook();
      // Source sheets keep every cell; the report's sheets come after them.
      expectSameJson(after.slice(0, fake.before.length), fake.before);
      expect(formulaCells(after)).toEqual([]);
      if (fake.json !== null) expectSameJson(fake.json, cli.json);
      expect(fake.seconds).toBeLessThan(maxSeconds);
    }, 60_000);
  });
});
