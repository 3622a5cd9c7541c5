import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { communityInstall, packageOf, streetInstall } from './submission-fixture';

/** The tables a package carries with rows, in its manifest's order (an empty one is no phase of its own). */
function tablesOf(base64: string): { name: string; rows: number }[] {
  const tables: { name: string; rows: number }[] = JSON.parse(strFromU8(unzipSync(Buffer.from(base64, 'base64'))['manifest.json']!)).tables;
  return tables.filter((t) => t.rows > 0);
}

describe('a package import reports its phases', () => {
  it('answers getProgress while it runs, phase by phase in order, and ends done with the result', async () => {
    const community = await communityInstall();
    const pkg = await packageOf(community);
    const street = await streetInstall();
    const jobId = 'test-import-job';
    const seen: { label: string; step: number; total: number }[] = [];
    const importing = street.call('submission.importPackage', { ...pkg, jobId });
    for (;;) {
      const p = await street.call('submission.getProgress', { jobId });
      if (p && seen.at(-1)?.label !== p.label) seen.push({ label: p.label, step: p.step, total: p.total });
      if (p?.done) break;
      // One turn of the event loop: the import, which lets it through between phases, moves one phase on.
      await new Promise((r) => setImmediate(r));
    }
    const out = await importing;

    const tables = tablesOf(pkg.contentBase64);
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    expect(seen.map((s) => s.label)).toEqual([
      '读取数据包',
      '核对清单和签名',
      ...tables.map((t) => expect.stringMatching(new RegExp(`^核对数据：.+（${t.rows} 条）$`))),
      '核对来源和账本链',
      `写入汇总数据（${rows} 条）`,
      '已完成',
    ]);
    expect(seen.find((s) => s.label.startsWith('核对数据'))!.label).toBe(`核对数据：党组织（${tables[0]!.rows} 条）`);
    // The bar only moves forward, and the count of phases is known once the manifest is read.
    expect(seen.map((s) => s.step)).toEqual([...seen.keys()].map((i) => i + 1));
    expect(seen.slice(2).every((s) => s.total === tables.length + 5)).toBe(true);
    expect(await street.call('submission.getProgress', { jobId })).toEqual({ step: tables.length + 5, total: tables.length + 5, label: '已完成', rows: 0, done: true });

    expect(out.counts).toMatchObject({ new: rows, conflicts: 0 });
    expect((await street.call('submission.listLog', { direction: 'import' })).rows.map((r) => r.id)).toEqual([out.logId]);
  });
});
