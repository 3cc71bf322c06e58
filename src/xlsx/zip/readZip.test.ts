import { randomBytes } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { inflateRawChunks } from "./inflateRawChunks";
import { readZipDirectory, type ZipEntry } from "./readZipDirectory";
import { zipEntryBytes, zipEntryChunks } from "./zipEntryBytes";
import { zipFixture } from "./zipFixture";

const WORKBOOK_XML = '<?xml version="1.0"?><workbook><sheets><sheet name="Zażółć" r:id="rId1"/></sheets></workbook>';
/** Compressible and long enough to take several 256 KiB pieces. */
const BIG_XML = `<sheetData>${Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7}</v></c></row>`).join("")}</sheetData>`;

function entryNamed(archive: Buffer, name: string): ZipEntry {
  const entry = readZipDirectory(archive).find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no ${name}`);
  return entry;
}

/** Every piece copied as it comes (they share one buffer), joined. */
function joinedChunks(archive: Buffer, entry: ZipEntry, reuseBuffer = true): Buffer {
  return Buffer.concat([...zipEntryChunks(archive, entry, reuseBuffer)].map((piece) => Buffer.from(piece)));
}

describe("readZipDirectory and zipEntryBytes", () => {
  it("reads stored and deflated entries, names in UTF-8, with their sizes", () => {
    const archive = zipFixture([
      { name: "xl/workbook.xml", content: WORKBOOK_XML, method: 8 },
      { name: "docProps/ą.txt", content: "stored text", method: 0 },
    ]);
    const entries = readZipDirectory(archive);
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ["xl/workbook.xml", 8, Buffer.byteLength(WORKBOOK_XML)],
      ["docProps/ą.txt", 0, 11],
    ]);
    expect(zipEntryBytes(archive, entries[0]!).toString("utf8")).toBe(WORKBOOK_XML);
    expect(zipEntryBytes(archive, entries[1]!).toString("utf8")).toBe("stored text");
  });

  it("gives the same bytes in pieces as at once, stored or deflated, with the reused buffer or without", () => {
    const archive = zipFixture([
      { name: "deflated.xml", content: BIG_XML, method: 8 },
      { name: "stored.xml", content: BIG_XML, method: 0 },
    ]);
    for (const name of ["deflated.xml", "stored.xml"]) {
      const entry = entryNamed(archive, name);
      const whole = zipEntryBytes(archive, entry);
      expect(whole.toString("utf8")).toBe(BIG_XML);
      // Buffer#equals: jest's toEqual walks a megabyte byte by byte.
      expect(joinedChunks(archive, entry).equals(whole)).toBe(true);
      expect(joinedChunks(archive, entry, false).equals(whole)).toBe(true);
      expect([...zipEntryChunks(archive, entry)].length).toBeGreaterThan(2);
    }
  });

  it("finds the end record behind an archive comment, even one holding the record's signature", () => {
    const comment = "written by a tool PK\u0005\u0006 and then a good deal more text after it";
    const archive = zipFixture([{ name: "a.xml", content: "<a/>" }], { comment });
    expect(zipEntryBytes(archive, entryNamed(archive, "a.xml")).toString()).toBe("<a/>");
  });

  it("reads a ZIP64 archive: its end record and locator, and entries whose sizes and offset are in the ZIP64 field", () => {
    const archive = zipFixture(
      [
        { name: "first.xml", content: "<first/>", zip64: true },
        { name: "xl/worksheets/sheet1.xml", content: BIG_XML, zip64: true },
      ],
      { zip64EndRecord: true },
    );
    // The classic record is saturated: a reader that ignored ZIP64 would find no directory.
    expect(archive.readUInt16LE(archive.length - 22 + 10)).toBe(0xffff);
    const entries = readZipDirectory(archive);
    expect(entries.map((e) => e.name)).toEqual(["first.xml", "xl/worksheets/sheet1.xml"]);
    expect(entries[1]?.uncompressedSize).toBe(Buffer.byteLength(BIG_XML));
    expect(entries[1]?.localHeaderOffset).toBeGreaterThan(0);
    expect(zipEntryBytes(archive, entries[1]!).toString()).toBe(BIG_XML);
    expect(joinedChunks(archive, entries[0]!).toString()).toBe("<first/>");
  });

  it("reads an entry whose sizes come after its data (a data descriptor) from the central directory", () => {
    const archive = zipFixture([{ name: "a.xml", content: "<a>descriptor</a>", flags: 0x0008 }]);
    expect(zipEntryBytes(archive, entryNamed(archive, "a.xml")).toString()).toBe("<a>descriptor</a>");
  });

  describe("edge cases", () => {
    it("says a CSV is not a zip package", () => {
      expect(() => readZipDirectory(Buffer.from("Nr;Kwota\n1;2\n"))).toThrow("not a zip package");
      expect(() => readZipDirectory(Buffer.alloc(0))).toThrow("not a zip package");
    });

    it("says an OLE2 file is an .xls or a password-encrypted workbook", () => {
      const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(600)]);
      expect(() => readZipDirectory(ole2)).toThrow(/\.xls workbook, or an \.xlsx encrypted with a password/);
    });

    it("says a zip cut short is cut short, whether the end record or an entry's data is missing", () => {
      const archive = zipFixture([{ name: "a.xml", content: BIG_XML }]);
      expect(() => readZipDirectory(archive.subarray(0, archive.length - 30))).toThrow("cut short");
      // The directory intact but stating more compressed bytes than the file holds.
      const entry = entryNamed(archive, "a.xml");
      const damaged = Buffer.from(archive);
      const centralHeader = damaged.length - 22 - (46 + "a.xml".length);
      damaged.writeUInt32LE(entry.compressedSize + archive.length, centralHeader + 20);
      expect(() => zipEntryBytes(damaged, readZipDirectory(damaged)[0]!)).toThrow("cut short");
    });

    it("refuses encrypted entries and compression methods other than stored and deflate, naming them", () => {
      const archive = zipFixture([
        { name: "secret.xml", content: "<a/>", method: 0, flags: 0x0001 },
        { name: "bzip.xml", content: "<a/>", method: 12 },
        { name: "aes.xml", content: "<a/>", method: 99 },
      ]);
      expect(() => zipEntryBytes(archive, entryNamed(archive, "secret.xml"))).toThrow("secret.xml is encrypted");
      expect(() => zipEntryBytes(archive, entryNamed(archive, "bzip.xml"))).toThrow("compressed with bzip2");
      expect(() => [...zipEntryChunks(archive, entryNamed(archive, "aes.xml"))]).toThrow("aes.xml is encrypted");
    });

    it("catches a wrong CRC-32 and sizes that do not match, at once and in pieces", () => {
      const archive = zipFixture([
        { name: "crc.xml", content: BIG_XML, crc32: 12345 },
        { name: "short.xml", content: BIG_XML, uncompressedSize: 1000 },
        { name: "long.xml", content: BIG_XML, uncompressedSize: Buffer.byteLength(BIG_XML) + 1 },
      ]);
      for (const read of [zipEntryBytes, (a: Buffer, e: ZipEntry) => joinedChunks(a, e), (a: Buffer, e: ZipEntry) => joinedChunks(a, e, false)]) {
        expect(() => read(archive, entryNamed(archive, "crc.xml"))).toThrow("CRC-32 does not match");
        expect(() => read(archive, entryNamed(archive, "short.xml"))).toThrow("inflates to more than the 1000 bytes");
        expect(() => read(archive, entryNamed(archive, "long.xml"))).toThrow(/inflates to \d+ bytes, not the \d+/);
      }
    });

    it("stops inflating an entry that lies about its size after one piece (a zip bomb)", () => {
      const bomb = Buffer.alloc(50 * 1024 * 1024);
      const archive = zipFixture([{ name: "bomb.xml", content: bomb, uncompressedSize: 10 }]);
      const pieces = zipEntryChunks(archive, entryNamed(archive, "bomb.xml"));
      expect(() => pieces.next()).toThrow("inflates to more than the 10 bytes");
    });

    it("reports deflate data that is not deflate as damage", () => {
      const archive = zipFixture([{ name: "a.xml", content: BIG_XML }]);
      const entry = entryNamed(archive, "a.xml");
      const damaged = Buffer.from(archive);
      damaged.fill(0xff, entry.localHeaderOffset + 30 + 5, entry.localHeaderOffset + 30 + 40);
      expect(() => zipEntryBytes(damaged, entry)).toThrow("damaged");
      expect(() => joinedChunks(damaged, entry)).toThrow("damaged");
    });

    it("refuses an archive split over several disks", () => {
      expect(() => readZipDirectory(zipFixture([{ name: "a.xml", content: "<a/>" }], { disk: 1 }))).toThrow("several disks");
    });
  });
});

