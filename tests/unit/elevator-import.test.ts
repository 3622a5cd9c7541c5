import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toFullWidth } from '../fixtures/import/property';
import { REG_CODE, elevatorFixture } from './elevator-fixture';
import { importFile, problemsOf } from './import-files';

/**
 * The elevator module's registers through the real import engine, from workbooks laid out as street offices keep
 * them: a merged title, a 填报单位 line, a two-row header merged over its group, a hidden column, blank rows,
 * full-width digits, a code Excel turned into a number.
 */

/** A workbook: the merged title, the 填报单位 line, the two-row header with its merges, then the rows (null: blank). */
function messy(title: string, header: unknown[][], merges: string[], rows: (unknown[] | null)[], hiddenColumn?: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header[0]!.length);
  ws.addRow(['填报单位：西里社区居委会（盖章）', '', '', '', '', '', '', '', '', '填报日期：2026年11月30日']);
  for (const h of header) ws.addRow(h);
  for (const r of rows) ws.addRow(r ?? []);
  for (const m of merges) ws.mergeCells(m);
  if (hiddenColumn !== undefined) ws.getColumn(hiddenColumn + 1).hidden = true;
  return wb;
}

const code = (last: string) => REG_CODE.slice(0, 16) + last;

/**
 * 电梯台账: 设备信息 merged across seven columns, a hidden column of the old maintainer named like the visible one,
 * the estate written 阳光 for 阳光小区, an installation date kept to the month, a code typed as a number.
 */
function elevatorsWorkbook(): ExcelJS.Workbook {
  const top = ['序号', '小区名称', '楼栋', '单元', '梯号', '注册代码', '设备信息', '', '', '', '', '', '', '安装日期', '维保单位', '维保单位', '下次检验日期', '使用状态'];
  const low = ['', '', '', '', '', '', '设备代码', '使用登记证编号', '制造单位', '型号', '电梯类型', '层站数', '额定速度', '', '', '', '', ''];
  const merges = ['G3:M3', ...'ABCDEFNOPQR'.split('').map((c) => `${c}3:${c}4`)];
  return messy('西里社区电梯台账', [top, low], merges, [
    /* 5 */ [1, '阳光小区', '３号楼', 1, '1号梯', toFullWidth(REG_CODE), 'SB2015001', '梯11鄂A00001(15)', '通力电梯有限公司', 'KONE 3000', '乘客电梯', '18层', 1.75, '2015.06', '江城电梯工程有限公司', '旧维保公司', '2027-05-31', '在用'],
    /* 6 */ null,
    /* 7 */ [2, '阳光', '3号楼', '2单元', '2号梯', code('0124'), '', '', '', '', '', 18, '1.75', new Date(Date.UTC(2016, 0, 8)), '江城电梯工程有限公司', '', '', ''],
    /* 8 */ [3, '阳光小区', '3号楼', 1, '3号梯', Number(code('0125')), '', '', '', '', '客梯', 18, '', '', '', '', '', '在用'],
    /* 9 */ [4, '阳光小区', '5号楼', 1, '1号梯', code('0126'), '', '', '', '', '客梯', 11, '', '', '', '', '', '在用'],
    /* 10 */ [5, '阳光小区', '3号楼', 2, '4号梯', `4${code('0127').slice(1)}`, '', '', '', '', '货梯', 18, '', '', '', '', '', '停用'],
    /* 11 */ null,
  ], 15);
}

