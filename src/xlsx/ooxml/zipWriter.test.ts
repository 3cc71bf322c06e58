import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { openZipPackage } from "../zipPackage";
import { ZipWriter } from "./zipWriter";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rd-zip-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A few megabytes of rows with multi-byte characters, as a generator of small chunks. */
function* rows(count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield `<row r="${i + 1}"><c><v>Łódź ${i} € 💶</v></c></row>`;
}

describe("ZipWriter", () => {
  it("writes parts whole or in chunks that zip readers inflate and check (CRC-32) byte for byte", async () => {
    const path = join(dir, "parts.zip");
    const zip = await ZipWriter.create(path);
    await zip.addPart("small.xml", "<a>zażółć</a>");
    await zip.addPart("empty.xml", "");
    await zip.addPart("big.xml", rows(120_000));
    // One chunk larger than the encoding buffer.
    const huge = "x".repeat(3_000_000);
    await zip.addPart("huge.xml", ["<h>", huge, "</h>"]);
    await zip.close();

    const bytes = await readFile(path);
    const jszip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(jszip.files)).toEqual(["small.xml", "empty.xml", "big.xml", "huge.xml"]);
    expect(await jszip.file("small.xml")!.async("string")).toBe("<a>zażółć</a>");
    expect(await jszip.file("empty.xml")!.async("string")).toBe("");
    expect(await jszip.file("big.xml")!.async("string")).toBe([...rows(120_000)].join(""));
    expect(await jszip.file("huge.xml")!.async("string")).toBe(`<h>${huge}</h>`);
    // The package reader the CLI uses (central directory, streamed inflate) agrees.
    const pkg = await openZipPackage(bytes);
    expect(await pkg.text("big.xml")).toBe([...rows(120_000)].join(""));
    // Deflated, not stored: the repetitive rows shrink a lot.
    expect(bytes.length).toBeLessThan(Buffer.byteLength([...rows(120_000)].join("")) / 5);
  });

  describe("edge cases", () => {
    it("refuses a part name given twice", async () => {
      const zip = await ZipWriter.create(join(dir, "twice.zip"));
      await zip.addPart("a.xml", "<a/>");
      await expect(zip.addPart("a.xml", "<b/>")).rejects.toThrow(/a\.xml already/);
      await zip.abort();
    });

    it("leaves nothing half-written in a part whose text fails midway", async () => {
      const path = join(dir, "failing.zip");
      const zip = await ZipWriter.create(path);
      await zip.addPart("ok.xml", "<ok/>");
      function* failing(): Generator<string> {
        yield "<a>";
        throw new Error("bad row");
      }
      await expect(zip.addPart("bad.xml", failing())).rejects.toThrow("bad row");
      await zip.addPart("after.xml", "<after/>");
      await zip.close();
      const jszip = await JSZip.loadAsync(await readFile(path), { checkCRC32: true });
      expect(Object.keys(jszip.files)).toEqual(["ok.xml", "after.xml"]);
    });
  });
});
