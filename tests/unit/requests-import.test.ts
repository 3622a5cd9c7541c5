import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { sheet, toFullWidth } from '../fixtures/import/property';
import { importFile, problemsOf, upload } from './import-files';
import { requestsFixture } from './requests-fixture';

/**
 * The 民呼必应 registers through the real import engine, from workbooks laid out as communities keep them (a merged
 * title, a 填报单位 line, a two-row header, a hidden column, blank rows, padded names, full-width digits).
 */

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
      [8, [{ field: 'building', message: '阳光小区3号楼已在“第一网格”网格中' }]],
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

describe('importing 重点关爱户名单', () => {
  const ID_1 = idNumber('130104', '19420315', 21, 'female');
  const ID_2 = idNumber('130104', '19550708', 33, 'male');

  async function street() {
    const t = await requestsFixture();
    const wang = await t.member('王建国');
    await t.member('李红'); // two 李红 in the register: the clerk must say which
    await t.member('李红');
    return { ...t, wang };
  }

  const file = () => register('西里社区重点关爱户名单', [
    ['序号', '住址', '', '', '姓名', '身份证号', '联系电话', '旧电话', '类别', '分色', '结对党员'],
    ['', '小区', '楼栋', '门牌', '', '', '', '', '', '', ''],
  ], [
    /* 5 */ [1, '阳光小区', '3号楼', '2单元301', '赵　桂英', ID_1, '13612345678', '13000000000', '独居', '红', '王建国'],
    /* 6 */ null,
    /* 7 */ [2, '阳光小区', toFullWidth('5号楼'), '1单元102', '钱卫东', toFullWidth(ID_2), '', '', '残疾', '黄色', ''],
    /* 8 */ [3, '阳光小区', '5号楼', '1单元201', '孙秀珍', '', '13712345678', '', '低保户', '绿', '李红'],
    /* 9 */ [4, '阳光小区', '3号楼', '1单元101', '周明', '', '', '', '失独', '红', ''],
    /* 10 */ [5, '阳光小区', '3号楼', '1单元502', '吴兰', '', '', '', '空巢', '紫', '张无名'],
  ], ['B3:D3', 'A3:A4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:J4', 'K3:K4'], [8]);

  it('matches places and paired members for the clerk to confirm, reports bad rows by number, and keeps the person masked', async () => {
    const t = await street();
    const { a, report, commit } = await importFile(t, 'requests.care', file());
    expect(a.mapping).toMatchObject({ estate: 1, building: 2, room: 3, personName: 4, idNumber: 5, personPhone: 6, category: 8, colour: 9, member: 10 });
    expect(problemsOf(report)).toEqual([
      [5, [{ field: 'member', message: '结对党员“王建国”与党员名册中的王建国（阳光小区党支部）同名：请在“结对党员对应”中确认' }]],
      [8, [{ field: 'member', message: '党员名册中有 2 名“李红”：请在“结对党员对应”中确认是哪一位' }]],
      [9, [{ field: 'category', message: '关爱类别应为：独居老人、孤寡老人、空巢老人、残疾人、困难家庭、留守儿童、大病重病患者、其他' }]],
      [10, [{ field: 'colour', message: '关注等级应为：红、黄、绿' }, { field: 'member', message: '党员名册中没有在册的“张无名”，请核对姓名，或清空这一格' }]],
    ]);
    expect(report.questions.map((q) => [q.value, q.proposals.length, q.reading])).toEqual([['王建国', 1, null], ['李红', 2, null], ['张无名', 0, null]]);
    expect(report.preview.map((p) => p.values)).toEqual([{
      community: '西里社区', estate: '阳光小区', building: '5号楼', room: '1单元102', personName: '钱**', idNumber: `130104********${ID_2.slice(14)}`,
      personPhone: '', category: '残疾人', colour: '黄', member: '', situation: '', registeredOn: '2026-12-02',
    }]);
    const clear = /桂英|卫东|秀珍|13612345678|13712345678|13000000000/;
    expect(JSON.stringify(report)).not.toMatch(clear);
    expect(JSON.stringify(report)).not.toContain(ID_1);
    expect(JSON.stringify(a)).not.toMatch(clear);
    await expect(commit()).rejects.toThrow(/有 4 行有错误/);
    expect((await t.call('requests.listCare', { communityId: null, category: null, colour: null, dueOnly: false, includeClosed: true, offset: 0, limit: 50 })).total).toBe(0);

    // The downloaded 核对结果 masks the person in every column, the hidden one of old phones too.
    const out = await t.call('import.downloadReport', { register: 'requests.care', file: await upload(file()), sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join('|')).not.toMatch(clear);
    expect(texts.join('|')).not.toContain(ID_1);

    const li = report.questions[1]!.proposals[0]!.id;
    const values = { member: { 王建国: t.wang.id, 李红: li } };
    const done = await importFile(t, 'requests.care', file(), { options: { excludeRows: [9, 10] }, values });
    expect(problemsOf(done.report)).toEqual([]);
    expect(await done.commit()).toMatchObject({ created: 3 });
    const list = (await t.call('requests.listCare', { communityId: null, category: null, colour: null, dueOnly: false, includeClosed: true, offset: 0, limit: 50 })).rows;
    expect(list.map((h) => [h.buildingName, h.room, h.personName, h.idNumber, h.personPhone, h.category, h.colour, h.memberName])).toEqual([
      ['3号楼', '2单元301', '赵**', `130104********${ID_1.slice(14)}`, '136****5678', 'elderly_alone', 'red', '王建国'],
      ['5号楼', '1单元102', '钱**', `130104********${ID_2.slice(14)}`, null, 'disabled', 'yellow', null],
      ['5号楼', '1单元201', '孙**', null, '137****5678', 'hardship', 'green', '李红'],
    ]);
    // Stored in full, as the form stores them: the audited reveal gives the ID number back.
    const revealed = await t.call('requests.revealCare', { id: list[0]!.id, field: 'idNumber', reason: '核对导入' });
    expect(JSON.stringify(revealed)).toContain(ID_1);

    // The same file again creates nothing (by ID number, else building, door and name).
    const again = await importFile(t, 'requests.care', file(), { options: { excludeRows: [9, 10] }, values });
    expect(again.report.summary).toMatchObject({ create: 0, skip: 3 });
  });
});

describe('importing 诉求台账', () => {
  const file = () => register('西里社区民呼必应诉求台账', [
    ['序号', '编号', '登记日期', '来源', '反映人', '联系电话', '备用电话', '地点', '', '诉求内容', '类别', '办理情况', '', '', '', '满意度'],
    ['', '', '', '', '', '', '', '小区', '楼栋', '', '', '状态', '承办单位', '办理结果', '办结日期', ''],
  ], [
    /* 5 */ [1, 'SQ-001', 46235, '居民来访', '张　秀兰', '13812345678', '13000000000', '阳光小区', '3号楼', '3号楼楼道灯不亮', '公共设施维修', '办结', '', '已更换灯泡', '2026年8月5日', '满意'],
    /* 6 */ null,
    /* 7 */ [2, 'SQ-002', '2026.09', '打电话', '匿名', '', '', '阳光小区', '', '小区垃圾清运不及时', '环卫', '办理中', '阳光物业', '', '', ''],
    /* 8 */ [3, 'SQ-00３', 46300, '网格员巡查', '李四', '', '', '阳光小区', '5号楼', '楼顶漏水', '安全隐患', '未办', '', '', '', ''],
    /* 9 */ [4, 'SQ-004', '2026-10-10', '居民来访', '王五', '', '', '阳光小区', '3号楼', '夜间施工噪音', '', '办结', '', '', '', ''],
    /* 10 */ [5, 'SQ-005', '2026-10-12', '居民来访', '赵六', '', '', '阳光小区', '3号楼', '电梯故障', '公共设施维修', '办结', '', '已修复', '2026-10-01', ''],
  ], ['H3:I3', 'L3:O3', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'J3:J4', 'K3:K4', 'P3:P4'], [7]);

  it('enters historic requests with their dated steps, asks about sources and categories, and does not duplicate', async () => {
    const t = await requestsFixture();
    await t.grid();
    const { a, report, commit } = await importFile(t, 'requests.requests', file());
    expect(a.mapping).toMatchObject({ registerNo: 1, reportedOn: 2, source: 3, reporterName: 4, reporterPhone: 5, estate: 7, building: 8, content: 9, category: 10, status: 11, handlerName: 12, result: 13, doneOn: 14, rating: 15 });
    expect(problemsOf(report)).toEqual([
      [7, [{ field: 'source', message: '来源“打电话”不在列表中，与“热线电话”相近：请在“来源对应”中确认' }, { field: 'category', message: '类别“环卫”不在列表中：请在“类别对应”中确认' }]],
      [8, [{ field: 'source', message: '来源“网格员巡查”不在列表中，与“网格员走访”相近：请在“来源对应”中确认' }]],
      [9, [{ field: 'category', message: '办理中或已办结的诉求请填写类别' }, { field: 'doneOn', message: '已办结的诉求请填写办结日期' }, { field: 'result', message: '已办结的诉求请填写办理结果' }]],
      [10, [{ field: 'doneOn', message: '办结日期不能早于登记日期（2026-10-12）' }]],
    ]);
    expect(report.questions.map((q) => [q.field, q.value, q.proposals.map((p) => p.label), q.reading])).toEqual([
      ['source', '打电话', ['热线电话'], null], ['source', '网格员巡查', ['网格员走访'], null], ['category', '环卫', [], null],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/秀兰|13812345678|13000000000/);
    await expect(commit()).rejects.toThrow(/有 4 行有错误/);
    expect((await t.call('requests.listRequests', { offset: 0, limit: 50 } as never)).total).toBe(0);

    const values = { source: { 打电话: 'hotline', 网格员巡查: 'grid_round' }, category: { 环卫: 'environment' } };
    const done = await importFile(t, 'requests.requests', file(), { options: { excludeRows: [9, 10] }, values });
    expect(problemsOf(done.report)).toEqual([]);
    expect(done.report.rows.find((r) => r.row === 7)!.warnings).toEqual([{ field: 'reportedOn', message: '只写到了月，登记为 2026-09-01，并标注“日期不详”' }]);
    expect(await done.commit()).toMatchObject({ created: 3 });
    const rows = (await t.call('requests.listRequests', { offset: 0, limit: 50 } as never)).rows;
    const byContent = (c: string) => rows.find((r) => r.content === c)!;
    const lamp = await t.call('requests.getRequest', { id: byContent('3号楼楼道灯不亮').id });
    expect(lamp).toMatchObject({ state: 'done', reportedOn: '2026-08-01', source: 'visit', reporterName: '张**', gridName: '第一网格', category: 'facilities', doneOn: '2026-08-05', result: '已更换灯泡', rating: null });
    expect(lamp.steps.map((s) => [s.toState, s.onDay, s.note])).toEqual([
      ['reported', '2026-08-01', null], ['sorted', '2026-08-01', null], ['assigned', '2026-08-01', null], ['done', '2026-08-05', '原台账满意度：满意'],
    ]);
    expect(byContent('小区垃圾清运不及时')).toMatchObject({ state: 'assigned', anonymous: true, reporterName: '', source: 'hotline', handlerName: '阳光物业', overdue: true });
    expect(byContent('楼顶漏水')).toMatchObject({ state: 'sorted', source: 'grid_round', category: 'safety' });

    // The same file again: the 编号 finds each request, nothing is entered twice.
    const again = await importFile(t, 'requests.requests', file(), { options: { excludeRows: [9, 10] }, values });
    expect(again.report.summary).toMatchObject({ create: 0, skip: 3 });
  });
});
