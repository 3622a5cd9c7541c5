import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signingKey } from '../../main/export/package/signing';
import { streamPackage, writePackage, type ManifestHead, type PackageTableInput } from '../../main/export/package/write';
import { unzipCapped } from '../../main/export/package/zip';

/**
 * A monthly submission streams its tables into the package (streamPackage); a street's answers are written in
 * one go (writePackage). The receiver checks one format: both must make the same bytes, whatever the size.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const key = signingKey(dir);

const head: ManifestHead = {
  packageId: '01JBCDEFGHJKMNPQRSTVWXYZ00',
  kind: 'monthly',
  source: { level: 'street', name: '西里街道', code: 'XL01', parent: null },
  period: '2026-11',
  createdAt: '2026-11-30T08:00:00.000Z',
  createdBy: '张敏',
  app: { name: 'StreetDesk', version: 'test' },
  personalData: 'masked',
  modules: ['party'],
  units: [{ level: 'street', name: '西里街道', code: 'XL01', period: '2026-11', exportedAt: '2026-11-30T08:00:00.000Z' }],
};

/** Several megabytes of rows (past the writer's 1 MB pieces and zlib's queue), two units, one of them empty. */
function tables(): PackageTableInput[] {
  function* members(n: number) {
    for (let i = 0; i < n; i++) yield { id: `m${i}`, name: `党员${i}`, note: '换行\n"引号"、全角，'.repeat(i % 7) };
  }
  let read = 0;
  function* counted() {
    for (const r of members(300)) {
      read++;
      yield r;
    }
  }
  return [
    { name: 'party.members', coverage: 'all', units: [{ code: 'XL01', records: members(60_000) }, { code: 'XL01-a', records: [] }, { code: 'XL01-b', records: members(3) }] },
    // A coverage known only once the records were read (a chain's delta).
    { name: 'fund.journal', coverage: () => ({ field: 'seq', from: '1', to: String(read) }), units: [{ code: 'XL01', records: counted() }] },
    { name: 'party.ratings', coverage: 'all', units: [] },
  ];
}

describe('streaming a package', () => {
  it('makes the bytes writing it whole makes, checksums, rows and late coverage included', async () => {
    const whole = writePackage(head, tables(), key);
    const streamed = await streamPackage(head, tables(), key);
    expect(Buffer.from(streamed.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    expect(streamed.manifest.tables.map((t) => [t.name, t.rows])).toEqual([['party.members', 60_003], ['fund.journal', 300], ['party.ratings', 0]]);
    expect(streamed.manifest.tables[1]!.coverage).toEqual({ field: 'seq', from: '1', to: '300' });
    const files = unzipCapped(streamed.bytes, 200 << 20);
    const text = Buffer.from(files['tables/party.members.json']!).toString('utf8');
    expect(text.length).toBeGreaterThan(4 << 20);
    expect(Object.keys(JSON.parse(text).units)).toEqual(['XL01', 'XL01-a', 'XL01-b']);
  });
});
