#!/usr/bin/env node
// Offline manifest check (`npm run validate:offline`): runs the shared validator, which checks manifest.xml with
// xmllint against Microsoft's manifest XSDs kept in ../shared/schemas/office-addin-manifest/. The online check
// (`npm run validate`) posts the manifest to a Microsoft service and cannot run without network.
// usage: node scripts/validate-manifest.mjs [manifest.xml]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaDir = path.resolve(repoRoot, "..", "shared", "schemas", "office-addin-manifest");
const validator = path.join(schemaDir, "validate.mjs");
const manifest = path.resolve(repoRoot, process.argv[2] ?? "manifest.xml");

function fail(message) {
  console.error(`validate:offline: ${message}`);
  process.exit(2);
}

if (!fs.existsSync(validator)) {
  fail(
    `the offline validator is missing: ${validator} not found. It comes from the shared folder next to this ` +
      `repository (${path.dirname(path.dirname(schemaDir))}); without it, use \`npm run validate\` (needs network).`,
  );
}
if (!fs.existsSync(manifest)) fail(`${manifest} not found.`);

const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
if (xmllint.error) {
  fail("xmllint is not installed. On Debian/Ubuntu: apt-get install -y libxml2-utils");
}

const result = spawnSync(process.execPath, [validator, path.relative(repoRoot, manifest)], {
  cwd: repoRoot,
  stdio: "inherit",
});
if (result.error) fail(`could not run ${validator}: ${result.error.message}`);
process.exit(result.status ?? 1);
