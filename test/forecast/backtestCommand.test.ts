import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backtestCommand } from "../../src/cli/backtestCommand";
import { dayFromCivil } from "../../src/engine/dates/civil";
import type { ForecastJson } from "../../src/engine/forecast";
import { generateSample } from "../../src/sample/generateSample";
import { writeReportWorkbook } from "../../src/xlsx/writeReportWorkbook";

const dir = mkdtempSync(join(tmpdir(), "rd-backtest-"));

async function backtestCli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await backtestCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), today: () => dayFromCivil(2026, 11, 30) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("receivables backtest", () => {
  const samplePath = join(dir, "sample.xlsx");
  beforeAll(async () => {
    await writeReportWorkbook(generateSample(), samplePath);
  }, 60_000);

  it("prints the model beside both baselines, the calibration and the weekly cash error, and writes JSON", async () => {
    const jsonPath = join(dir, "backtest.json");
    const result = await backtestCli([samplePath, "--as-of", "2026-11-30", "--currency", "PLN", "--json", jsonPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Backtest as of 2026-11-30: 12 month ends from 2025-06-30 to 2026-05-31");
    expect(result.stdout).toMatch(/This model\s+\d+\.\d\d\s+\d+\.\d %/);
    expect(result.stdout).toContain("Pays on the due date");
    expect(result.stdout).toContain("Customer's mean delay");
    expect(result.stdout).toMatch(/Model vs customer mean: \d+\.\d % lower mean error/);
    expect(result.stdout).toMatch(/PLN\s+\d+\.\d %/);
    const json = JSON.parse(readFileSync(jsonPath, "utf8")) as NonNullable<ForecastJson["backtest"]>;
    expect(json.asOf).toBe("2026-11-30");
    expect(json.methods.map((m) => m.method)).toEqual(["model", "dueDate", "customerMean"]);
    const [model, , mean] = json.methods;
    expect(model!.mae).toBeLessThanOrEqual(0.9 * mean!.mae);
  }, 60_000);

  it("speaks Polish", async () => {
    const result = await backtestCli([samplePath, "--as-of", "2026-11-30", "--currency", "PLN", "--lang", "pl", "--warmup", "12"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Test wsteczny na dzień 2026-11-30");
    expect(result.stdout).toContain("Średnie opóźnienie kontrahenta");
  }, 60_000);

  it("says when the history is too short", async () => {
    const result = await backtestCli([samplePath, "--as-of", "2025-05-31", "--currency", "PLN"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No month end to test");
  }, 60_000);

  describe("edge cases", () => {
    it("exits 2 on a bad option value and 1 on an unreadable file", async () => {
      expect((await backtestCli([samplePath, "--warmup", "six"])).code).toBe(2);
      expect((await backtestCli([samplePath, "--nonsense"])).code).toBe(2);
      expect((await backtestCli([])).code).toBe(2);
      const broken = join(dir, "broken.xlsx");
      writeFileSync(broken, "not a zip");
      const result = await backtestCli([broken]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Cannot read");
    });
  });
});
