import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeTextFile } from "./writeTextFile";

describe("writeTextFile", () => {
  it("writes exactly the UTF-8 of the text, surrogate pairs across slice ends included", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rd-text-"));
    try {
      // 262,143 ASCII characters put the emoji's first half on the last unit of the first 256 Ki slice.
      const text = `${"a".repeat(262_143)}😀 Zakład 1–30 ${"ż".repeat(600_000)}\n`;
      const path = join(dir, "out.json");
      await writeTextFile(path, text);
      const bytes = await readFile(path);
      expect(bytes.equals(Buffer.from(text, "utf8"))).toBe(true);
      expect(bytes.toString("utf8")).toBe(text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("writes short text as it is", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rd-text-"));
    try {
      await writeTextFile(join(dir, "a.txt"), "Zapłata");
      expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("Zapłata");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