describe("inflateRawChunks", () => {
  it("hands out pieces of one reused buffer, ending right when the output fills the last piece exactly", () => {
    const content = Buffer.from("x".repeat(64 * 3));
    const pieces = [...inflateRawChunks(deflateRawSync(content), 64, content.length)];
    expect(pieces).toHaveLength(3);
    expect(new Set(pieces.map((piece) => piece.buffer)).size).toBe(1);
    const copied: Buffer[] = [];
    for (const piece of inflateRawChunks(deflateRawSync(content), 64, content.length)) copied.push(Buffer.from(piece));
    expect(Buffer.concat(copied).toString()).toBe(content.toString());
  });

  it("is the same with Node's public inflateRawSync, which it falls back to", () => {
    const content = randomBytes(100_000);
    const joined = (reuse: boolean) =>
      Buffer.concat([...inflateRawChunks(deflateRawSync(content), 4096, content.length, reuse)].map((piece) => Buffer.from(piece)));
    expect(joined(true).equals(content)).toBe(true);
    expect(joined(false).equals(content)).toBe(true);
  });

  it("throws on truncated deflate data instead of ending early", () => {
    const data = deflateRawSync(randomBytes(10_000));
    expect(() => [...inflateRawChunks(data.subarray(0, data.length - 100), 4096, 10_000)]).toThrow("unexpected end of file");
  });
});
