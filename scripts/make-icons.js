#!/usr/bin/env node
/**
 * Draws the add-in and ribbon icons as PNGs with nothing but Node (zlib + a CRC32 table), so the
 * icons can be regenerated anywhere and reviewed as code. Output goes to assets/.
 *
 *   node scripts/make-icons.js            # write assets/*.png
 *
 * Every icon is a rounded square in Fluent brand blue (#0F6CBD) with a white motif. Shapes are
 * described in unit coordinates (0..1, y down) and rasterised with 4x4 supersampling, so the
 * 16 px versions stay legible and the edges are anti-aliased.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BRAND = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of width*height*4, straight (non-premultiplied) alpha. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- shapes (unit coordinates; each returns inside(x, y)) ----------

function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A polyline stroked with round joins and caps. */
function stroke(points, width) {
  const h = width / 2;
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= h * h) return true;
    }
    return false;
  };
}

const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);

// ---------- motifs (white, drawn over the blue tile) ----------

const MOTIFS = {
  // The add-in: a person beside a rising bar chart — customers and insight.
  app: union(
    circle(0.33, 0.36, 0.1),
    minus(circle(0.33, 0.74, 0.19), rect(0, 0.74, 1, 1)),
    rect(0.56, 0.56, 0.65, 0.76),
    rect(0.7, 0.44, 0.79, 0.76),
  ),
  // Insert template: a table with a header row.
  template: minus(
    roundRect(0.2, 0.24, 0.8, 0.78, 0.04),
    union(
      rect(0.27, 0.42, 0.47, 0.53),
      rect(0.53, 0.42, 0.73, 0.53),
      rect(0.27, 0.59, 0.47, 0.71),
      rect(0.53, 0.59, 0.73, 0.71),
    ),
  ),
  // Score and tier: three ascending bars.
  score: union(rect(0.2, 0.56, 0.34, 0.78), rect(0.43, 0.4, 0.57, 0.78), rect(0.66, 0.22, 0.8, 0.78)),
  // Clean: a bold check mark.
  clean: stroke(
    [
      [0.24, 0.52],
      [0.42, 0.7],
      [0.77, 0.3],
    ],
    0.13,
  ),
  // Filters: a funnel.
  filter: union(
    polygon([
      [0.2, 0.24],
      [0.8, 0.24],
      [0.56, 0.52],
      [0.44, 0.52],
    ]),
    rect(0.44, 0.5, 0.56, 0.78),
  ),
  // Open panel: a window with its right-hand pane filled in.
  panel: union(
    minus(roundRect(0.18, 0.24, 0.82, 0.76, 0.04), rect(0.25, 0.31, 0.75, 0.69)),
    rect(0.54, 0.31, 0.75, 0.69),
  ),
};

const TILE = roundRect(0.03, 0.03, 0.97, 0.97, 0.2);

function render(size, motif) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (TILE(x, y)) {
            tile++;
            if (motif(x, y)) white++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (tile === 0) continue; // fully transparent
      const w = white / tile;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BRAND[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((255 * tile) / n);
    }
  }
  return encodePng(size, size, rgba);
}

/** File name → [size, motif]. The manifest references these names. */
function iconSet() {
  const files = {};
  for (const size of [16, 32, 64, 80, 128]) files[`icon-${size}.png`] = [size, "app"];
  for (const motif of ["template", "score", "clean", "filter", "panel"]) {
    for (const size of [16, 32, 80]) files[`${motif}-${size}.png`] = [size, motif];
  }
  return files;
}

function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, [size, motif]] of Object.entries(iconSet())) {
    fs.writeFileSync(path.join(outDir, name), render(size, MOTIFS[motif]));
    process.stdout.write(`assets/${name} ${size}x${size}\n`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, render, iconSet, MOTIFS };
