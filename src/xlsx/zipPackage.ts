import type { Readable } from "node:stream";
import { Open, type CentralDirectoryEntry } from "unzipper";

/**
 * Random access to the parts of an OOXML package (a zip): the central directory is read once, and a part is
 * inflated only when asked for, so a reader can take workbook.xml first whatever the order of the entries.
 */
export interface ZipPackage {
  has(partPath: string): boolean;
  /** The part's bytes, inflated as a stream. */
  stream(partPath: string): Readable;
  text(partPath: string): Promise<string>;
}

/** A package from a file (reads only what is asked for) or from bytes already in memory. */
export async function openZipPackage(source: string | Buffer): Promise<ZipPackage> {
  const directory = typeof source === "string" ? await Open.file(source) : await Open.buffer(source);
  const entries = new Map<string, CentralDirectoryEntry>();
  for (const entry of directory.files) {
    if (entry.type !== "File") continue;
    // Part names are case-insensitive (OPC) and some writers store them with a leading slash.
    entries.set(normalizePartPath(entry.path), entry);
  }
  const entryOf = (partPath: string): CentralDirectoryEntry => {
    const entry = entries.get(normalizePartPath(partPath));
    if (entry === undefined) throw new Error(`The package has no part ${partPath}`);
    return entry;
  };
  return {
    has: (partPath) => entries.has(normalizePartPath(partPath)),
    stream: (partPath) => entryOf(partPath).stream(),
    text: async (partPath) => (await entryOf(partPath).buffer()).toString("utf8"),
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
