import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { upload } from './import-files';
import { partyFixture } from './party-fixture';
import { orgByName } from '../orgs';

/** Places and the organisation tree from Excel; the fixture has 西里社区 › 阳光小区 › 3号楼 and their units. */

function placesWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('楼栋');
  ws.addRow(['西里街道小区楼栋台账']);
  ws.mergeCells('A1:G1');
  ws.addRow(['序号', '所属社区', '小区名称', '楼栋号', '单元数', '户数', '备注']);
  ws.addRow([1, '西里社区', '幸福小区', '１号楼', 3, 72, '']); // 3: a building of the estate on row 4
  ws.addRow([2, '西里社区 ', '幸福小区', '', '', '300', '2008年建成']); // 4
  ws.addRow([3, '西里社区', '阳光小区', '3号楼', 2, 48, '']); // 5: already registered
  ws.addRow([4, '东湖社区', '东湖小区', '2号楼', 4, 96, '']); // 6: a community the register lacks
  ws.addRow([5, '', '阳光小区', '5号楼', 0, 20, '']); // 7: no community (the estate's is implied); 0 units
  return wb;
}

function orgsWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织');
  ws.addRow(['组织名称', '上级组织', '组织类别', '关联地点', '成立日期']);
  ws.addRow(['幸福小区1号楼党小组', '幸福小区党支部', '', '1号楼', '']); // 2: its parent is on row 3
  ws.addRow(['幸福小区党支部', '西里社区党委', '小区党支部', '幸福小区', '2015.6.1']); // 3
  ws.addRow(['阳光小区党支部', '西里社区党委', '小区党支部', '阳光小区', '']); // 4: already in the tree
  ws.addRow(['第二党支部', '东湖社区党委', '', '', '']); // 5: a parent nobody has
  return wb;
}

async function importFile(t: Awaited<ReturnType<typeof partyFixture>>, register: string, wb: ExcelJS.Workbook, options = {}) {
  const file = await upload(wb, `${register}.xlsx`);
  const a = await t.call('import.analyse', { register, file });
  const request = { register, file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, options };
  return { a, report: await t.call('import.validate', request), commit: () => t.call('import.commit', request) };
}

describe('importing places', () => {
  it('reads the row\'s place from the deepest name, parents first whatever the order, and lists the bad rows', async () => {
    const t = await partyFixture();
    const { a, report } = await importFile(t, 'party.places', placesWorkbook());
    expect(a.headerRow).toBe(2);
    const bad = report.rows.filter((r) => r.status === 'error');
    expect(bad.map((r) => [r.row, r.issues])).toEqual([
      [6, [{ field: 'community', message: '社区“东湖社区”还没有登记：请核对名称，或选择“自动新增缺少的组织和地点”' }]],
      [7, [{ field: 'unitCount', message: '单元数至少为 1' }]],
    ]);
    expect(report.summary).toMatchObject({ create: 2, skip: 1, error: 2 });
    expect(report.preview.find((p) => p.row === 3)?.values).toMatchObject({ community: '西里社区', estate: '幸福小区（新建）', building: '1号楼', households: '72' });
  });

  it('creates the missing community and estate when asked, and updates registered places with the file\'s counts', async () => {
    const t = await partyFixture();
    const wb = placesWorkbook();
    wb.worksheets[0]!.getCell('E7').value = 2;
    const { report, commit } = await importFile(t, 'party.places', wb, { createMissing: true, duplicates: 'update' });
    expect(report.extras).toEqual(['新建社区“东湖社区”', '新建小区“东湖小区”（东湖社区）']);
    expect(await commit()).toMatchObject({ created: 4, updated: 1 });
    const places = await t.call('party.listPlaces', {});
    const named = (name: string) => places.find((p) => p.name === name)!;
    expect(named('1号楼')).toMatchObject({ kind: 'building', parentId: named('幸福小区').id, unitCount: 3, households: 72 });
    expect(named('幸福小区')).toMatchObject({ households: 300, note: '2008年建成', parentId: named('西里社区').id });
    expect(named('3号楼')).toMatchObject({ unitCount: 2, households: 48 });
    expect(named('5号楼').parentId).toBe(named('阳光小区').id);
    expect(named('2号楼').parentId).toBe(named('东湖小区').id);
  });
});

describe('importing the organisation tree', () => {
  it('takes parents from the tree or the file, infers levels and kinds, and ties units to their places', async () => {
    const t = await partyFixture();
    await importFile(t, 'party.places', placesWorkbook(), { excludeRows: [6, 7] }).then((x) => x.commit());
    const { report, commit } = await importFile(t, 'party.orgs', orgsWorkbook());
    expect(report.rows.filter((r) => r.status === 'error').map((r) => [r.row, r.issues[0]!.message])).toEqual([
      [5, '上级组织“东湖社区党委”不在组织架构中，也不在本文件中'],
    ]);
    expect(report.summary).toMatchObject({ create: 2, skip: 1, error: 1 });
    await expect(commit()).rejects.toThrow(/有 1 行有错误/);

    const done = await importFile(t, 'party.orgs', orgsWorkbook(), { excludeRows: [5] }).then((x) => x.commit());
    expect(done).toMatchObject({ created: 2, skipped: 1 });
    const places = await t.call('party.listPlaces', {});
    const branch = await orgByName(t.call, '幸福小区党支部');
    expect(branch).toMatchObject({ level: 'branch', kind: '小区党支部', placeName: '幸福小区', establishedOn: '2015-06-01', parentId: t.committee.id });
    expect(await orgByName(t.call, '幸福小区1号楼党小组')).toMatchObject({
      level: 'group', kind: '党小组', parentId: branch.id, placeId: places.find((p) => p.name === '1号楼')!.id,
    });
  });
});
