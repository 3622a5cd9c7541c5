import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { communityInstall, packageOf, STREET, streetInstall, thisMonth } from './submission-fixture';

type Street = Awaited<ReturnType<typeof streetInstall>>;

/**
 * Edits a package's manifest, moves the tables' rows to the units' new codes and redoes every checksum, as
 * someone with an unzip tool could (`codes`: old unit code → new).
 */
export function relabel(base64: string, edit: (m: Record<string, unknown>) => void, codes: Record<string, string> = {}): string {
  const files = unzipSync(Buffer.from(base64, 'base64'));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  edit(manifest);
  for (const t of manifest.tables as { file: string; sha256: string }[]) {
    const body = JSON.parse(strFromU8(files[t.file]!)) as { units: Record<string, unknown> };
    body.units = Object.fromEntries(Object.entries(body.units).map(([code, rows]) => [codes[code] ?? code, rows]));
    files[t.file] = strToU8(JSON.stringify(body));
    t.sha256 = createHash('sha256').update(files[t.file]!).digest('hex');
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  files['manifest.sha256'] = strToU8(createHash('sha256').update(files['manifest.json']!).digest('hex'));
  return Buffer.from(zipSync(files)).toString('base64');
}

/** Refused with the reason, nothing consolidated, and the attempt in the log with the same sentence. */
async function refused(street: Street, pkg: { fileName: string; base64: string }, message: RegExp) {
  const env = await street.attempt('submission.importPackage', pkg);
  expect(env).toMatchObject({ ok: false, error: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringMatching(message) } });
  expect((await street.call('submission.inspectPackage', pkg)).refusal).toMatchObject({ reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringMatching(message) });
  expect(await street.call('submission.listUnits', {})).toEqual([]);
  const log = await street.call('submission.listLog', { direction: 'import' });
  expect(log.rows[0]).toMatchObject({ title: '数据包导入（未导入）', refusal: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringMatching(message) }, result: null });
  return log.rows[0]!;
}

describe('the units a package names', () => {
  it('names the community and its street, and the street takes it', async () => {
    const community = await communityInstall();
    const pkg = await packageOf(community);
    const street = await streetInstall();
    const inspected = await street.call('submission.inspectPackage', pkg);
    expect(inspected.manifest!.source).toEqual({ level: 'community', name: '西里社区', code: '130104001001', parent: { level: 'street', ...STREET } });
    expect((await street.call('submission.importPackage', pkg)).counts.new).toBe(8);
  });

  it('refuses a community of another street, in words, and logs the refusal', async () => {
    const foreign = await communityInstall({ name: '东花市社区', code: '110101002003', parent: { name: '东花市街道', code: '110101002' } });
    const street = await streetInstall();
    const entry = await refused(street, await packageOf(foreign), /“东花市社区”（代码 110101002003）属于“东花市街道”（代码 110101002），不是本街道（西里街道，代码 130104001）的社区/);
    expect(entry.unit).toEqual({ level: 'community', name: '东花市社区', code: '110101002003' });
    // Searchable by the reason.
    expect((await street.call('submission.listLog', { q: '不是本街道' })).total).toBe(1);
    const audit = await street.call('system.listAudit', { entity: 'submission' });
    expect(audit.rows.map((r) => r.action)).toContain('import_refused');
  });

  it('refuses a community that claims this street but is not under it by code, when it named no street', async () => {
    const street = await streetInstall();
    const unnamed = await communityInstall({ name: '东花市社区', code: '110101002003', parent: null });
    await refused(street, await packageOf(unnamed), /没有注明所属街道.*110101002003.*请该社区在“设置”中填写所属街道/);
    // One whose code is under the street's is taken (行政区划代码 are hierarchical).
    const under = await communityInstall({ parent: null });
    expect((await street.call('submission.importPackage', await packageOf(under))).counts.new).toBe(8);
  });

  it('takes a community once it names its street in the settings (audited)', async () => {
    const community = await communityInstall({ code: 'XILI-01', parent: null });
    const street = await streetInstall();
    await refused(street, await packageOf(community), /没有注明所属街道/);
    expect(await community.attempt('system.setParentUnit', { parentName: '西里街道', parentCode: '' })).toMatchObject({
      ok: false, error: { fields: [{ path: 'parentCode', message: '请填写上级单位代码' }] },
    });
    await community.call('system.setParentUnit', { parentName: STREET.name, parentCode: STREET.code });
    expect((await street.call('submission.importPackage', await packageOf(community))).counts.new).toBe(8);
  });

  it('refuses the street’s own package relabelled as a community of its own', async () => {
    const street = await streetInstall();
    const own = await street.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party'], outputs: ['package'] });
    const fake = { level: 'community', name: '假社区', code: '130104001099' };
    const base64 = relabel(own.package!.base64, (m) => {
      m.source = { ...fake, parent: { level: 'street', ...STREET } };
      m.units = (m.units as Record<string, unknown>[]).map((u) => ({ ...u, ...fake }));
    }, { [STREET.code]: fake.code });
    await refused(street, { fileName: '假社区.sdpkg', base64 }, /本机生成的数据包.*假社区/);
  });

  it('refuses a street’s package: a street takes communities only', async () => {
    const other = await streetInstall();
    const pkg = await other.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party'], outputs: ['package'] });
    const street = await streetInstall();
    const unit = { level: 'street', name: '东花市街道', code: '110101002' };
    const base64 = relabel(pkg.package!.base64, (m) => {
      m.source = { ...unit, parent: null };
      m.units = (m.units as Record<string, unknown>[]).map((u) => ({ ...u, ...unit }));
    }, { [STREET.code]: unit.code });
    await refused(street, { fileName: 'x.sdpkg', base64 }, /来自街道“东花市街道”。街道只导入所属社区/);
  });
});
