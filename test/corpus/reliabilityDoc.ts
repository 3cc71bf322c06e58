import { minorUnitExponent } from "../../src/engine/money/currency";
import type { CorpusCase } from "./corpusCase";

/** Markers around the generated corpus table in docs/reliability.md. */
export const CORPUS_SECTION_START = "<!-- corpus:start (generated from test/corpus/cases.ts; UPDATE_RELIABILITY_DOC=1 npx jest test/corpus/corpus.test.ts) -->";
export const CORPUS_SECTION_END = "<!-- corpus:end -->";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function figures(corpusCase: CorpusCase): string {
  const { expected } = corpusCase;
  if ((expected.exitCode ?? 0) !== 0) return `exit code ${expected.exitCode}`;
  const open = Object.entries(expected.open ?? {}).map(([currency, minor]) => {
    const exponent = minorUnitExponent(currency);
    const major = (minor / 10 ** exponent).toLocaleString("en-US", { minimumFractionDigits: exponent, maximumFractionDigits: exponent });
    return `${currency} ${major}`;
  });
  const items = expected.openItems === undefined ? "" : `${expected.openItems.toLocaleString("en-US")} open item${expected.openItems === 1 ? "" : "s"}`;
  const balance = open.length > 0 ? `open ${open.join(", ")}` : expected.openItems ? "open items net to 0" : "nothing open";
  return [balance, items].filter((part) => part !== "").join("; ");
}

function issues(corpusCase: CorpusCase): string {
  const list = typeof corpusCase.expected.issues === "function" ? corpusCase.expected.issues() : corpusCase.expected.issues;
  if (list.length === 0) return "none";
  if (list.length > 12) {
    const codes = new Map<string, number>();
    for (const key of list) {
      const code = key.slice(key.lastIndexOf(" ") + 1);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    return [...codes].map(([code, n]) => `${n.toLocaleString("en-US")} × \`${code}\``).join(", ");
  }
  return list.map((key) => `\`${key}\``).join(", ");
}

/** The corpus as the Markdown table docs/reliability.md shows between its markers. */
export function renderCorpusSection(corpus: readonly CorpusCase[]): string {
  const rows = corpus.map((c) => {
    const bug = c.knownBug === undefined ? "" : ` **Known problem:** ${c.knownBug}`;
    return `| \`${c.name}\` | ${cell(c.input)} | ${cell(c.behaviour)}${cell(bug)} | ${issues(c)} | ${figures(c)} |`;
  });
  return [
    CORPUS_SECTION_START,
    "",
    "| Case | Input | What the user sees | Issues (sheet!cell code) | Figures |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    CORPUS_SECTION_END,
  ].join("\n");
}
