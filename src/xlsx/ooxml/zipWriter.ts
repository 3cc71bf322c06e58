import { open, type FileHandle } from "node:fs/promises";
import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Bytes of XML gathered before each deflate call: large enough that the per-call cost (a fresh zlib stream) is
 * noise, small enough that a part is never held whole in memory.
 */
const CHUNK_BYTES = 1 << 20;
/**
 * zlib's level 5: on a 100,000-invoice report (24 MB of XML) it deflates in about half the time of the default
 * level 6 for a file about 1 % larger; level 4 saves a little more time for a file 10 % larger.
 */
export const DEFAULT_DEFLATE_LEVEL = 5;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: deflate. */
const VERSION = 20;
/** General-purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

interface CentralEntry {
  readonly name: Buffer;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * A zip file written part by part, each part deflated as it is produced: what an OOXML package needs and no more
 * (no Zip64: a part or a package over 4 GB is refused; no comments, no encryption). A part's text may come in
 * chunks, a worksheet's rows one after another: it is deflated a megabyte at a time, each piece ended with a sync
 * flush so that the pieces form one deflate stream, and only the compressed bytes of the part are kept until it
 * is written.
 * @example const zip = await ZipWriter.create("out.xlsx"); await zip.addPart("a.xml", "<a/>"); await zip.close();
 */
export class ZipWriter {
  private readonly entries: CentralEntry[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private closed = false;
  /** Where each part's text is encoded before it is deflated; parts are written one at a time. */
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private readonly time: number;
  private readonly date: number;

  private constructor(
    private readonly handle: FileHandle,
    private readonly level: number,
  ) {
    [this.time, this.date] = dosDateTime(new Date());
  }

  /** Creates (or truncates) `path` for writing. */
  static async create(path: string, level = DEFAULT_DEFLATE_LEVEL): Promise<ZipWriter> {
    return new ZipWriter(await open(path, "w"), level);
  }

  /** Adds a part: its whole text, or its text in chunks (e.g. a generator of rows), encoded as UTF-8. */
  async addPart(name: string, content: string | Iterable<string>): Promise<void> {
    if (this.names.has(name)) throw new Error(`The package has a part ${name} already`);
    if (this.entries.length >= MAX_ENTRIES) throw new Error("Too many parts for a zip without Zip64");
    this.names.add(name);
    const deflater = new PartDeflater(this.buffer, this.level);
    if (typeof content === "string") deflater.write(content);
    else for (const chunk of content) deflater.write(chunk);
    const { pieces, crc, size, compressedSize } = deflater.end();
    if (size > MAX_32 || compressedSize > MAX_32 || this.offset > MAX_32) {
      throw new Error(`Part ${name} is too large for a zip without Zip64`);
    }
    const nameBytes = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressedSize, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, crc, compressedSize, size, offset: this.offset });
    await this.handle.writev([header, nameBytes, ...pieces]);
    this.offset += header.length + nameBytes.length + compressedSize;
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    const records: Buffer[] = [];
    let directorySize = 0;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(CENTRAL_HEADER, 0);
      record.writeUInt16LE(VERSION, 4);
      record.writeUInt16LE(VERSION, 6);
      record.writeUInt16LE(UTF8_NAMES, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt16LE(this.time, 12);
      record.writeUInt16LE(this.date, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressedSize, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk number, internal and external attributes: all 0.
      record.writeUInt32LE(entry.offset, 42);
      records.push(record, entry.name);
      directorySize += record.length + entry.name.length;
    }
    if (this.offset + directorySize > MAX_32) throw new Error("The package is too large for a zip without Zip64");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(this.offset, 16);
    await this.handle.writev([...records, end]);
    this.closed = true;
    await this.handle.close();
  }

  /** Closes the file without finishing it (the caller removes it). */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

/**
 * One part's deflate stream, fed text and giving back compressed pieces, its CRC-32 and sizes. Text is encoded
 * straight into a reused buffer, chunk by chunk: gathering a megabyte of small strings into one and encoding that
 * costs several times more (V8 must flatten the concatenation first).
 */
class PartDeflater {
  private used = 0;
  private readonly pieces: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private compressedSize = 0;

  constructor(
    private readonly buffer: Buffer,
    private readonly level: number,
  ) {}

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.deflate(false);
      if (text.length * 3 > this.buffer.length) {
        this.deflateBytes(Buffer.from(text, "utf8"), false);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  end(): { pieces: Buffer[]; crc: number; size: number; compressedSize: number } {
    this.deflate(true);
    return { pieces: this.pieces, crc: this.crc, size: this.size, compressedSize: this.compressedSize };
  }

  private deflate(last: boolean): void {
    if (this.used === 0 && !last) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.used = 0;
    this.deflateBytes(bytes, last);
  }

  private deflateBytes(bytes: Buffer, last: boolean): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    // A sync flush ends a piece on a byte boundary without ending the stream: the next piece, deflated on its own,
    // continues it (as pigz does). Only the last piece carries the final block.
    const piece = deflateRawSync(bytes, { level: this.level, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    this.pieces.push(piece);
    this.compressedSize += piece.length;
  }
}

/** MS-DOS time and date of a local time (2-second resolution; years from 1980). */
function dosDateTime(at: Date): [number, number] {
  const year = Math.max(at.getFullYear(), 1980);
  const time = (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2);
  const date = ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate();
  return [time, date];
}
