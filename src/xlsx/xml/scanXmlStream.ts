import { XmlScanner, type XmlTokenHandler } from "./xmlScanner";

const GREATER = 0x3e; // >

/**
 * Runs an XML part, given as chunks of its UTF-8 bytes, through an `XmlScanner`. A chunk is only read during the
 * call that takes it, so the chunks may all be the same reused buffer (`ZipPackage.chunks`).
 * @example scanXmlChunks(pkg.chunks("xl/worksheets/sheet1.xml"), new WorksheetReader("Sheet1", [], false))
 */
export function scanXmlChunks(chunks: Iterable<Buffer>, handler: XmlTokenHandler): void {
  const feed = new ChunkFeed(new XmlScanner(handler));
  for (const chunk of chunks) feed.write(chunk);
  feed.end();
}

/**
 * Cuts each chunk just after its last ">" and carries the rest over to the next, so that the scanner almost never
 * has a token cut in two (only where a ">" stands in character data, an attribute value, a comment or CDATA) and
 * never copies a whole chunk to join it to a token's start.
 */
class ChunkFeed {
  /** Bytes after the last ">" seen (a copy), waiting for the next chunk. */
  private pending: Buffer | null = null;

  constructor(private readonly scanner: XmlScanner) {}

  write(data: Buffer): void {
    let chunk = data;
    if (this.pending !== null) {
      const greater = chunk.indexOf(GREATER);
      if (greater < 0) {
        this.pending = Buffer.concat([this.pending, chunk]);
        return;
      }
      this.scanner.write(Buffer.concat([this.pending, chunk.subarray(0, greater + 1)]));
      this.pending = null;
      chunk = chunk.subarray(greater + 1);
    }
    const cut = chunk.lastIndexOf(GREATER) + 1;
    if (cut > 0) this.scanner.write(chunk.subarray(0, cut));
    if (cut < chunk.length) this.pending = Buffer.from(chunk.subarray(cut));
  }

  end(): void {
    if (this.pending !== null) this.scanner.write(this.pending);
    this.pending = null;
    this.scanner.end();
  }
}
