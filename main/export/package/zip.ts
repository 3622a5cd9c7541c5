import { createHash, type Hash } from 'node:crypto';
import zlib from 'node:zlib';

/** A file to store: its bytes (deflated here), or bytes already deflated as they were produced. */
export type ZipEntry = { name: string; data: Uint8Array } | { name: string; deflated: Buffer; crc32: number; size: number };
/** A file deflated as it was written, with the checksum of its bytes when asked for. */
export type DeflatedEntry = Extract<ZipEntry, { deflated: Buffer }> & { sha256: string | null };

const BUFFER_SIZE = 1 << 20;
/** Bytes handed to zlib and not yet compressed past which a producer waits (`ready`): what is queued is held whole. */
const QUEUE_LIMIT = 8 << 20;

/** Raw deflate as a stream, with the CRC-32 and size a zip entry needs, for a file produced in pieces. */
export class DeflatingEntry {
  private readonly zip: zlib.DeflateRaw;
  private readonly out: Buffer[] = [];
  private crc = 0;
  private size = 0;
  /** Text is encoded straight into this buffer and handed to zlib when full (no joined strings). */
  private buffer = Buffer.allocUnsafe(BUFFER_SIZE);
  private used = 0;
  private queued = 0;
  private resume: (() => void) | null = null;
  private readonly ended: Promise<void>;
  /** The SHA-256 of the bytes as written (a package's table files are checksummed in its manifest). */
  private readonly hash: Hash | null;

  /** Level 1 by default: sheet XML repeats itself so much that it already shrinks ~7×, at a third of level 6's time. */
  constructor(
    readonly name: string,
    level = 1,
    options: { sha256?: boolean } = {},
  ) {
    this.hash = options.sha256 ? createHash('sha256') : null;
    this.zip = zlib.createDeflateRaw({ level });
    this.zip.on('data', (c: Buffer) => this.out.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.zip.on('end', resolve);
      this.zip.on('error', reject);
    });
  }

  /**
   * Compression runs on libuv's thread pool while the caller goes on producing the next piece. Pieces are
   * gathered to a megabyte first: every write is a round trip to the pool, and a row at a time (100k writes)
   * left the producer waiting seconds for them.
   */
  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.crc = zlib.crc32(bytes, this.crc);
    this.hash?.update(bytes);
    this.size += bytes.length;
    this.queued += bytes.length;
    this.zip.write(bytes, () => {
      this.queued -= bytes.length;
      if (this.resume && this.queued <= QUEUE_LIMIT) {
        this.resume();
        this.resume = null;
      }
    });
    // zlib reads the buffer later, on the pool: the next piece goes into a new one.
    this.buffer = Buffer.allocUnsafe(Math.max(BUFFER_SIZE, this.buffer.length));
    this.used = 0;
  }

  /**
   * Resolves once zlib has caught up to within a few megabytes. A producer that never waits (rows come faster
   * than the pool deflates them) would hold the whole uncompressed file in zlib's queue.
   */
  async ready(): Promise<void> {
    if (this.queued > QUEUE_LIMIT) await new Promise<void>((resolve) => (this.resume = resolve));
  }

  async close(): Promise<DeflatedEntry> {
    this.flush();
    this.zip.end();
    await this.ended;
    return { name: this.name, deflated: Buffer.concat(this.out), crc32: this.crc, size: this.size, sha256: this.hash?.digest('hex') ?? null };
  }
}

/** MS-DOS date and time, as zip headers store them. */
function dosStamp(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * A zip archive of deflated files (PKWARE APPNOTE 4.3: local headers, data, central directory, end record;
 * UTF-8 names), for data packages and workbooks. Written here rather than with fflate because Node's native
 * deflate is several times faster on a district's tables (60 MB of JSON at level 6: 0.4 s against fflate's
 * 0.85 s) and can run beside the code producing the data.
 */
export function zipFiles(entries: ZipEntry[], modified: Date): Buffer {
  const { time, date } = dosStamp(modified);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const [deflated, crc, size] = 'data' in e ? [zlib.deflateRawSync(e.data, { level: 6 }), zlib.crc32(e.data), e.data.length] : [e.deflated, e.crc32, e.size];
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, deflated);

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    local.copy(record, 8, 6, 30); // flags, method, time, date, crc, sizes, name length: as in the local header
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Why a zip was not read: it would inflate to more than the caller allows, or it is not a zip we can read. */
export class UnzipRefused extends Error {
  constructor(readonly kind: 'too-large' | 'unreadable') {
    super(kind === 'too-large' ? 'zip inflates beyond the cap' : 'not a readable zip');
    this.name = 'UnzipRefused';
  }
}

// Counts and sizes that mean "see the Zip64 record": only archives of 4 GB or more need them, far beyond any cap here.
const ZIP64_COUNT = 0xffff;
const ZIP64_SIZE = 0xffffffff;

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries the central directory lists (APPNOTE 4.3.12–16), with the sizes it declares. */
function centralDirectory(zip: Buffer): CentralEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), zip.length - 22);
  if (end < 0 || zip.length - end > 22 + 0xffff) throw new UnzipRefused('unreadable');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === ZIP64_COUNT || at === ZIP64_SIZE) throw new UnzipRefused('unreadable');
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new UnzipRefused('unreadable');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      name: zip.toString(zip.readUInt16LE(at + 8) & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    };
    if ([entry.compressedSize, entry.size, entry.localOffset].includes(ZIP64_SIZE)) throw new UnzipRefused('unreadable');
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function inflateEntry(zip: Buffer, e: CentralEntry, budget: number): Buffer {
  const local = e.localOffset;
  if (zip.readUInt32LE(local) !== 0x04034b50) throw new UnzipRefused('unreadable');
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize || (e.method !== 0 && e.method !== 8)) throw new UnzipRefused('unreadable');
  if (e.method === 0) return data;
  try {
    // zlib stops as soon as the output passes the budget, instead of inflating the whole bomb first.
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (err) {
    throw new UnzipRefused((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'unreadable');
  }
}

/**
 * Reads the files of a zip (those `keep` selects), refusing one that would inflate to more than `maxBytes` in
 * all: first by the sizes its central directory declares, before inflating anything, then while inflating,
 * because declared sizes can lie (a zip bomb declares a few bytes and inflates to gigabytes).
 */
export function unzipCapped(bytes: Uint8Array, maxBytes: number, keep: (name: string) => boolean = () => true): Record<string, Uint8Array> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const entries = centralDirectory(zip).filter((e) => keep(e.name));
    if (entries.reduce((sum, e) => sum + e.size, 0) > maxBytes) throw new UnzipRefused('too-large');
    const files: Record<string, Uint8Array> = {};
    let inflated = 0;
    for (const e of entries) {
      const data = inflateEntry(zip, e, maxBytes - inflated);
      if (data.length !== e.size) throw new UnzipRefused('unreadable');
      inflated += data.length;
      files[e.name] = data;
    }
    return files;
  } catch (err) {
    // A truncated or garbled directory makes the reads above run off the end of the buffer.
    throw err instanceof UnzipRefused ? err : new UnzipRefused('unreadable');
  }
}
