// Lints code snippets as if they were files in the repo, with the repo's own eslint.config.mjs, via ESLint's Node API.
// Reads [{code, filePath}] as JSON on stdin, writes [[ruleId, ...], ...] as JSON on stdout.
// It runs as a plain Node process because ESLint loads eslint.config.mjs with import(), which jest's module sandbox
// refuses without --experimental-vm-modules.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const snippets = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const eslint = new ESLint({ cwd: repoRoot });
const reports = [];
for (const { code, filePath } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  reports.push(result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`));
}
process.stdout.write(JSON.stringify(reports));
