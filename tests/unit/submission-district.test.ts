import { describe, expect, it } from 'vitest';
import { openFile } from '../../db/open';
import { today } from './helpers';
import { newId } from '../../db/ids';
import { communityWithPlaces, forged, MODULES, rechain } from './submission-places-fixture';
import { hasPoppler, pdfFlatText } from './pdf-text';
import { sheetRows, workbookOf } from './workbook-read';
import { communityInstall, DISTRICT, districtInstall, ownPackageOf, packageOf, STREET, streetInstall, thisMonth } from './submission-fixture';

type Installation = Awaited<ReturnType<typeof districtInstall>>;
type Pkg = { fileName: string; contentBase64: string };

/** Two communities of the fixture's street, and the street naming its district. */
async function chain() {
  const a = await communityInstall();
  const b = await communityInstall({ name: '东里社区', code: '130104001002' });
  const street = await streetInstall(undefined, { parent: DISTRICT });
  return { a, b, street };
}

/**
 * The consolidated tables as the district holds them. Left out: when a file was imported here and which file
 * delivered a version (`imported_at`, `package_id`) — two street packages carrying the same community export
 * deliver the same version, and which came first is the order of arrival, not data.
 */
function dump(t: Installation) {
  const db = openFile(t.core.services.dbFile, { readonly: true });
  const all = (sql: string) => db.prepare(sql).all();
  const out = {
    units: all('SELECT code, level, name, parent_code, period, package_created_at FROM consolidated_units ORDER BY code'),
    rows: all(`SELECT unit_code, table_name, record_id, record, source_updated_at, package_created_at, local_record, removed_at
               FROM consolidated_rows ORDER BY unit_code, table_name, record_id`),
    coverage: all('SELECT unit_code, table_name, package_created_at, coverage FROM consolidated_coverage ORDER BY 1, 2, 3'),
    conflicts: all('SELECT unit_code, table_name, record_id, incoming_record, status FROM consolidation_conflicts ORDER BY unit_code, record_id'),
  };
  db.close();
  return out;
}

/** Refused with the reason, nothing consolidated, and the attempt in the log with the same sentence. */
async function refused(district: Installation, pkg: Pkg, message: RegExp) {
  const env = await district.attempt('submission.importPackage', pkg);
  expect(env).toMatchObject({ ok: false, error: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringMatching(message) } });
  expect((await district.call('submission.inspectPackage', pkg)).refusal).toMatchObject({ message: expect.stringMatching(message) });
  const log = await district.call('submission.listLog', { direction: 'import' });
  expect(log.rows[0]).toMatchObject({ title: '数据包导入（未导入）', refusal: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringMatching(message) } });
}