describe('importing 电梯台账', () => {
  it('shows the mapping and the estate it guessed, refuses a code stored as a number and an unknown building by row, and imports the rest once', async () => {
    const t = await elevatorFixture();
    const { a, report, commit } = await importFile(t, 'elevator.elevators', elevatorsWorkbook());
    expect(a.headerRow).toBe(4);
    expect(a.mapping).toMatchObject({ estate: 1, building: 2, unitNo: 3, carLabel: 4, regCode: 5, deviceCode: 6, useCertNo: 7, make: 8, model: 9, type: 10, floors: 11, speed: 12, installedOn: 13, maintainer: 14, nextInspectionOn: 16, status: 17 });
    expect(a.columns[15]).toMatchObject({ header: '维保单位', hidden: true });

    expect(problemsOf(report)).toEqual([
      [8, [{ field: 'regCode', message: '注册代码被 Excel 存成了数字（如 3.1101E+19），末几位已丢失：请把这一列设为“文本”格式后重新填写' }]],
      [9, [{ field: 'building', message: '阳光小区没有名为“5号楼”的楼栋：请核对名称，或选择“自动新增缺少的组织和地点”' }]],
    ]);
    // The clerk sees every guess: the estate read for 阳光, the month-only date, the type left out, the odd code.
    expect(report.questions.map((q) => [q.value, q.proposals.map((p) => p.label), q.reading])).toEqual([['阳光', ['阳光小区（西里社区）'], t.estate.id]]);
    const warnings = (row: number) => report.rows.find((r) => r.row === row)!.warnings.map((w) => [w.field, w.message]);
    expect(warnings(5)).toEqual([['installedOn', '只写到了月，登记为 2015-06-01，并标注“日期不详”']]);
    expect(warnings(7)).toEqual([
      ['type', '没有填写电梯类型，按“曳引驱动乘客电梯”登记'],
      ['estate', '地点登记中没有“阳光”，按“阳光小区（西里社区）”对应；不对请在“小区名称对应”中改选'],
    ]);
    expect(warnings(10)).toEqual([['regCode', '前 4 位是设备类别，电梯以 3 开头，这里是 4110']]);
    expect(report.rows.map((r) => r.row).sort((x, y) => x - y)).toEqual([5, 7, 8, 9, 10]); // the blank lines are not rows

    // Nothing is half-written: the commit refuses while rows have errors.
    await expect(commit()).rejects.toThrow(/有 2 行有错误/);
    expect((await t.call('elevator.listElevators', {})).total).toBe(0);

    const done = await importFile(t, 'elevator.elevators', elevatorsWorkbook(), { options: { excludeRows: [8, 9] } });
    expect(await done.commit()).toMatchObject({ created: 3 });
    const list = (await t.call('elevator.listElevators', {})).rows;
    expect(list.map((e) => [e.carLabel, e.buildingName, e.unitNo, e.regCode, e.type, e.floors, e.speed, e.installedOn, e.maintainer, e.nextInspectionOn, e.status])).toEqual([
      ['1号梯', '3号楼', 1, REG_CODE, 'passenger', 18, 175, '2015-06-01', '江城电梯工程有限公司', '2027-05-31', 'in_service'],
      ['2号梯', '3号楼', 2, code('0124'), 'passenger', 18, 175, '2016-01-08', '江城电梯工程有限公司', null, 'in_service'],
      ['4号梯', '3号楼', 2, `4${code('0127').slice(1)}`, 'freight', 18, null, null, null, null, 'stopped'],
    ]);
    expect(list[0]).toMatchObject({ deviceCode: 'SB2015001', useCertNo: '梯11鄂A00001(15)', make: '通力电梯有限公司', model: 'KONE 3000' });

    // The same file again: every row is found by its 注册代码 and nothing is written.
    const again = await importFile(t, 'elevator.elevators', elevatorsWorkbook(), { options: { excludeRows: [8, 9], duplicates: 'update' } });
    expect(again.report.summary).toMatchObject({ create: 0, update: 0, skip: 3 });
    await expect(again.commit()).rejects.toThrow(/没有需要导入的行/);
    expect((await t.call('elevator.listElevators', {})).total).toBe(3);
  });

  it('creates a missing building when asked, and updates a registered elevator in the file\'s columns only', async () => {
    const t = await elevatorFixture();
    const wb = messy('电梯台账', [['小区名称', '楼栋', '梯号', '注册代码', '电梯类型']], [], [
      /* 4 */ ['阳光小区', '5号楼', '1号梯', code('0200'), '客梯'],
    ]);
    const { report, commit } = await importFile(t, 'elevator.elevators', wb, { options: { createMissing: true } });
    expect(report.extras).toEqual(['新建楼栋“5号楼”（阳光小区）']);
    expect(await commit()).toMatchObject({ created: 1 });
    expect((await t.call('elevator.listElevators', {})).rows.map((e) => e.buildingName)).toEqual(['5号楼']);

    // The fixture's elevator, registered by hand, gets the file's type; its rescue number and price are kept.
    const byHand = await t.elevator();
    const update = messy('电梯台账', [['小区名称', '楼栋', '注册代码', '电梯类型']], [], [['阳光小区', '3号楼', REG_CODE, '货梯']]);
    const u = await importFile(t, 'elevator.elevators', update, { options: { duplicates: 'update' } });
    expect(u.report.summary).toMatchObject({ update: 1 });
    await u.commit();
    expect(await t.call('elevator.getElevator', { id: byHand.id })).toMatchObject({ type: 'freight', rescuePhone: '027-96333', contractPrice: 35000, carLabel: '1号梯' });
    const audit = await t.call('system.listAudit', { entity: 'elevator' });
    expect(audit.rows.filter((e) => e.action === 'import_update').map((e) => e.entityId)).toEqual([byHand.id]);
  });
});

/**
 * 维保记录: 安全管理员签认 merged across its name and date, a hidden column of phones, the two workers in one cell,
 * an elevator named by its place with the estate written 阳光, a code not on file, a periodic inspection without
 * its conclusion, the first row repeated.
 */
