import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { orgLabels, type NamedOrg } from '../../main/api/common/org-labels';
import { idNumber } from '../../scripts/lib/people';
import { thisMonth } from './submission-fixture';
import { testCore } from './helpers';
import { rootOrg } from '../orgs';

const unit = (id: string, parentId: string | null, level: NamedOrg['level'], name: string, extra: Partial<NamedOrg> = {}): NamedOrg => ({
  id, parentId, level, name, ...extra,
});

describe('orgLabels: a unit named alone tells same-named units apart', () => {
  const tree = [
    unit('s', null, 'street_committee', '西里街道党工委'),
    unit('a', 's', 'community_committee', '幸福社区党委', { placeName: '幸福社区' }),
    unit('b', 's', 'community_committee', '和平社区党委', { placeName: '和平社区' }),
    unit('a1', 'a', 'branch', '第一党支部'),
    unit('b1', 'b', 'branch', '第一党支部'),
    unit('a2', 'a', 'branch', '阳光小区党支部'),
    unit('a1g', 'a1', 'group', '第一党小组'),
    unit('b1g', 'b1', 'group', '第一党小组'),
    unit('a2g', 'a2', 'group', '3号楼党小组'),
  ];
  const labels = orgLabels(tree);

  it('keeps a name no other unit bears as it is', () => {
    expect(labels.get('a2')).toBe('阳光小区党支部');
    expect(labels.get('a2g')).toBe('3号楼党小组');
    expect(labels.get('a')).toBe('幸福社区党委');
  });

  it('puts the community (by its community name) in front of a shared name, a shared group’s too', () => {
    expect(labels.get('a1')).toBe('幸福社区 › 第一党支部');
    expect(labels.get('b1')).toBe('和平社区 › 第一党支部');
    expect(labels.get('a1g')).toBe('幸福社区 › 第一党小组');
    expect(labels.get('b1g')).toBe('和平社区 › 第一党小组');
    expect(new Set(labels.values()).size).toBe(tree.length);
  });

  it('names a shared group by its whole path only where its community has another of that name', () => {
    const two = orgLabels([...tree, unit('a3', 'a', 'branch', '第二党支部'), unit('a3g', 'a3', 'group', '第一党小组')]);
    expect(two.get('a1g')).toBe('幸福社区 › 第一党支部 › 第一党小组');
    expect(two.get('a3g')).toBe('第二党支部 › 第一党小组');
    expect(two.get('b1g')).toBe('和平社区 › 第一党小组');
    // Nor may the short form be another unit's label: a branch of 幸福社区 named like the group.
    const clash = orgLabels([...tree, unit('a4', 'a', 'branch', '第一党小组')]);
    expect(clash.get('a4')).toBe('幸福社区 › 第一党小组');
    expect(clash.get('a1g')).toBe('幸福社区 › 第一党支部 › 第一党小组');
    expect(new Set(clash.values()).size).toBe(tree.length + 1);
  });

  it('a dissolved namesake does not lengthen an active name, but is itself named apart', () => {
    const withOld = orgLabels([...tree, unit('old', 'b', 'branch', '阳光小区党支部', { status: 'dissolved' })]);
    expect(withOld.get('a2')).toBe('阳光小区党支部');
    expect(withOld.get('old')).toBe('和平社区 › 阳光小区党支部');
  });

  it('a unit directly under the street is named after the street, and a parent loop in bad data ends', () => {
    const direct = orgLabels([...tree, unit('d', 's', 'branch', '第一党支部')]);
    expect(direct.get('d')).toBe('西里街道党工委 › 第一党支部');
    const loop = orgLabels([unit('x', 'y', 'branch', '甲'), unit('y', 'x', 'branch', '甲')]);
    expect(loop.get('x')).toMatch(/^甲( › 甲)*$/);
  });
});

describe('same-named branches through the core: lists, drawers, search, to-dos, the dashboard’s bars and the register export', () => {
  it('names each 第一党支部 with its community wherever it is named alone', async () => {
    const t = await testCore();
    const { call } = t;
    const root = await rootOrg(call);
    const branches: Record<string, string> = {};
    let seq = 0;
    for (const community of ['幸福社区', '和平社区']) {
      const place = await call('party.createPlace', { kind: 'community', name: community });
      const committee = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: `${community}党委`, placeId: place.id });
      const branch = await call('party.createOrg', { parentId: committee.id, level: 'branch', kind: '党支部', name: '第一党支部', placeId: null });
      branches[community] = branch.id;
      // Joined thirteen months ago and still probationary: on the dashboard's to-do list.
      await call('party.createMember', {
        name: `${community.slice(0, 2)}成员`, gender: 'female', idNumber: idNumber('130104', '1990-03-04', ++seq, 'female'), phone: null,
        joinedOn: '2025-11-01', status: 'probationary', category: 'community', orgId: branch.id,
      });
    }
    const expected = { [branches['幸福社区']!]: '幸福社区 › 第一党支部', [branches['和平社区']!]: '和平社区 › 第一党支部' };

    const list = await call('party.listMembers', { limit: 50 });
    expect(list.rows.map((r) => [r.name, r.orgName])).toEqual(expect.arrayContaining([['幸福成员', '幸福社区 › 第一党支部'], ['和平成员', '和平社区 › 第一党支部']]));
    const drawer = await call('party.getMember', { id: list.rows[0]!.id });
    expect(drawer.member.orgName).toBe(expected[drawer.member.orgId]);

    const hits = await call('system.search', { q: '幸福' });
    expect(hits.find((h) => h.title === '幸福成员')?.subtitle).toBe('幸福社区 › 第一党支部');
    const orgHits = await call('system.search', { q: '第一党支部' });
    expect(orgHits.map((h) => h.title).sort()).toEqual(['和平社区 › 第一党支部', '幸福社区 › 第一党支部']);

    const dash = await call('party.getDashboard', {});
    expect(dash.probationDue.map((m) => m.orgName).sort()).toEqual(['和平社区 › 第一党支部', '幸福社区 › 第一党支部']);
    expect(dash.stats.byBranch.map((b) => b.orgName).sort()).toEqual(['和平社区 › 第一党支部', '幸福社区 › 第一党支部']);

    const out = await call('submission.exportRegister', { register: 'party.members', level: 'street', period: thisMonth(), reason: null });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const column = (ws.getRow(4).values as unknown[]).indexOf('所在党组织');
    const units = Array.from({ length: ws.rowCount - 5 }, (_, i) => ws.getRow(5 + i).getCell(column).value);
    expect(units.sort()).toEqual(['和平社区 › 第一党支部', '幸福社区 › 第一党支部']);
  });
});
