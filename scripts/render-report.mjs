// Renders a report workbook to PNG pages for a person to look at: LibreOffice converts it to PDF, poppler's
// pdftoppm turns each page into an image (70 dpi, enough to judge layout and charts).
//
//   node scripts/render-report.mjs <report.xlsx> [--out dir]
//
// Prints the files it made, one a line (the PDF, then the pages). Each run uses a throwaway LibreOffice profile,
// so several can run at once (LibreOffice otherwise hands the work to an instance already running, or fails on
// the locked profile). Needs Debian's libreoffice-calc-nogui and poppler-utils.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs, promisify } from "node:util";

const run = promisify(execFile);
const TOOLS = [
  { command: "soffice", debianPackage: "libreoffice-calc-nogui" },
  { command: "pdftoppm", debianPackage: "poppler-utils" },
];
const USAGE = "usage: node scripts/render-report.mjs <report.xlsx> [--out dir]";

async function main() {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    return fail(`${error.message}\n${USAGE}`, 2);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return;
  }
  if (parsed.positionals.length !== 1) return fail(USAGE, 2);
  const input = resolve(parsed.positionals[0]);
  if (!existsSync(input)) return fail(`No such file: ${input}`, 1);
  const outDir = resolve(parsed.values.out ?? dirname(input));

  const missing = [];
  for (const tool of TOOLS) if (!(await commandExists(tool.command))) missing.push(tool);
  if (missing.length > 0) {
    const names = missing.map((t) => `'${t.command}'`).join(" and ");
    const packages = missing.map((t) => t.debianPackage).join(" ");
    return fail(`${names} not found: install them with 'apt-get install -y ${packages}' (Debian/Ubuntu), then run again.`, 1);
  }

  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), "rd-render-profile-"));
  // LibreOffice names the PDF after the input; converting in a private folder keeps a concurrent run from
  // reading a half-written PDF of the same name.
  const work = await mkdtemp(join(tmpdir(), "rd-render-"));
  try {
    const stem = basename(input, extname(input));
    await run(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, input],
      { timeout: 180_000 },
    );
    const pdfMade = join(work, `${stem}.pdf`);
    if (!existsSync(pdfMade)) return fail(`LibreOffice did not convert ${input} to PDF`, 1);
    const pdf = join(outDir, `${stem}.pdf`);
    await copyFile(pdfMade, pdf);
    // Pages of an earlier rendering of the same file would otherwise be listed (and mistaken) for this one's.
    for (const name of await pagesOf(outDir, stem)) await rm(join(outDir, name), { force: true });
    // pdftoppm writes <prefix>-1.png, <prefix>-2.png, … (zero-padded when there are 10 pages or more).
    await run("pdftoppm", ["-png", "-r", "70", pdf, join(outDir, stem)], { timeout: 180_000 });
    const pages = await pagesOf(outDir, stem);
    for (const file of [pdf, ...pages.map((name) => join(outDir, name))]) console.log(file);
  } finally {
    await rm(profile, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
}

/** The page images of `stem` in `dir`, in page order. */
async function pagesOf(dir, stem) {
  const pageNumber = (name) => Number(name.slice(stem.length + 1, -".png".length));
  return (await readdir(dir))
    .filter((name) => name.startsWith(`${stem}-`) && /^\d+$/.test(name.slice(stem.length + 1, -".png".length)) && name.endsWith(".png"))
    .sort((a, b) => pageNumber(a) - pageNumber(b));
}

async function commandExists(command) {
  try {
    await run("sh", ["-c", 'command -v "$1"', "sh", command]);
    return true;
  } catch {
    return false;
  }
}

function fail(message, code) {
  console.error(`render-report: ${message}`);
  process.exitCode = code;
}

// A failing conversion (a corrupt file, a timeout) is reported in one line with the tool's own words, not a stack.
await main().catch((error) => fail(error.stderr?.trim() || error.message, 1));
