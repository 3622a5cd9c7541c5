import { idNumber } from '../../scripts/lib/people';
import { setupInput, testCore, today } from './helpers';

export const thisMonth = (): string => today().slice(0, 7);

/** A community installation (its own StreetDesk) with a branch, a party group, members, a meeting and a rating. */
export async function communityInstall(unit: { name?: string; code?: string; dataDir?: string } = {}) {
  const t = await testCore({ setUp: false, dataDir: unit.dataDir });
  const name = unit.name ?? '西里社区';
  await t.call('system.setup', setupInput('community', '李娜', { name, code: unit.code ?? '130104001001' }));
  const root = (await t.call('party.listOrgs', {}))[0]!;
  const place = (await t.call('party.listPlaces', {}))[0]!;
  const estate = await t.call('party.createPlace', { kind: 'estate', parentId: place.id, name: '阳光小区' });
  const branch = await t.call('party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部', placeId: estate.id });
  const group = await t.call('party.createOrg', { parentId: branch.id, level: 'group', kind: '楼栋党小组', name: '3号楼党小组' });
  let seq = 0;
  const member = (who: string, extra: Record<string, unknown> = {}) =>
    t.call('party.createMember', {
      name: who, gender: 'male', idNumber: idNumber('130104', '1968-05-12', ++seq, 'male'), phone: '13812348000',
      joinedOn: '1995-07-01', status: 'full', category: 'community', orgId: branch.id, ...extra,
    });
  const zhang = await member('张三', { role: 'secretary' });
  const li = await member('李四', { status: 'probationary', joinedOn: '2026-03-01', gender: 'female', idNumber: idNumber('130104', '1990-02-03', ++seq, 'female') });
  const wang = await member('王五', { category: 'in_service', workUnit: '区人民医院', orgId: group.id });
  const meeting = await t.call('party.createMeeting', {
    orgId: branch.id, type: 'committee', heldOn: today(), topic: '研究本月工作', place: '党群服务中心', host: '张三', recorder: '李四',
    attendance: [
      { memberId: zhang.id, name: '张三', status: 'present' },
      { memberId: li.id, name: '李四', status: 'absent', reason: '出差' },
    ],
    resolutions: [{ content: '清理楼道堆物', owner: '张三' }],
  });
  const lastYear = Number(today().slice(0, 4)) - 1;
  await t.call('party.rateBranch', { orgId: branch.id, year: lastYear, stars: 4, reasons: '组织生活规范', ratedOn: `${lastYear + 1}-01-15` });
  return { ...t, name, root, branch, group, members: { zhang, li, wang }, meeting, member };
}

/** A street installation that consolidates its communities' packages. */
export async function streetInstall(dataDir?: string) {
  const t = await testCore({ setUp: false, dataDir });
  await t.call('system.setup', setupInput('street'));
  return t;
}

/** A community's monthly package, as the file a clerk carries to the street. */
export async function packageOf(t: { call: Awaited<ReturnType<typeof testCore>>['call'] }, period = thisMonth()) {
  const out = await t.call('submission.buildMonthly', { level: 'community', period, modules: ['party'], outputs: ['package'] });
  return { fileName: out.package!.name, base64: out.package!.base64 };
}
