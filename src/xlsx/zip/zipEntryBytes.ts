import { constants as bufferConstants } from "node:buffer";
import * as zlib from "node:zlib";
import { inflateRawChunks } from "./inflateRawChunks";
import type { ZipEntry } from "./readZipDirectory";

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;
const DEFLATE = 8;
const ENCRYPTED = 0x0001;
const STRONG_ENCRYPTION = 0x0040;
/** WinZip's AES encryption puts this in the method field. */
const AES_ENCRYPTED = 99;
const METHOD_NAMES: Readonly<Record<number, string>> = {
  9: "Deflate64",
  12: "bzip2",
  14: "LZMA",
  93: "Zstandard",
  95: "XZ",
  98: "PPMd",
};

/** Inflated pieces handed out by `zipEntryChunks`: large enough that per-piece overhead does not show, small enough to stay in cache. */
const INFLATE_CHUNK_BYTES = 256 * 1024;

/**
 * The entry's bytes as stored in the archive (still compressed), after checking its local header and that it is
 * neither encrypted nor compressed with a method other than stored or deflate.
 */
export function storedZipEntryBytes(archive: Buffer, entry: ZipEntry): Buffer {
  if ((entry.flags & (ENCRYPTED | STRONG_ENCRYPTION)) !== 0 || entry.method === AES_ENCRYPTED) {
    throw new Error(`The zip entry ${entry.name} is encrypted, which this reader does not support`);
  }
  if (entry.method !== STORED && entry.method !== DEFLATE) {
    const method = METHOD_NAMES[entry.method] ?? `method ${entry.method}`;
    throw new Error(`The zip entry ${entry.name} is compressed with ${method}; only stored and deflate entries can be read`);
  }
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > archive.length || archive.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) {
    throw new Error(`The zip archive is damaged: the local header of ${entry.name} is missing`);
  }
  // The local header's own name and extra field may differ in length from the central directory's.
  const start = at + LOCAL_HEADER_SIZE + archive.readUInt16LE(at + 26) + archive.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > archive.length) throw new Error(`The zip archive is cut short: the data of ${entry.name} is incomplete`);
  if (entry.method === STORED && entry.compressedSize !== entry.uncompressedSize) {
    throw new Error(`The zip archive is damaged: the stored entry ${entry.name} has two different sizes`);
  }
  if (entry.uncompressedSize > bufferConstants.MAX_LENGTH) {
    throw new Error(`The zip entry ${entry.name} is too large to read (${entry.uncompressedSize} bytes)`);
  }
  return archive.subarray(start, end);
}

/**
 * An entry's content, inflated at once and checked against the central directory's size and CRC-32.
 * @example zipEntryBytes(archive, entries.find((e) => e.name === "xl/workbook.xml")!).toString("utf8", 0, 5)  //=> "<?xml"
 */
export function zipEntryBytes(archive: Buffer, entry: ZipEntry): Buffer {
  // The same inflation and checks as the pieces; each piece is copied before the next overwrites its buffer.
  return Buffer.concat(Array.from(zipEntryChunks(archive, entry), (piece) => Buffer.from(piece)));
}

/**
 * An entry's content in pieces of at most 256 KiB, inflated as they are taken into one reused buffer: a piece is
 * valid only until the next one is taken (see `inflateRawChunks`), so a part of hundreds of megabytes is never
 * whole in memory. Size and CRC-32 are checked as the pieces go by; an Error comes instead of the end when they do
 * not match, and as soon as more bytes come out than the directory states.
 */
export function* zipEntryChunks(archive: Buffer, entry: ZipEntry, reuseBuffer = true): Generator<Buffer, void, undefined> {
  const stored = storedZipEntryBytes(archive, entry);
  const pieces =
    entry.method === STORED ? storedPieces(stored) : inflateRawChunks(stored, INFLATE_CHUNK_BYTES, entry.uncompressedSize, reuseBuffer);
  let size = 0;
  let checksum = 0;
  for (;;) {
    let next: IteratorResult<Buffer, void>;
    try {
      next = pieces.next();
    } catch (error) {
      throw damaged(entry, (error as Error).message);
    }
    if (next.done === true) break;
    size += next.value.length;
    checksum = zlib.crc32(next.value, checksum);
    yield next.value;
  }
  if (size !== entry.uncompressedSize) {
    throw damaged(entry, `it inflates to ${size} bytes, not the ${entry.uncompressedSize} its directory states`);
  }
  if (checksum !== entry.crc32) throw damaged(entry, "its CRC-32 does not match");
}

function* storedPieces(stored: Buffer): Generator<Buffer, void, undefined> {
  for (let at = 0; at < stored.length; at += INFLATE_CHUNK_BYTES) yield stored.subarray(at, at + INFLATE_CHUNK_BYTES);
}

function damaged(entry: ZipEntry, why: string): Error {
  return new Error(`The zip archive is damaged: entry ${entry.name} cannot be read (${why})`);
}
