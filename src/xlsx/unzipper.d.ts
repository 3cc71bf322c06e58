// unzipper ships no types. This declares the small part of its API the readers use: random access to the
// entries of a zip through its central directory (exceljs depends on unzipper 0.10; it is not a direct
// dependency of ours, see src/xlsx/index.ts).
declare module "unzipper" {
  import type { Readable } from "node:stream";

  export interface CentralDirectoryEntry {
    readonly path: string;
    readonly type: "File" | "Directory";
    readonly uncompressedSize: number;
    stream(): Readable;
    buffer(): Promise<Buffer>;
  }

  export interface CentralDirectory {
    readonly files: readonly CentralDirectoryEntry[];
  }

  export const Open: {
    file(path: string): Promise<CentralDirectory>;
    buffer(data: Buffer): Promise<CentralDirectory>;
  };
}
