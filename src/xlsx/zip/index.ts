// src/xlsx/zip: a small zip reader for OOXML packages held in memory: the central directory (ZIP64 included), and
// stored or deflated entries inflated with node:zlib and checked against their sizes and CRC-32. zipPackage.ts
// puts OPC part names on top of it.
export { readZipDirectory, type ZipEntry } from "./readZipDirectory";
export { storedZipEntryBytes, zipEntryBytes, zipEntryChunks } from "./zipEntryBytes";
