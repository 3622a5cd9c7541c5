import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { communityInstall, packageOf, rewritePackage, STREET, streetInstall, thisMonth } from './submission-fixture';

type Street = Awaited<ReturnType<typeof streetInstall>>;

/** Moves a package to other unit codes (`codes`: old → new) with an edited manifest, re-signed with `signWith`'s key. */
function relabel(base64: string, edit: (m: Record<string, unknown>) => void, codes: Record<string, string>, signWith: string): string {
  return rewritePackage(base64, (files, manifest) => {
    edit(manifest);
    for (const t of manifest.tables as { file: string }[]) {
      const body = JSON.parse(strFromU8(files[t.file]!)) as { units: Record<string, unknown> };
      body.units = Object.fromEntries(Object.entries(body.units).map(([code, rows]) => [codes[code] ?? code, rows]));
      files[t.file] = strToU8(JSON.stringify(body));
    }
  }, signWith);
}

/** Refused with the reason, nothing consolidated, and the attempt in the log with the same sentence. */
async function refused(street: Street, pkg: { fileName: string; contentBase64: string }, message: RegExp) {
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
    const base64 = relabel(own.package!.contentBase64, (m) => {
      m.source = { ...fake, parent: { level: 'street', ...STREET } };
      m.units = (m.units as Record<string, unknown>[]).map((u) => ({ ...u, ...fake }));
    }, { [STREET.code]: fake.code }, street.dir);
    await refused(street, { fileName: '假社区.sdpkg', contentBase64: base64 }, /本机生成的数据包.*假社区/);
    // With a new package id too (not in the export log): its signature is still the street's own key.
    const renumbered = relabel(base64, (m) => (m.packageId = `01${'Z'.repeat(24)}`), {}, street.dir);
    await refused(street, { fileName: '假社区.sdpkg', contentBase64: renumbered }, /本机生成的数据包.*假社区/);
  });

  it('refuses a community’s package relabelled as another community, by the key pinned for the first', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const pkg = await packageOf(community);
    await street.call('submission.importPackage', pkg);
    const other = { name: '东里社区', code: '130104001002' };
    const base64 = relabel(pkg.contentBase64, (m) => {
      m.packageId = `01${'Y'.repeat(24)}`;
      m.source = { level: 'community', ...other, parent: { level: 'street', ...STREET } };
      m.units = (m.units as Record<string, unknown>[]).map((u) => ({ ...u, ...other }));
    }, { '130104001001': other.code }, community.dir);
    const env = await street.attempt('submission.importPackage', { fileName: 'x.sdpkg', contentBase64: base64 });
    expect(env).toMatchObject({ ok: false, error: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringMatching(/签名密钥属于“西里社区”（代码 130104001001），数据包却自称“东里社区”/) } });
  });

  it('refuses a street’s package: a street takes communities only', async () => {
    const other = await streetInstall();
    const pkg = await other.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party'], outputs: ['package'] });
    const street = await streetInstall();
    const unit = { level: 'street', name: '东花市街道', code: '110101002' };
    const base64 = relabel(pkg.package!.contentBase64, (m) => {
      m.source = { ...unit, parent: null };
      m.units = (m.units as Record<string, unknown>[]).map((u) => ({ ...u, ...unit }));
    }, { [STREET.code]: unit.code }, other.dir);
    await refused(street, { fileName: 'x.sdpkg', contentBase64: base64 }, /来自街道“东花市街道”。街道只导入所属社区/);
  });
});
