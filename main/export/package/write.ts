import { createHash } from 'node:crypto';
import type { Coverage } from '../types';
import { MANIFEST_CHECKSUM_FILE, MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, PACKAGE_FORMAT, PACKAGE_VERSION, tableFile, type Manifest } from './manifest';
import { signBytes, type SigningKey } from './signing';
import { DeflatingEntry, zipFiles, type ZipEntry } from './zip';

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export interface PackageTableInput {
  name: string;
  /** Or, for a table whose coverage depends on the records read (a chain's delta), asked once they were written. */
  coverage: Coverage | (() => Coverage);
  /** Records per unit code, streamed (a street's members table may hold 100k rows). */
  units: { code: string; records: Iterable<unknown> }[];
}

export type ManifestHead = Omit<Manifest, 'format' | 'formatVersion' | 'tables' | 'signer'>;

/** Rows between two looks at zlib's queue and the event loop while a table is streamed. */
const YIELD_EVERY = 2000;
/** As zipFiles deflates the small files: the table files come out byte for byte as when they were deflated whole. */
const PACKAGE_LEVEL = 6;

/**
 * A table file's text, piece by piece: `{"table":<name>,"units":{"<code>":[\n<record>,\n<record>\n],…}}`
 * (docs/package-format.md), counting the records in `counted.rows` as they go.
 */
function* tableText(t: PackageTableInput, counted: { rows: number }): Iterable<string> {
  yield `{"table":${JSON.stringify(t.name)},"units":{`;
  let unit = 0;
  for (const u of t.units) {
    yield `${unit++ ? ',' : ''}${JSON.stringify(u.code)}:[\n`;
    let first = true;
    for (const r of u.records) {
      counted.rows++;
      yield `${first ? '' : ',\n'}${JSON.stringify(r)}`;
      first = false;
    }
    yield '\n]';
  }
  yield '}}';
}

const coverageOf = (t: PackageTableInput): Coverage => (typeof t.coverage === 'function' ? t.coverage() : t.coverage);

/** The manifest over the tables' entries, its checksum and signature first (a reader, or a person with an unzip tool, meets it before the data), zipped. */
function sealed(head: ManifestHead, tables: { entry: ZipEntry; table: Manifest['tables'][number] }[], key: SigningKey, modified: Date) {
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_VERSION,
    ...head,
    tables: tables.map((t) => t.table),
    signer: { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint },
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const files: ZipEntry[] = [
    { name: MANIFEST_FILE, data: manifestBytes },
    { name: MANIFEST_CHECKSUM_FILE, data: Buffer.from(`${sha256Hex(manifestBytes)}  ${MANIFEST_FILE}\n`, 'utf8') },
    { name: MANIFEST_SIGNATURE_FILE, data: Buffer.from(`${signBytes(manifestBytes, key)}\n`, 'utf8') },
    ...tables.map((t) => t.entry),
  ];
  return { bytes: zipFiles(files, modified), manifest };
}

/**
 * Serialises the tables, checksums each file and the manifest, signs the manifest, and zips them into one
 * `.sdpkg`, in one go: for a small package a write handler makes (a street's answers), which cannot wait.
 */
export function writePackage(head: ManifestHead, tables: PackageTableInput[], key: SigningKey): { bytes: Uint8Array; manifest: Manifest } {
  const written = tables.map((t) => {
    const counted = { rows: 0 };
    const bytes = Buffer.from([...tableText(t, counted)].join(''), 'utf8');
    const file = tableFile(t.name);
    return { entry: { name: file, data: bytes }, table: { name: t.name, file, rows: counted.rows, sha256: sha256Hex(bytes), coverage: coverageOf(t) } };
  });
  return sealed(head, written, key, new Date(head.createdAt));
}

/**
 * The same package, each table streamed into its zip entry as its records are read: deflated on the thread pool
 * and checksummed as it goes, so only the compressed files are held (a district's tables are ~400 MB of JSON
 * and 40 MB deflated). The bytes are those `writePackage` makes. `onRows`: records written of the current table.
 */
export async function streamPackage(
  head: ManifestHead,
  tables: PackageTableInput[],
  key: SigningKey,
  onRows?: (rows: number) => void,
): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const written: Parameters<typeof sealed>[1] = [];
  for (const t of tables) {
    const file = new DeflatingEntry(tableFile(t.name), PACKAGE_LEVEL, { sha256: true });
    const counted = { rows: 0 };
    let pieces = 0;
    for (const piece of tableText(t, counted)) {
      file.write(piece);
      if (++pieces % YIELD_EVERY === 0) {
        onRows?.(counted.rows);
        await file.ready();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const entry = await file.close();
    written.push({ entry, table: { name: t.name, file: entry.name, rows: counted.rows, sha256: entry.sha256!, coverage: coverageOf(t) } });
  }
  return sealed(head, written, key, new Date(head.createdAt));
}
