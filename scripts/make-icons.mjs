#!/usr/bin/env node
// Draws the add-in icon (a green rounded square with white ascending bars on a ledger line) into
// assets/icon-{16,32,64,80,128}.png. No image library: shapes are sampled on a grid and written with a tiny PNG
// encoder over node:zlib. Run: node scripts/make-icons.mjs
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sizes = [16, 32, 64, 80, 128];

// Geometry on a 16-unit grid, so that every straight edge falls on a pixel boundary at all the sizes above
// (each is a multiple of 16) and the 16 px icon stays crisp. Only the rounded corners are anti-aliased.
const tile = { x0: 0, y0: 0, x1: 16, y1: 16, radius: 3 };
const glyph = [
  { x0: 3, y0: 8, x1: 5, y1: 12 }, // bars, rising left to right
  { x0: 7, y0: 6, x1: 9, y1: 12 },
  { x0: 11, y0: 3, x1: 13, y1: 12 },
  { x0: 2, y0: 12, x1: 14, y1: 13 }, // the ledger line they stand on
];
const green = [0x10, 0x7c, 0x41]; // Excel's brand green
const white = [0xff, 0xff, 0xff];

function insideRoundedRect({ x0, y0, x1, y1, radius }, x, y) {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const insideRect = ({ x0, y0, x1, y1 }, x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;

/** RGBA pixels of the icon at `size` px, 8×8 samples per pixel. */
function drawIcon(size) {
  const samples = 8;
  const scale = 16 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tileHits = 0;
      let glyphHits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          if (!insideRoundedRect(tile, x, y)) continue;
          tileHits++;
          if (glyph.some((shape) => insideRect(shape, x, y))) glyphHits++;
        }
      }
      const offset = (py * size + px) * 4;
      const whiteShare = tileHits === 0 ? 0 : glyphHits / tileHits;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = Math.round(green[c] * (1 - whiteShare) + white[c] * whiteShare);
      }
      pixels[offset + 3] = Math.round((255 * tileHits) / samples ** 2);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, filter type 0 (none) on every row. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(path.join(repoRoot, "assets"), { recursive: true });
for (const size of sizes) {
  const file = path.join(repoRoot, "assets", `icon-${size}.png`);
  const png = encodePng(size, drawIcon(size));
  fs.writeFileSync(file, png);
  console.log(`${path.relative(repoRoot, file)}  ${png.length} bytes`);
}
