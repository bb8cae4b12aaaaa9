import zlib from "node:zlib";

/**
 * Just enough ZIP for an .xlsx package: read the central directory of a buffer, inflate a part,
 * and write a new package where unchanged parts are copied as their compressed bytes (no
 * inflate/deflate round trip: most of a 100,000-row workbook is never decompressed) and new
 * parts are deflated by zlib on libuv's thread pool, in parallel with the JavaScript that
 * produces them. ZIP64 (parts or packages over 4 GB) is refused: Excel's own limits come first.
 */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipFormatError extends Error {}

/**
 * What watches every part a reader inflates: the pre-load guard (src/xlsx/guard). It says how
 * many bytes a part may unpack to, hears how many it did, and sees its text before the reader
 * scans it — so the guard and the reader share one inflate of each part.
 */
export interface PartWatch {
  limit(name: string): number;
  /** `size` is limit + 1 when inflating stopped at the limit */
  inflated(name: string, size: number): void;
  decoded(name: string, text: string): void;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();

  constructor(
    readonly buf: Buffer,
    private readonly watch?: PartWatch,
  ) {
    const end = findEocd(buf);
    const count = buf.readUInt16LE(end + 10);
    let p = buf.readUInt32LE(end + 16);
    if (count === 0xffff || p === 0xffffffff) throw new ZipFormatError("ZIP64 packages are not supported");
    for (let i = 0; i < count; i++) {
      if (buf.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipFormatError("bad central directory");
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
      const e: ZipEntry = {
        name,
        method: buf.readUInt16LE(p + 10),
        crc: buf.readUInt32LE(p + 16),
        compressedSize: buf.readUInt32LE(p + 20),
        size: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      };
      if (e.compressedSize === 0xffffffff || e.size === 0xffffffff || e.localOffset === 0xffffffff) throw new ZipFormatError("ZIP64 entries are not supported");
      if (!name.endsWith("/")) this.entries.set(name, e);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes as stored (compressed when method 8). */
  raw(e: ZipEntry): Buffer {
    const p = e.localOffset;
    if (this.buf.readUInt32LE(p) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
    const start = p + 30 + this.buf.readUInt16LE(p + 26) + this.buf.readUInt16LE(p + 28);
    return this.buf.subarray(start, start + e.compressedSize);
  }

  read(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e) throw new ZipFormatError(`package has no part ${name}`);
    const raw = this.raw(e);
    if (e.method !== 0 && e.method !== 8) throw new ZipFormatError(`${name}: compression method ${e.method} is not supported`);
    const out = e.method === 0 ? raw : this.inflate(name, raw);
    this.watch?.inflated(name, out.length);
    return out;
  }

  /** zlib stops as soon as the output passes maxOutputLength: a zip bomb costs the limit, not its size. */
  private inflate(name: string, raw: Buffer): Buffer {
    if (!this.watch) return zlib.inflateRawSync(raw);
    const limit = this.watch.limit(name);
    try {
      return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, limit) });
    } catch (err) {
      if ((err as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") this.watch.inflated(name, limit + 1);
      throw err;
    }
  }

  /** The start of a part's text (about the first `bytes` compressed bytes' worth): for its head elements. */
  head(name: string, bytes = 16384): string {
    const e = this.entries.get(name);
    if (!e) throw new ZipFormatError(`package has no part ${name}`);
    const raw = this.raw(e);
    if (e.method === 0) return raw.subarray(0, bytes).toString("utf8");
    const limit = this.watch ? { maxOutputLength: Math.max(1, this.watch.limit(name)) } : {};
    return zlib.inflateRawSync(raw.subarray(0, bytes), { finishFlush: zlib.constants.Z_SYNC_FLUSH, ...limit }).toString("utf8");
  }

  text(name: string): string {
    const text = this.read(name).toString("utf8");
    this.watch?.decoded(name, text);
    return text;
  }

  textOr(name: string, fallback: string): string {
    return this.has(name) ? this.text(name) : fallback;
  }
}

function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) return i;
  }
  throw new ZipFormatError("not a zip package");
}

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** zlib.crc32 where Node has it (20.15+), a table-driven fallback otherwise. */
const nativeCrc = (zlib as unknown as { crc32?: (data: Buffer, value?: number) => number }).crc32;
export function crc32(data: Buffer, prev = 0): number {
  if (nativeCrc) return nativeCrc(data, prev);
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part compressed and ready to be placed in a package. */
export interface PackedPart {
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

const deflateRaw = (buf: Buffer, level: number): Promise<Buffer> =>
  new Promise((resolve, reject) => zlib.deflateRaw(buf, { level }, (err, out) => (err ? reject(err) : resolve(out))));

/** Level 6 as Excel and ExcelJS write; the thread pool does the work. */
export async function packBuffer(buf: Buffer, level = 6): Promise<PackedPart> {
  return { method: 8, crc: crc32(buf), size: buf.length, data: await deflateRaw(buf, level) };
}

export function packText(text: string): Promise<PackedPart> {
  return packBuffer(Buffer.from(text, "utf8"));
}

/** Where a part's text goes, piece by piece; a returned promise asks the producer to wait. */
export interface Sink {
  write(s: string): Promise<void> | undefined;
}

/** A part kept as text (small parts a later step still reads, such as a sheet that gets charts). */
export class TextSink implements Sink {
  private readonly parts: string[] = [];
  write(s: string): undefined {
    this.parts.push(s);
    return undefined;
  }
  text(): string {
    return this.parts.join("");
  }
}

/**
 * A part written piece by piece: text is gathered into ~1 MB chunks and handed to a deflate
 * stream, waiting for it to drain, so a 100 MB sheet never sits in memory uncompressed.
 */
export class PartSink implements Sink {
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private readonly out: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private readonly z: zlib.DeflateRaw;
  private readonly done: Promise<void>;

  /** Level 3: these parts are large and rewritten each run; level 6 costs twice the time for ~8 % less. */
  constructor(level = 3) {
    this.z = zlib.createDeflateRaw({ level });
    this.z.on("data", (b: Buffer) => this.out.push(b));
    this.done = new Promise((resolve, reject) => {
      this.z.on("end", () => resolve());
      this.z.on("error", reject);
    });
  }

  /** Returns a promise only when the deflater wants the producer to wait. */
  write(s: string): Promise<void> | undefined {
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (this.used + s.length * 3 > this.buf.length) {
      const wait = this.flush();
      if (s.length * 3 > this.buf.length) {
        const big = Buffer.from(s, "utf8");
        this.push(big);
        return wait;
      }
      if (wait) return wait.then(() => this.write(s));
    }
    this.used += this.buf.write(s, this.used, "utf8");
    return undefined;
  }

  private push(b: Buffer): boolean {
    this.crc = crc32(b, this.crc);
    this.size += b.length;
    return this.z.write(b);
  }

  private flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const chunk = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    if (this.push(chunk)) return undefined;
    return new Promise((resolve) => this.z.once("drain", () => resolve()));
  }

  async end(): Promise<PackedPart> {
    await this.flush();
    this.z.end();
    await this.done;
    return { method: 8, crc: this.crc, size: this.size, data: Buffer.concat(this.out) };
  }
}

const CHUNK = 1 << 20;

/** Writes a package: parts in the order given, then the central directory. */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly central: Buffer[] = [];
  private offset = 0;
  private count = 0;

  /** Copies an entry of another package as it is stored. */
  copy(from: ZipReader, name: string, as = name): void {
    const e = from.entries.get(name);
    if (!e) throw new ZipFormatError(`package has no part ${name}`);
    this.add(as, { method: e.method, crc: e.crc, size: e.size, data: from.raw(e) });
  }

  add(name: string, part: PackedPart): void {
    const nameBuf = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(part.method, 8);
    local.writeUInt16LE(0, 10); // 00:00:00
    local.writeUInt16LE(33, 12); // 1980-01-01
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(SIG_CENTRAL, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(part.method, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(33, 14);
    c.writeUInt32LE(part.crc >>> 0, 16);
    c.writeUInt32LE(part.data.length, 20);
    c.writeUInt32LE(part.size, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt32LE(this.offset, 42);
    this.central.push(c, nameBuf);
    this.chunks.push(local, nameBuf, part.data);
    this.offset += 30 + nameBuf.length + part.data.length;
    this.count++;
    if (this.offset > 0xffffffff) throw new ZipFormatError("package over 4 GB");
  }

  toBuffer(): Buffer {
    const cd = Buffer.concat(this.central);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(SIG_EOCD, 0);
    eocd.writeUInt16LE(this.count, 8);
    eocd.writeUInt16LE(this.count, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, cd, eocd]);
  }
}
