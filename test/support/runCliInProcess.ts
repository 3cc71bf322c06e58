import { runCli } from "../../src/cli/runCli";
import { dayFromCivil } from "../../src/engine/dates/civil";

/** Runs the `receivables` command in this process, capturing its output; "today" is fixed at 2026-11-30. */
export async function runCliInProcess(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), today: () => dayFromCivil(2026, 11, 30) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
