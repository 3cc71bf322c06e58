import { readFile } from "node:fs/promises";
import { readZipDirectory, zipEntryBytes, zipEntryChunks, type ZipEntry } from "./zip";

/**
 * Random access to the parts of an OOXML package (a zip): the central directory is read once, and a part is
 * inflated only when asked for, so a reader can take workbook.xml first whatever the order of the entries.
 */
export interface ZipPackage {
  has(partPath: string): boolean;
  text(partPath: string): Promise<string>;
  /**
   * The part's bytes inflated synchronously, in pieces that all share one buffer: a piece is valid only until the
   * next is taken. The fastest way through a big part (see zip/inflateRawChunks.ts); damage throws.
   */
  chunks(partPath: string): Iterable<Buffer>;
}

/**
 * A package from a file or from bytes already in memory. A file is read whole (an .xlsx is compressed; the parts
 * are inflated only when asked for). Throws when the bytes are not a zip archive.
 */
export async function openZipPackage(source: string | Buffer): Promise<ZipPackage> {
  const archive = typeof source === "string" ? await readFile(source) : source;
  const entries = new Map<string, ZipEntry>();
  for (const entry of readZipDirectory(archive)) {
    if (/[/\\]$/.test(entry.name) && entry.uncompressedSize === 0) continue; // a folder
    // Part names are case-insensitive (OPC) and some writers store them with a leading slash. A name given twice
    // keeps its last entry.
    entries.set(normalizePartPath(entry.name), entry);
  }
  const entryOf = (partPath: string): ZipEntry => {
    const entry = entries.get(normalizePartPath(partPath));
    if (entry === undefined) throw new Error(`The package has no part ${partPath}`);
    return entry;
  };
  return {
    has: (partPath) => entries.has(normalizePartPath(partPath)),
    text: async (partPath) => zipEntryBytes(archive, entryOf(partPath)).toString("utf8"),
    chunks: (partPath) => zipEntryChunks(archive, entryOf(partPath)),
  };
}

function normalizePartPath(partPath: string): string {
  return partPath.replace(/^\/+/, "").replace(/\\/g, "/").toLowerCase();
}

/**
 * The part a relationship points at: `target` is relative to the source part's folder unless it starts with "/".
 * @example resolvePartTarget("xl/workbook.xml", "worksheets/sheet1.xml")  //=> "xl/worksheets/sheet1.xml"
 * @example resolvePartTarget("xl/workbook.xml", "/xl/sharedStrings.xml")  //=> "xl/sharedStrings.xml"
 */
export function resolvePartTarget(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%" is part of the name.
  }
  const segments = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}
