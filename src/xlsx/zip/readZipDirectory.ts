/** One file of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  /** The stored name, decoded as UTF-8 (OPC part names are UTF-8; unzipper, used before, read them the same way). */
  readonly name: string;
  /** General-purpose bit flags: bit 0 encrypted, bit 3 sizes in a data descriptor, bit 6 strong encryption. */
  readonly flags: number;
  /** 0 stored, 8 deflate; anything else is refused when the entry is read. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the entry's local header starts in the archive. */
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EOCD_SIZE = 56;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const MAX_COMMENT = 0xffff;

/** An OLE2 compound document: a legacy .xls, or an .xlsx that Excel encrypted with a password. */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL_HEADER_START = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The entries of a zip archive held in memory, from its end-of-central-directory record (the ZIP64 one when the
 * archive has it) and its central directory. Throws an Error that says what is wrong when `archive` is not a zip
 * (an .xls, an encrypted workbook, a CSV renamed to .xlsx), is cut short, or spans several disks.
 * @example readZipDirectory(await readFile("ledger.xlsx")).map((entry) => entry.name)[0]  //=> "[Content_Types].xml"
 */
export function readZipDirectory(archive: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(archive);
  let entryCount = archive.readUInt16LE(eocd + 10);
  let directorySize = archive.readUInt32LE(eocd + 12);
  let directoryOffset = archive.readUInt32LE(eocd + 16);
  let directoryEnd = eocd;
  const disk = archive.readUInt16LE(eocd + 4);
  const directoryDisk = archive.readUInt16LE(eocd + 6);
  const entriesOnDisk = archive.readUInt16LE(eocd + 8);

  // A ZIP64 archive keeps 0xFFFF/0xFFFFFFFF in the classic record and the real values in a ZIP64 record, found
  // through a locator just before the classic one. Without a locator the classic values are the real ones.
  const locator = eocd - ZIP64_LOCATOR_SIZE;
  if (locator >= 0 && archive.readUInt32LE(locator) === ZIP64_LOCATOR_SIGNATURE) {
    const record = readUInt64(archive, locator + 8, "ZIP64 end of central directory offset");
    if (archive.readUInt32LE(locator + 16) > 1) throw new Error(spannedMessage());
    if (record + ZIP64_EOCD_SIZE > locator || archive.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) {
      throw new Error("The zip archive is damaged: its ZIP64 end of central directory record is missing");
    }
    if (archive.readUInt32LE(record + 16) !== 0 || archive.readUInt32LE(record + 20) !== 0) {
      throw new Error(spannedMessage());
    }
    if (readUInt64(archive, record + 24, "entry count") !== readUInt64(archive, record + 32, "entry count")) {
      throw new Error(spannedMessage());
    }
    entryCount = readUInt64(archive, record + 32, "entry count");
    directorySize = readUInt64(archive, record + 40, "central directory size");
    directoryOffset = readUInt64(archive, record + 48, "central directory offset");
    directoryEnd = record;
  } else if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new Error(spannedMessage());
  }
  if (directoryOffset + directorySize > directoryEnd) {
    throw new Error("The zip archive is damaged or cut short: its central directory lies outside the file");
  }

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (at + CENTRAL_HEADER_SIZE > directoryEnd || archive.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
      throw new Error(`The zip archive is damaged: central directory entry ${index + 1} of ${entryCount} is missing`);
    }
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const nameStart = at + CENTRAL_HEADER_SIZE;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directoryEnd) {
      throw new Error(`The zip archive is damaged: central directory entry ${index + 1} runs past the directory`);
    }
    const name = archive.toString("utf8", nameStart, extraStart);
    let uncompressedSize = archive.readUInt32LE(at + 24);
    let compressedSize = archive.readUInt32LE(at + 20);
    let localHeaderOffset = archive.readUInt32LE(at + 42);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // The ZIP64 extra field holds, in this order, only the values whose classic field is saturated.
      const zip64 = findExtraField(archive, extraStart, extraStart + extraLength, ZIP64_EXTRA_ID);
      if (zip64 === null) throw new Error(`The zip entry ${name} has 32-bit sizes marked as ZIP64 but no ZIP64 field`);
      let field = zip64.start;
      const take = (what: string): number => {
        if (field + 8 > zip64.end) throw new Error(`The zip entry ${name} has a ZIP64 field without its ${what}`);
        const value = readUInt64(archive, field, what);
        field += 8;
        return value;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = take("uncompressed size");
      if (compressedSize === 0xffffffff) compressedSize = take("compressed size");
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = take("local header offset");
    }
    entries.push({
      name,
      flags: archive.readUInt16LE(at + 8),
      method: archive.readUInt16LE(at + 10),
      crc32: archive.readUInt32LE(at + 16),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = next;
  }
  return entries;
}

function findEndOfCentralDirectory(archive: Buffer): number {
  const last = archive.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    // A signature inside the comment is possible; the record's own comment length must then reach the end.
    if (archive.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + archive.readUInt16LE(at + 20) <= archive.length) {
      return at;
    }
  }
  if (archive.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE)) {
    throw new Error(
      "The file is not an .xlsx package but an OLE2 compound file: an old .xls workbook, or an .xlsx encrypted " +
        "with a password. Save it from Excel as an .xlsx without a password to open",
    );
  }
  if (archive.subarray(0, LOCAL_HEADER_START.length).equals(LOCAL_HEADER_START)) {
    throw new Error("The zip archive is cut short: it has no end of central directory record");
  }
  throw new Error("The file is not an .xlsx workbook: it is not a zip package");
}

function findExtraField(archive: Buffer, start: number, end: number, id: number): { start: number; end: number } | null {
  let at = start;
  while (at + 4 <= end) {
    const size = archive.readUInt16LE(at + 2);
    if (archive.readUInt16LE(at) === id) return { start: at + 4, end: Math.min(end, at + 4 + size) };
    at += 4 + size;
  }
  return null;
}

/** A little-endian 64-bit count or offset, refused beyond 2^53 (no archive we could hold in memory is that big). */
function readUInt64(archive: Buffer, at: number, what: string): number {
  const low = archive.readUInt32LE(at);
  const high = archive.readUInt32LE(at + 4);
  if (high >= 0x200000) throw new Error(`The zip archive is damaged: its ${what} is beyond 2^53`);
  return high * 0x100000000 + low;
}

function spannedMessage(): string {
  return "The zip archive spans several disks (a split archive), which this reader does not support";
}