function maintenanceWorkbook(): ExcelJS.Workbook {
  const top = ['序号', '注册代码', '小区名称', '楼栋', '梯号', '维保日期', '维保类别', '维保单位', '维保人员', '联系电话', '发现的问题', '安全管理员签认', ''];
  const low = ['', '', '', '', '', '', '', '', '', '', '', '安全管理员', '签认日期'];
  const merges = ['L3:M3', ...'ABCDEFGHIJK'.split('').map((c) => `${c}3:${c}4`)];
  const co = '江城电梯工程有限公司';
  return messy('阳光小区电梯维护保养记录汇总表', [top, low], merges, [
    /* 5 */ [1, REG_CODE, '', '', '', '2026-11-15', '半月', co, '李师傅、赵师傅', '13812345678', '无', '陈安全', '2026-11-16'],
    /* 6 */ null,
    /* 7 */ [2, '', '阳光', '3号楼', '1号梯', '2026.11.01', '季度', co, '李师傅 赵师傅', '', '更换门滑块', '', ''],
    /* 8 */ [3, code('9999'), '', '', '', '2026-11-20', '半月', co, '李师傅', '', '', '', ''],
    /* 9 */ [4, REG_CODE, '', '', '', '2026-10-20', '年检', '市特种设备检验研究院', '王检验员', '', '', '', ''],
    /* 10 */ [5, toFullWidth(REG_CODE), '', '', '', '2026-11-15', '半月维保', co, '李师傅、赵师傅', '', '', '陈安全', '2026-11-16'],
  ], 9);
}

describe('importing 电梯维保记录', () => {
  it('finds each record\'s elevator by code or place, reports the bad rows by number, and imports the rest once', async () => {
    const t = await elevatorFixture();
    const elevator = await t.elevator();
    const { a, report, commit } = await importFile(t, 'elevator.maintenance', maintenanceWorkbook());
    expect(a.mapping).toMatchObject({ regCode: 1, estate: 2, building: 3, carLabel: 4, doneOn: 5, kind: 6, company: 7, worker1: 8, findings: 10, signedBy: 11, signedOn: 12 });
    expect(a.columns[9]).toMatchObject({ header: '联系电话', hidden: true });
    expect(problemsOf(report)).toEqual([
      [8, [
        { field: 'worker2', message: '例行维保应有两名维保人员在场，请填写第二名' },
        { field: 'regCode', message: `注册代码 ${code('9999')} 不在电梯档案中：请先导入电梯台账或登记这部电梯` },
      ]],
      [9, [{ field: 'result', message: '请选择检验结论' }]],
    ]);
    expect(report.rows.find((r) => r.row === 10)).toMatchObject({ status: 'duplicate' });
    expect(report.questions.map((q) => [q.value, q.reading])).toEqual([['阳光', t.estate.id]]);
    await expect(commit()).rejects.toThrow(/行有错误/);
    expect((await t.call('elevator.listMaintenance', { elevatorId: elevator.id })).total).toBe(0);

    const bad = [8, 9, 10];
    const done = await importFile(t, 'elevator.maintenance', maintenanceWorkbook(), { options: { excludeRows: bad } });
    expect(await done.commit()).toMatchObject({ created: 2 });
    const records = (await t.call('elevator.listMaintenance', { elevatorId: elevator.id })).rows;
    expect(records.map((m) => [m.doneOn, m.kind, m.worker1, m.worker2, m.findings, m.signedBy, m.signedOn])).toEqual([
      ['2026-11-15', 'half_monthly', '李师傅', '赵师傅', '无', '陈安全', '2026-11-16'],
      ['2026-11-01', 'quarterly', '李师傅', '赵师傅', '更换门滑块', null, null],
    ]);

    // The same file again: the records are found (elevator, day, level) and left as they are.
    const again = await importFile(t, 'elevator.maintenance', maintenanceWorkbook(), { options: { excludeRows: bad, duplicates: 'update' } });
    expect(again.report.summary).toMatchObject({ create: 0 });
    expect((await t.call('elevator.listMaintenance', { elevatorId: elevator.id })).total).toBe(2);
  });

  it('moves the next inspection date with a periodic inspection, as the form does', async () => {
    const t = await elevatorFixture();
    const elevator = await t.elevator({ nextInspectionOn: '2026-12-20' });
    const wb = messy('定期检验记录', [['注册代码', '检验日期', '类别', '检验结论', '下次检验日期', '检验机构', '维保人员']], [], [
      /* 4 */ [REG_CODE, '2026-11-25', '年检', '合格', '2027-11', '市特种设备检验研究院', '王检验员'],
    ]);
    const { report, commit } = await importFile(t, 'elevator.maintenance', wb);
    expect(report.rows[0]!.warnings.map((w) => w.field)).toEqual(['nextInspectionOn']); // 2027-11: the 1st, marked
    await commit();
    expect(await t.call('elevator.getElevator', { id: elevator.id })).toMatchObject({ nextInspectionOn: '2027-11-01' });
  });
});
