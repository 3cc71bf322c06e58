import { crc32, deflateRawSync } from "node:zlib";

/** One entry of a hand-built zip: what the tests need to say, including how it lies. */
export interface FixtureEntry {
  readonly name: string;
  readonly content: Buffer | string;
  /** 0 stored, 8 deflate (default), anything else written as is (with the content stored). */
  readonly method?: number;
  readonly flags?: number;
  /** Overrides of what the central directory states. */
  readonly crc32?: number;
  readonly uncompressedSize?: number;
  /** Sizes and offset saturated (0xFFFFFFFF) in the headers and given in a ZIP64 extra field. */
  readonly zip64?: boolean;
}

export interface FixtureOptions {
  /** A ZIP64 end of central directory record and locator, with the classic record saturated. */
  readonly zip64EndRecord?: boolean;
  readonly comment?: string;
  /** The "number of this disk" of the classic end record. */
  readonly disk?: number;
}

/**
 * A zip archive built byte by byte, for tests of the reader: classic or ZIP64 records, and entries that lie about
 * their CRC or sizes. Not a writer for real use.
 * @example readZipDirectory(zipFixture([{ name: "a.txt", content: "abc" }]))[0]?.name  //=> "a.txt"
 */
export function zipFixture(entries: readonly FixtureEntry[], options: FixtureOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const content = typeof entry.content === "string" ? Buffer.from(entry.content, "utf8") : entry.content;
    const method = entry.method ?? 8;
    const data = method === 8 ? deflateRawSync(content) : content;
    const name = Buffer.from(entry.name, "utf8");
    const checksum = entry.crc32 ?? crc32(content);
    const size = entry.uncompressedSize ?? content.length;
    const zip64 = entry.zip64 === true;
    const zip64Extra = Buffer.alloc(zip64 ? 4 + 24 : 0);
    if (zip64) {
      zip64Extra.writeUInt16LE(0x0001, 0);
      zip64Extra.writeUInt16LE(24, 2);
      zip64Extra.writeBigUInt64LE(BigInt(size), 4);
      zip64Extra.writeBigUInt64LE(BigInt(data.length), 12);
      zip64Extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(zip64Extra.length, 28);
    locals.push(local, name, zip64Extra, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(zip64Extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, name, zip64Extra);
    offset += local.length + name.length + zip64Extra.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  const zip64End = options.zip64EndRecord === true;
  if (zip64End) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const comment = Buffer.from(options.comment ?? "", "utf8");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.disk ?? 0, 4);
  end.writeUInt16LE(zip64End ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64End ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64End ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64End ? 0xffffffff : offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, ...tail, end, comment]);
}
