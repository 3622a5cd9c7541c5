import { createHash } from 'node:crypto';
import type { Coverage } from '../types';
import { MANIFEST_CHECKSUM_FILE, MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, PACKAGE_FORMAT, PACKAGE_VERSION, tableFile, type Manifest } from './manifest';
import { signBytes, type SigningKey } from './signing';
import { zipFiles, type ZipEntry } from './zip';

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export interface PackageTableInput {
  name: string;
  coverage: Coverage;
  /** Records per unit code, streamed (a street's members table may hold 100k rows). */
  units: { code: string; records: Iterable<unknown> }[];
}

export type ManifestHead = Omit<Manifest, 'format' | 'formatVersion' | 'tables' | 'signer'>;

/** Serialises the tables, checksums each file and the manifest, signs the manifest, and zips them into one `.sdpkg`. */
export function writePackage(head: ManifestHead, tables: PackageTableInput[], key: SigningKey): { bytes: Uint8Array; manifest: Manifest } {
  const files: ZipEntry[] = [];
  const entries: Manifest['tables'] = [];
  for (const t of tables) {
    let rows = 0;
    const parts: string[] = [];
    for (const u of t.units) {
      const json: string[] = [];
      for (const r of u.records) json.push(JSON.stringify(r));
      rows += json.length;
      parts.push(`${JSON.stringify(u.code)}:[\n${json.join(',\n')}\n]`);
    }
    const bytes = Buffer.from(`{"table":${JSON.stringify(t.name)},"units":{${parts.join(',')}}}`, 'utf8');
    const file = tableFile(t.name);
    files.push({ name: file, data: bytes });
    entries.push({ name: t.name, file, rows, sha256: sha256Hex(bytes), coverage: t.coverage });
  }
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_VERSION,
    ...head,
    tables: entries,
    signer: { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint },
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  // The manifest first, so a reader (or a person with an unzip tool) meets it before the data.
  files.unshift(
    { name: MANIFEST_FILE, data: manifestBytes },
    { name: MANIFEST_CHECKSUM_FILE, data: Buffer.from(`${sha256Hex(manifestBytes)}  ${MANIFEST_FILE}\n`, 'utf8') },
    { name: MANIFEST_SIGNATURE_FILE, data: Buffer.from(`${signBytes(manifestBytes, key)}\n`, 'utf8') },
  );
  return { bytes: zipFiles(files, new Date(head.createdAt)), manifest };
}
