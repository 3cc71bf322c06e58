import { execFileSync } from "node:child_process";

/**
 * The path of a system tool, or a thrown error naming the Debian package to install: a missing tool fails the
 * test loudly instead of skipping it.
 */
export function requireTool(command: string, debianPackage: string): string {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`'${command}' is not installed: run 'apt-get install -y ${debianPackage}' (or 'bash .ci/run', which does)`);
  }
}