describe('the district', () => {
  it('takes a street’s package: the street’s own data and its communities, each under its street, the street’s key pinned', async () => {
    const { a, b, street } = await chain();
    await street.call('submission.importPackage', await packageOf(a));
    await street.call('submission.importPackage', await packageOf(b));
    const pkg = await ownPackageOf(street, 'street');
    const district = await districtInstall();
    expect((await district.call('system.getStatus', {})).installation).toMatchObject({ unitLevel: 'district', unitName: DISTRICT.name });

    const inspected = await district.call('submission.inspectPackage', pkg);
    expect(inspected.refusal).toBeNull();
    expect(inspected.manifest!.source).toEqual({ level: 'street', ...STREET, parent: { level: 'district', ...DISTRICT } });
    expect(inspected.manifest!.units.map((u) => u.name)).toEqual(['西里街道', '东里社区', '西里社区']);
    // Both communities' 8 records; the street keeps no party data of its own beyond its 党工委.
    const imported = await district.call('submission.importPackage', pkg);
    expect(imported.counts).toMatchObject({ new: 17, conflicts: 0 });
    const units = await district.call('submission.listUnits', {});
    expect(units.map((u) => [u.name, u.level, u.parentName])).toEqual([
      ['东里社区', 'community', '西里街道'], ['西里社区', 'community', '西里街道'], ['西里街道', 'street', null],
    ]);
    // The street's key is pinned (its fingerprint shown); its communities are vouched for by the street's signature.
    expect(units.find((u) => u.level === 'street')!.fingerprint).toBe(inspected.signer!.fingerprint);
    expect(units.filter((u) => u.level === 'community').map((u) => u.fingerprint)).toEqual([null, null]);
    const db = openFile(district.core.services.dbFile, { readonly: true });
    expect(db.prepare('SELECT code, parent_code AS parent FROM consolidated_units ORDER BY code').all()).toEqual([
      { code: STREET.code, parent: DISTRICT.code }, { code: '130104001001', parent: STREET.code }, { code: '130104001002', parent: STREET.code },
    ]);
    db.close();
  });

  it('is transitive and idempotent: community → street → district in any order gives the same district', async () => {
    const { a, b, street } = await chain();
    const a1 = await packageOf(a);
    const b1 = await packageOf(b);
    await street.call('submission.importPackage', a1);
    await street.call('submission.importPackage', b1);
    const s1 = await ownPackageOf(street, 'street');
    // A changes, adds a member and deletes its meeting; its new package reaches the street with the old one and
    // B's re-sent after it.
    await a.call('party.becomeFull', { id: a.members.li.id, on: today() });
    await a.member('赵七');
    await a.call('party.deleteMeeting', { id: a.meeting.id });
    const a2 = await packageOf(a);
    await street.call('submission.importPackage', a2);
    expect((await street.call('submission.importPackage', a1)).counts).toMatchObject({ new: 0, updated: 0 });
    expect((await street.call('submission.importPackage', b1)).counts).toMatchObject({ new: 0, updated: 0, unchanged: 8 });
    const s2 = await ownPackageOf(street, 'street');

    const inOrder = await districtInstall();
    await inOrder.call('submission.importPackage', s1);
    expect((await inOrder.call('submission.importPackage', s2)).counts).toMatchObject({ updated: 1, new: 1, removed: 1, conflicts: 0 });

    const reversed = await districtInstall();
    await reversed.call('submission.importPackage', s2);
    // The older street package after the newer one: every unit in it is older or unchanged; the meeting it still
    // carries was covered by the newer export and absent from it — kept as removed, as in the other order.
    expect((await reversed.call('submission.importPackage', s1)).counts).toMatchObject({ new: 0, updated: 0, removed: 0, older: 2 });
    expect((await reversed.call('submission.importPackage', s2)).counts).toMatchObject({ new: 0, updated: 0, removed: 0, older: 0 });

    const expected = dump(inOrder);
    expect(dump(reversed)).toEqual(expected);
    // And the district holds each community as the street does (transitive): the same records, the same export times.
    const atStreet = dump(street);
    const communities = (d: typeof expected) => d.rows.filter((r) => (r as { unit_code: string }).unit_code !== STREET.code);
    expect(communities(expected)).toEqual(atStreet.rows);
    const meeting = communities(expected).find((r) => (r as { record_id: string }).record_id === a.meeting.id) as { removed_at: string | null };
    expect(meeting.removed_at).not.toBeNull();
    const li = communities(expected).find((r) => (r as { record_id: string }).record_id === a.members.li.id) as { record: string };
    expect(JSON.parse(li.record)).toMatchObject({ status: 'full' });
  });

  it('refuses a community’s package, another district’s street, and its own package, in words, and logs each', async () => {
    const district = await districtInstall();
    const { a } = await chain();
    await refused(district, await packageOf(a), /来自社区“西里社区”。区只导入所属街道报送的数据包/);

    const foreign = await streetInstall(undefined, { name: '东华门街道', code: '110101001', parent: { name: '东城区', code: '110101' } });
    await refused(district, await ownPackageOf(foreign), /“东华门街道”（代码 110101001）属于“东城区”（代码 110101），不是本区（桥西区，代码 130104）的街道/);
    const unnamed = await streetInstall(undefined, { name: '东华门街道', code: '110101001' });
    await refused(district, await ownPackageOf(unnamed), /没有注明所属区.*110101001.*请该街道在“设置”中填写所属区/);

    await refused(district, await ownPackageOf(district, 'district'), /这是本单位（桥西区）生成的数据包/);
    expect(await district.call('submission.listUnits', {})).toEqual([]);
    expect((await district.call('submission.listLog', { direction: 'import' })).total).toBe(4);
    // A street that never named its district is taken when its code is under the district's.
    const under = await streetInstall();
    expect((await district.call('submission.importPackage', await ownPackageOf(under))).counts.conflicts).toBe(0);
  });

  it('refuses a street’s package placing a community the district holds under another street (one parent each)', async () => {
    const { a, street } = await chain();
    await street.call('submission.importPackage', await packageOf(a));
    const district = await districtInstall();
    await district.call('submission.importPackage', await ownPackageOf(street));
    const other = await streetInstall(undefined, { name: '南里街道', code: '130104002', parent: DISTRICT });
    const moved = await communityInstall({ parent: { name: '南里街道', code: '130104002' } });
    await other.call('submission.importPackage', await packageOf(moved));
    await refused(district, await ownPackageOf(other), /“西里社区”（代码 130104001001）已登记属于“西里街道”（代码 130104001）/);
  });

  it('reports a community’s fund history rewritten inside a later street package, re-signed by the street', async () => {
    const community = await communityWithPlaces();
    const street = await streetInstall(undefined, { parent: DISTRICT });
    await street.call('submission.importPackage', await packageOf(community, community.month, MODULES));
    const district = await districtInstall();
    await district.call('submission.importPackage', await ownPackageOf(street, 'street', community.month, MODULES));
    const wrong = await community.income('500.00');
    await community.call('fund.reverseEntry', { id: newId(), entryId: wrong.id, reason: '金额录错' });
    await street.call('submission.importPackage', await packageOf(community, community.month, MODULES));
    const next = await ownPackageOf(street, 'street', community.month, MODULES);
    // The street's package passes the community's journal on as it came: the district takes it, chains continued.
    const inspected = await district.call('submission.inspectPackage', next);
    expect(inspected.refusal).toBeNull();
    expect(inspected.checks.join('')).toContain('校验链逐笔重算一致，且延续此前导入的记录');

    const rewritten = forged(next.contentBase64, street.dir, (t) => {
      const e = t['fund.entries']!.units['130104001001']!.find((x) => x.seq === 1)!;
      e.amount = 2_234_567;
      rechain(t);
    });
    const env = await district.attempt('submission.importPackage', { fileName: next.fileName, contentBase64: rewritten });
    expect(env).toMatchObject({ ok: false, error: { reason: 'PACKAGE_TAMPERED', message: expect.stringContaining('第 1 笔与上次导入的不同：历史被改写') } });
    expect((await district.call('submission.importPackage', next)).counts.conflicts).toBe(0);
  });

  it('submits the district’s month over the consolidated data: by street, by community, in total', async () => {
    const { a, b, street } = await chain();
    await street.call('submission.importPackage', await packageOf(a));
    await street.call('submission.importPackage', await packageOf(b));
    const other = await streetInstall(undefined, { name: '南里街道', code: '130104002', parent: DISTRICT });
    await other.call('submission.importPackage', await packageOf(await communityInstall({ name: '南里社区', code: '130104002001', parent: { name: '南里街道', code: '130104002' } })));
    const district = await districtInstall();
    await district.call('submission.importPackage', await ownPackageOf(street));
    await district.call('submission.importPackage', await ownPackageOf(other));

    const out = await district.call('submission.buildMonthly', { level: 'district', period: thisMonth(), modules: ['party'], outputs: ['workbook', 'pdf', 'package'] });
    const wb = await workbookOf(out.workbook!.contentBase64);
    const summary = sheetRows(wb.getWorksheet('汇总')!);
    // Each street's communities under it, streets in name order; 合计 over all of them.
    expect(summary.filter((r) => r['街道']).map((r) => [r['街道'], r['社区'], r['在册党员']])).toEqual([
      ['南里街道', '南里社区', 3], ['西里街道', '东里社区', 3], ['西里街道', '西里社区', 3],
    ]);
    expect(summary.at(-1)).toMatchObject({ 社区: '共 3 个', 在册党员: 9 });
    const members = sheetRows(wb.getWorksheet('党员花名册')!);
    expect(members.filter((r) => r['姓名'] === '李四').map((r) => [r['所属街道'], r['所属社区']])).toEqual([
      ['南里街道', '南里社区'], ['西里街道', '东里社区'], ['西里街道', '西里社区'],
    ]);
    // 台账导出 at the district: the same register on its own, by street.
    const register = await district.call('submission.exportRegister', { register: 'party.members', level: 'district', period: thisMonth() });
    const alone = sheetRows((await workbookOf(register.file.contentBase64)).worksheets[0]!);
    expect(alone.filter((r) => r['所属街道']).map((r) => r['所属街道'])).toEqual([...Array(3).fill('南里街道'), ...Array(6).fill('西里街道')]);
    expect(await district.attempt('submission.exportRegister', { register: 'party.members', level: 'community', period: thisMonth() }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'level', message: '本机是区，只能生成本区的上报材料' }] } });
    // The district's own package carries every street and community for the level above, each with its export time.
    const own = await district.call('submission.inspectPackage', out.package!);
    expect(own.refusal?.message).toMatch(/这是本单位（桥西区）生成的数据包/);
    expect(out.warnings).toEqual([]);
    if (hasPoppler) expect(pdfFlatText(out.pdf!.contentBase64)).toContain('汇总了2个街道、3个社区报送的数据：南里街道');
  });

  it('a street refuses a district’s package, naming the levels', async () => {
    const district = await districtInstall();
    const street = await streetInstall(undefined, { parent: DISTRICT });
    const env = await street.attempt('submission.importPackage', await ownPackageOf(district, 'district'));
    expect(env).toMatchObject({ ok: false, error: { message: expect.stringContaining('这个数据包来自区“桥西区”。街道只导入所属社区报送的数据包') } });
  });
});
