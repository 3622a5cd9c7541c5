import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { communityInstall, packageOf, streetInstall } from './submission-fixture';

/** The tables a package carries with rows, in its manifest's order (an empty one is no phase of its own). */
function tablesOf(base64: string): { name: string; rows: number }[] {
  const tables: { name: string; rows: number }[] = JSON.parse(strFromU8(unzipSync(Buffer.from(base64, 'base64'))['manifest.json']!)).tables;
  return tables.filter((t) => t.rows > 0);
}

type Install = Awaited<ReturnType<typeof streetInstall>>;

/** Every phase `getProgress` reports for `jobId` while `running` runs, each once, in the order seen. */
async function phasesOf<T>(t: Install, jobId: string, running: Promise<T>) {
  const seen: { label: string; step: number; total: number }[] = [];
  for (;;) {
    const p = await t.call('submission.getProgress', { jobId });
    if (p && seen.at(-1)?.label !== p.label) seen.push({ label: p.label, step: p.step, total: p.total });
    if (p?.done) break;
    // One turn of the event loop: the import, which lets it through between phases, moves one phase on.
    await new Promise((r) => setImmediate(r));
  }
  return { seen, out: await running };
}

describe('a package import reports its phases', () => {
  it('answers getProgress while it runs, phase by phase in order, and ends done with the result', async () => {
    const community = await communityInstall();
    const pkg = await packageOf(community);
    const street = await streetInstall();
    const jobId = 'test-import-job';
    const { seen, out } = await phasesOf(street, jobId, street.call('submission.importPackage', { ...pkg, jobId }));

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

  it('writes a package once when two imports of it run side by side (a double click): the second checks, then finds it here', async () => {
    const community = await communityInstall();
    const pkg = await packageOf(community);
    const street = await streetInstall();
    // Both check before either writes (each yields between its phases); each writes in its own transaction.
    const [first, second] = await Promise.all([
      street.call('submission.importPackage', { ...pkg, jobId: 'test-import-one' }),
      street.call('submission.importPackage', { ...pkg, jobId: 'test-import-two' }),
    ]);
    const rows = tablesOf(pkg.contentBase64).reduce((n, t) => n + t.rows, 0);
    expect(first.counts).toMatchObject({ new: rows, unchanged: 0 });
    expect(second.counts).toMatchObject({ new: 0, updated: 0, unchanged: rows, conflicts: 0 });
    expect((await street.call('system.listAudit', { entity: 'unit_key' })).rows.map((r) => r.action)).toEqual(['pin_key']);
    expect((await street.call('submission.listLog', { direction: 'import' })).total).toBe(2);
  });

  it('so does a community’s import of its street’s answers package, which then closes the request', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const day = (await community.call('system.getClock', {})).today;
    const r = await community.call('requests.report', { reportedOn: day, source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId: community.estate.id, content: '路灯不亮' });
    await community.call('requests.step', { id: r.id, to: 'sorted', category: 'facilities', urgency: 'urgent' } as never);
    await community.call('requests.step', { id: r.id, to: 'assigned', handlerKind: 'street', handlerName: '西里街道城管科' } as never);
    await street.call('submission.importPackage', await packageOf(community, undefined, ['requests']));
    await street.call('requests.answerEscalated', { unitCode: '130104001001', requestId: r.id, measures: '已更换灯泡', answeredBy: '城管科 赵刚' });
    const down = (await street.call('requests.buildAnswersPackage', { unitCode: '130104001001' })).file;

    const jobId = 'test-answers-job';
    const { seen, out } = await phasesOf(community, jobId, community.call('requests.importStreetAnswers', { fileName: down.fileName, contentBase64: down.contentBase64, jobId }));
    expect(seen.map((s) => s.label)).toEqual(['读取数据包', '核对清单和签名', '核对数据：街道答复（1 条）', '核对来源和签名密钥', '写入街道答复（1 条）', '已完成']);
    expect(seen.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out).toMatchObject({ applied: [{ id: r.id }], notApplied: [] });
  });
});
