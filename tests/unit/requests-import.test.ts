import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheet, toFullWidth } from '../fixtures/import/property';
import { upload } from './import-files';
import { requestsFixture } from './requests-fixture';

/**
 * The 民呼必应 registers through the real import engine, from workbooks laid out as communities keep them (a merged
 * title, a 填报单位 line, a two-row header, a hidden column, blank rows, padded names, full-width digits).
 */

type T = Awaited<ReturnType<typeof requestsFixture>>;

async function importFile(t: T, register: string, wb: ExcelJS.Workbook, extra: Record<string, unknown> = {}) {
  const file = await upload(wb, `${register}.xlsx`);
  const a = await t.call('import.analyse', { register, file });
  const request = { register, file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, ...extra };
  return { a, report: await t.call('import.validate', request), commit: () => t.call('import.commit', request) };
}

const problemsOf = (report: { rows: { row: number; status: string; issues: readonly { field: string | null; message: string }[] }[] }) =>
  report.rows.filter((r) => r.status === 'error').map((r) => [r.row, r.issues]);

/** A title, the 填报单位 line, then `sheet`'s header and rows one line lower; `hidden` columns hidden. */
function register(title: string, header: unknown[][], rows: (unknown[] | null)[], merges: string[], hidden: number[] = []) {
  const wb = sheet(title, [['填报单位：西里社区（盖章）', '', '', '填报日期：2026年11月', ...header[0]!.slice(4).map(() => '')], ...header], rows, merges);
  for (const c of hidden) wb.worksheets[0]!.getColumn(c).hidden = true;
  return wb;
}

describe('importing 网格划分', () => {
  async function street() {
    const t = await requestsFixture();
    await t.grid(); // 第一网格 has 阳光小区 3号楼
    const xingfu = await t.call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '幸福小区' });
    for (const name of ['1号楼', '2号楼', '4号楼']) await t.call('party.createPlace', { kind: 'building', parentId: xingfu.id, name });
    return t;
  }

  const file = () => register('西里社区网格划分表', [
    ['序号', '社区', '网格名称', '所在位置', '', '网格员', '联系电话', '原电话'],
    ['', '', '', '小区', '楼栋', '', '', ''],
  ], [
    /* 5 */ [1, '西里社区', '第二网格', '幸福小区', toFullWidth('1号楼'), '陈　刚', '13712345678', '13000000000'],
    /* 6 */ null,
    /* 7 */ [2, '西里社区', '第二网格', '幸福小区 ', '2栋', '陈　刚', '13712345678', ''],
    /* 8 */ [3, '西里社区', '第二网格', '阳光小区', '3号楼', '陈　刚', '13712345678', ''],
    /* 9 */ [4, '西里社区', '第一网格', '阳光小区', '5号楼', '刘晓梅', '', ''],
    /* 10 */ [5, '西里社区', '第三网格', '幸福苑', '4号楼', '王丽', '', ''],
    /* 11 */ [6, '西里社区', '第二网格', '幸福小区', '9号楼', '陈　刚', '', ''],
    /* 12 */ [7, '西里社区', '第四网格', '幸福小区', '4号楼', '', '', ''],
    /* 13 */ null,
  ], ['D3:E3', 'A3:A4', 'B3:B4', 'C3:C4', 'F3:F4', 'G3:G4', 'H3:H4'], [8]);

  it('creates the missing grids, adds buildings to stored ones, and refuses a building of another grid on its row', async () => {
    const t = await street();
    const { a, report, commit } = await importFile(t, 'requests.grids', file());
    expect(a.mapping).toMatchObject({ community: 1, grid: 2, estate: 3, building: 4, workerName: 5, workerPhone: 6 });
    expect(problemsOf(report)).toEqual([
      [8, [{ field: null, message: '阳光小区3号楼已在“第一网格”网格中' }]],
      [10, [{ field: 'estate', message: '地点登记中没有“幸福苑”，与“幸福小区（西里社区）”相近：请在“小区名称对应”中确认' }]],
      [11, [{ field: 'building', message: '幸福小区没有“9号楼”：请先在地点登记中建立这栋楼，或核对楼栋名称' }]],
      [12, [{ field: 'workerName', message: '请填写网格员姓名' }]],
    ]);
    // The guess is the clerk's to judge, once for the file.
    const xingfu = report.questions[0]!.proposals[0]!;
    expect(report.questions).toMatchObject([{ field: 'estate', value: '幸福苑', rows: 1, proposals: [{ label: '幸福小区（西里社区）' }], reading: null }]);
    expect(report.preview.map((p) => p.values)).toEqual([
      { community: '西里社区', grid: '第二网格（新建）', estate: '幸福小区', building: '1号楼', workerName: '陈刚', workerPhone: '137****5678' },
      { community: '西里社区', grid: '第二网格（新建）', estate: '幸福小区', building: '2号楼', workerName: '陈刚', workerPhone: '137****5678' },
      { community: '西里社区', grid: '第一网格', estate: '阳光小区', building: '5号楼', workerName: '刘晓梅', workerPhone: '139****5678' },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/13712345678|13000000000/);
    expect(report.extras).toEqual(['新建网格“第二网格”']);

    // Nothing is half-written: the refused commit leaves the grids as they were.
    await expect(commit()).rejects.toThrow(/有 4 行有错误/);
    expect(await t.call('requests.listGrids', { communityId: null })).toHaveLength(1);

    const options = { excludeRows: [8, 11, 12] };
    const answered = await importFile(t, 'requests.grids', file(), { options, values: { estate: { 幸福苑: xingfu.id } } });
    expect(problemsOf(answered.report)).toEqual([]);
    expect(await answered.commit()).toMatchObject({ created: 4 });
    const grids = await t.call('requests.listGrids', { communityId: null });
    expect(grids.map((g) => [g.name, g.workerName, g.workerPhone, g.buildings.map((b) => `${b.estateName}${b.name}`)])).toEqual([
      ['第一网格', '刘晓梅', '13912345678', ['阳光小区3号楼', '阳光小区5号楼']],
      ['第三网格', '王丽', null, ['幸福小区4号楼']],
      ['第二网格', '陈刚', '13712345678', ['幸福小区1号楼', '幸福小区2号楼']],
    ]);
    const audit = await t.call('system.listAudit', { entity: 'grid' });
    expect(audit.rows.filter((e) => e.action === 'import_update')).toHaveLength(1); // 第一网格 gained 5号楼

    // The same file again writes nothing.
    const again = await importFile(t, 'requests.grids', file(), { options, values: { estate: { 幸福苑: xingfu.id } } });
    expect(again.report.summary).toMatchObject({ create: 0, skip: 4 });
  });
});
