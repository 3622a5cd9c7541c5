import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { communityInstall, packageOf, streetInstall, thisMonth } from './submission-fixture';

/** A community with a grid of one building, a 红色小管家, a 微心愿 claimed by a member and a 重点关爱户 visited once. */
async function communityWithLists() {
  const t = await communityInstall();
  const day = (await t.call('system.getClock', {})).today;
  const building = await t.call('party.createPlace', { kind: 'building', parentId: t.estate.id, name: '3号楼', households: 120 });
  const grid = await t.call('requests.createGrid', {
    communityId: t.estate.parentId!, name: '第一网格', workerName: '刘晓梅', workerPhone: '13912345678', orgId: t.branch.id, buildingIds: [building.id],
  });
  const steward = await t.call('requests.createSteward', { memberId: t.members.zhang.id, duty: '楼栋长', phonePublic: true, buildingIds: [building.id] });
  const wish = await t.call('requests.createWish', {
    kind: 'wish', placeId: building.id, title: '修好楼道扶手', wisherName: '赵桂芳', wisherPhone: '13812345678', publishedOn: day,
  });
  await t.call('requests.claimWish', { id: wish.id, memberId: t.members.wang.id, claimedOn: day });
  const care = await t.call('requests.createCare', {
    buildingId: building.id, room: '2单元302', category: 'elderly_alone', colour: 'red', personName: '钱秀英', personPhone: '13711112222',
    idNumber: '13010419400512102X', situation: '独居，腿脚不便', memberId: t.members.zhang.id, registeredOn: day,
  });
  await t.call('requests.addVisit', { householdId: care.id, visitedOn: day, visitorMemberId: t.members.zhang.id, content: '送米面油' });
  return { ...t, day, grid, steward, wish, care };
}

describe('民呼必应 lists in the package', () => {
  it('carry grids, stewards, wishes and care households to the street, masked as members are, and read back there', async () => {
    const t = await communityWithLists();
    const pkg = await packageOf(t, thisMonth(), ['requests']);
    const files = unzipSync(Buffer.from(pkg.contentBase64, 'base64'));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.tables.map((x: { name: string; rows: number }) => [x.name, x.rows])).toEqual([
      ['requests.requests', 0], ['requests.grids', 1], ['requests.stewards', 1], ['requests.wishes', 1], ['requests.care', 1],
    ]);
    // Phones and the ID number masked by default; the wisher masked always; the household's name travels, as a member's.
    const all = Object.entries(files).filter(([n]) => n.startsWith('tables/')).map(([, f]) => strFromU8(f)).join('');
    expect(all).not.toMatch(/13912345678|13812345678|13711112222|13812348000|13010419400512102X|赵桂芳/);

    const street = await streetInstall();
    await street.call('submission.importPackage', pkg);
    const [unit] = await street.call('submission.listUnits', {});
    const records = async (table: string) =>
      (await street.call('submission.listRecords', { unitCode: unit!.code, table, limit: 50 })).rows.map((r) => Object.fromEntries(r.fields.map((f) => [f.key, f.value])));

    expect(await records('requests.grids')).toEqual([expect.objectContaining({
      community: '西里社区', name: '第一网格', workerName: '刘晓梅', workerPhone: '139****5678', orgName: '阳光小区党支部',
      buildings: '阳光小区 3号楼', households: 120,
    })]);
    expect(await records('requests.stewards')).toEqual([expect.objectContaining({
      name: '张三', orgName: '阳光小区党支部', phone: '138****8000', phonePublic: true, duty: '楼栋长', active: true,
      community: '西里社区', buildings: '阳光小区 3号楼',
    })]);
    expect(await records('requests.wishes')).toEqual([expect.objectContaining({
      kind: 'wish', community: '西里社区', title: '修好楼道扶手', wisherName: '赵**', wisherPhone: '138****5678', state: 'claimed',
      claimerName: '王五', claimerUnit: '区人民医院', claimedOn: t.day,
    })]);
    expect(await records('requests.care')).toEqual([expect.objectContaining({
      community: '西里社区', estateName: '阳光小区', buildingName: '3号楼', room: '2单元302', category: 'elderly_alone', colour: 'red',
      personName: '钱秀英', personPhone: '137****2222', idNumber: '130104********102X', memberName: '张三', lastVisitOn: t.day, visitCount: 1,
    })]);
  });

  it('carries the numbers in full when the clerk asks, and a closed household reaches the street closed', async () => {
    const t = await communityWithLists();
    await t.call('requests.closeCare', { id: t.care.id, closedOn: t.day, reason: '搬离本社区' });
    const out = await t.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['requests'], outputs: ['package'], unmasked: true, reason: '核对关爱户信息' });
    const files = unzipSync(Buffer.from(out.package!.contentBase64, 'base64'));
    const care = JSON.parse(strFromU8(files['tables/requests.care.json']!)).units;
    expect(Object.values(care).flat()).toEqual([expect.objectContaining({
      personPhone: '13711112222', idNumber: '13010419400512102X', closedOn: t.day, closedReason: '搬离本社区',
    })]);
    // The resident who made a wish stays masked whatever the clerk chose.
    expect(strFromU8(files['tables/requests.wishes.json']!)).toMatch(/"wisherName":"赵\*\*","wisherPhone":"13812345678"/);
  });
});
