import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { communityInstall, DISTRICT, districtInstall, ownPackageOf, streetInstall, thisMonth } from './submission-fixture';
import { volunteerFixture } from './volunteer-fixture';
import { today } from './helpers';

type Call = Awaited<ReturnType<typeof volunteerFixture>>['call'];

async function sheetRows(ws: ExcelJS.Worksheet) {
  const header = (ws.getRow(4).values as unknown[]).slice(1) as string[];
  const rows = Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(5 + i).values as unknown[]).map((v) =>
    Object.fromEntries(header.map((h, k) => [h, v[k + 1] ?? null])),
  );
  return { header, rows };
}

async function exported(call: Call, register: string, unmasked = false) {
  const out = await call('submission.exportRegister', { register, level: 'street', period: thisMonth(), unmasked, reason: unmasked ? '区民政局核对志愿者信息' : null });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  return { out, ws, ...(await sheetRows(ws)) };
}

/** A resident and a member volunteering this month: 2.5 + 1.5 hours credited by the rule, 3 points awarded. */
async function withService() {
  const t = await volunteerFixture();
  const zhao = await t.resident('赵敏');
  const { volunteer: zhang } = await t.memberVolunteer('张三');
  const a = await t.activity(today(), { [zhao.id]: 2.5, [zhang.id]: 1.5 });
  await t.call('volunteer.applyActivity', { activityId: a.id });
  await t.award(zhao.id, 3, today());
  return { ...t, zhao, zhang };
}

describe('volunteer registers as spreadsheets', () => {
  it('志愿者花名册: title, header, ID and phone masked unless asked, 共 N 人', async () => {
    const t = await withService();
    const { ws, header, rows } = await exported(t.call, 'volunteer.people');
    expect(ws.getCell('A1').value).toBe('西里街道志愿者花名册');
    expect(header).toEqual(['序号', '所属社区', '姓名', '性别', '志愿者类别', '身份证号', '联系电话', '所在组织', '服务岗位', '服务队', '特长', '注册日期']);
    const zhao = rows.find((r) => r['姓名'] === '赵敏')!;
    expect(zhao).toMatchObject({ 所属社区: '西里社区', 志愿者类别: '群众志愿者', 联系电话: '139****5678', 所在组织: '西里社区党委' });
    expect(zhao['身份证号']).toMatch(/^130104\*{8}\d{3}[\dX]$/);
    expect(rows.find((r) => r['姓名'] === '张三')).toMatchObject({ 志愿者类别: '党员志愿者', 联系电话: '138****8000' });
    expect(rows.at(-1)).toMatchObject({ 序号: '合计', 姓名: '共 2 人' });
    const full = await exported(t.call, 'volunteer.people', true);
    expect(full.rows.find((r) => r['姓名'] === '赵敏')!['联系电话']).toBe('13912345678');
  });

  it('志愿活动及服务时长: the month\'s activities, hours as decimals, summed', async () => {
    const t = await withService();
    const { ws, header, rows } = await exported(t.call, 'volunteer.activities');
    expect(ws.getCell('A1').value).toBe('西里街道志愿活动及服务时长');
    expect(header).toEqual(['序号', '所属社区', '日期', '活动名称', '组织单位', '服务岗位', '地点', '参与人数', '服务时长（小时）']);
    expect(rows[0]).toMatchObject({ 序号: 1, 活动名称: '清理楼道堆物', 组织单位: '阳光小区党支部', 地点: '3号楼', 参与人数: 2, '服务时长（小时）': 4 });
    expect(rows[1]).toMatchObject({ 序号: '合计', 活动名称: '共 1 次', 参与人数: 2, '服务时长（小时）': 4 });
  });

  it('积分台账: a row whose 事由 wraps is written tall enough to print inside itself; one-line rows keep the default', async () => {
    const t = await withService();
    const long = '参加社区“邻里守望”结对帮扶活动，为独居老人代购生活用品并陪同就医，累计三次，经居委会核实后计入贡献分';
    await t.call('volunteer.addEntry', { person: { volunteerId: t.zhao.id }, onDate: today(), category: 'contribution', amount: 20, reason: long, sourceKind: 'manual' });
    const { ws, header, rows } = await exported(t.call, 'volunteer.entries');
    const at = (reason: string) => ws.getRow(5 + rows.findIndex((r) => r['事由'] === reason));
    const width = ws.getColumn(header.indexOf('事由') + 1).width!;
    // 50 Chinese characters are 100 width units: at least 100 / width lines of 16 points.
    expect(at(long).height).toBeGreaterThanOrEqual(Math.ceil(100 / width) * 16);
    expect(at('捐赠图书').height ?? 15).toBe(15);
  });

  it('积分台账 and 积分排行: entries of the month and the year\'s ranking, points and hours as decimals', async () => {
    const t = await withService();
    const ledger = await exported(t.call, 'volunteer.entries');
    expect(ledger.ws.getCell('A1').value).toBe('西里街道积分台账');
    expect(ledger.header).toEqual(['序号', '所属社区', '日期', '姓名', '所在组织', '类别', '事由', '积分', '服务时长（小时）']);
    const total = ledger.rows.at(-1)!;
    expect(total).toMatchObject({ 序号: '合计', 姓名: `共 ${ledger.rows.length - 1} 笔`, '服务时长（小时）': 4 });
    const points = ledger.rows.slice(0, -1).reduce((n, r) => n + Number(r['积分']), 0);
    expect(total['积分']).toBeCloseTo(points, 5);
    expect(ledger.rows.find((r) => r['类别'] === '贡献分')).toMatchObject({ 姓名: '赵敏', 积分: 3, 事由: '捐赠图书' });
    expect(ledger.rows.some((r) => r['服务时长（小时）'] === 2.5)).toBe(true);

    const ranking = await exported(t.call, 'volunteer.ranking');
    expect(ranking.ws.getCell('A1').value).toBe('西里街道积分排行');
    expect(ranking.rows[0]).toMatchObject({ 名次: 1, 姓名: '赵敏', '服务时长（小时）': 2.5 });
    expect(ranking.rows[1]).toMatchObject({ 名次: 2, 姓名: '张三', '服务时长（小时）': 1.5 });
    expect(ranking.rows[2]).toMatchObject({ 序号: '合计', 姓名: '共 2 人', '服务时长（小时）': 4 });
  });
});

describe('the volunteer module in the monthly submission', () => {
  it('adds its sheets, summary figures and package tables', async () => {
    const t = await withService();
    const registers = await t.call('submission.listRegisters', {});
    expect(registers.filter((r) => r.module === 'volunteer').map((r) => r.title)).toEqual(['志愿者花名册', '志愿活动及服务时长', '积分台账', '积分排行', '积分排行（分社区）']);
    const out = await t.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party', 'volunteer'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.workbook!.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['汇总', '党员花名册', '志愿者花名册', '志愿活动及服务时长', '积分台账', '积分排行']));
    const summary = await sheetRows(wb.getWorksheet('汇总')!);
    expect(summary.header).toEqual(expect.arrayContaining(['在册志愿者', '本月志愿活动', '本月服务时长']));
    expect(summary.rows.find((r) => r['在册志愿者'] === 2)).toMatchObject({ 本月志愿活动: 1, 本月服务时长: 4 });

    const files = unzipSync(Buffer.from(out.package!.contentBase64, 'base64'));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.modules).toEqual(['party', 'volunteer']);
    const tables = Object.fromEntries((manifest.tables as { name: string; rows: number }[]).map((x) => [x.name, x.rows]));
    expect(tables).toMatchObject({ 'volunteer.people': 2, 'volunteer.activities': 1 });
    expect(tables['volunteer.entries']).toBeGreaterThanOrEqual(3);
  });

  it('gives the same hours in 汇总 as on the activity sheet, also after a credit was reversed', async () => {
    const t = await withService();
    const b = await t.activity(today(), { [t.zhao.id]: 1.5 }, '陪老人理发');
    await t.call('volunteer.applyActivity', { activityId: b.id });
    await t.call('volunteer.reverseActivity', { activityId: b.id, reason: '重复登记' });
    const out = await t.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['volunteer'], outputs: ['workbook'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.workbook!.contentBase64, 'base64') as unknown as ArrayBuffer);
    const activities = await sheetRows(wb.getWorksheet('志愿活动及服务时长')!);
    const total = activities.rows.at(-1)!['服务时长（小时）'];
    expect(total).toBe(5.5);
    const summary = await sheetRows(wb.getWorksheet('汇总')!);
    expect(summary.rows.find((r) => r['在册志愿者'] === 2)).toMatchObject({ 本月志愿活动: 2, 本月服务时长: total });
  });

  it('a community\'s volunteer package is consolidated at the street and rebuilds its registers there', async () => {
    const community = await communityInstall();
    await community.call('volunteer.createResident', { name: '赵敏', phone: '13912345678', orgId: community.root.id, registeredOn: today() });
    const out = await community.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['volunteer'], outputs: ['package'] });
    const pkg = { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 };
    const street = await streetInstall();
    const first = await street.call('submission.importPackage', pkg);
    expect(first.counts).toMatchObject({ new: 1, conflicts: 0 });
    expect((await street.call('submission.importPackage', pkg)).counts).toMatchObject({ new: 0, unchanged: 1 });

    const again = await exported(street.call, 'volunteer.people');
    expect(again.rows[0]).toMatchObject({ 所属社区: '西里社区', 姓名: '赵敏', 联系电话: '139****5678' });
  });

  it('a street ranks every consolidated person in one ranking, and each community separately in its own view', async () => {
    const street = await streetInstall();
    const points = [['西里社区', '130104001001', [['赵敏', 3], ['钱多', 1]]], ['东里社区', '130104001002', [['孙丽', 5]]]] as const;
    for (const [name, code, people] of points) {
      const c = await communityInstall({ name, code });
      for (const [who, n] of people) {
        const v = await c.call('volunteer.createResident', { name: who, phone: '13912345678', orgId: c.root.id, registeredOn: today() });
        await c.call('volunteer.addEntry', { person: { volunteerId: v.id }, onDate: today(), category: 'contribution', amount: n * 10, reason: '捐赠图书', sourceKind: 'manual' });
      }
      const out = await c.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['volunteer'], outputs: ['package'] });
      await street.call('submission.importPackage', { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 });
    }
    const out = await street.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['volunteer'], outputs: ['workbook'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.workbook!.contentBase64, 'base64') as unknown as ArrayBuffer);
    const pick = (rows: Record<string, unknown>[]) => rows.slice(0, -1).map((r) => [r['名次'], r['姓名'], r['所属社区'], r['获得积分']]);
    const one = await sheetRows(wb.getWorksheet('积分排行')!);
    expect(pick(one.rows)).toEqual([[1, '孙丽', '东里社区', 5], [2, '赵敏', '西里社区', 3], [3, '钱多', '西里社区', 1]]);
    expect(one.rows.at(-1)).toMatchObject({ 姓名: '共 3 人', 获得积分: 9 });
    const each = await sheetRows(wb.getWorksheet('积分排行（分社区）')!);
    expect(pick(each.rows)).toEqual([[1, '孙丽', '东里社区', 5], [1, '赵敏', '西里社区', 3], [2, '钱多', '西里社区', 1]]);
    // A community's own workbook has no per-community view: its ranking is already its own.
    const community = await communityInstall();
    const own = await community.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['volunteer'], outputs: ['workbook'] });
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(Buffer.from(own.workbook!.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(ownBook.worksheets.map((w) => w.name)).toEqual(['汇总', '志愿者花名册', '志愿活动及服务时长', '积分台账', '积分排行']);
  });

  it('a district ranks same-named communities of different streets apart, each beside its 所属街道', async () => {
    const district = await districtInstall();
    const streets = [['西里街道', '130104001', [['赵敏', 3], ['钱多', 1]]], ['南里街道', '130104002', [['孙丽', 5]]]] as const;
    for (const [streetName, streetCode, people] of streets) {
      const parent = { name: streetName, code: streetCode };
      const street = await streetInstall(undefined, { ...parent, parent: DISTRICT });
      const c = await communityInstall({ name: '幸福社区', code: `${streetCode}001`, parent });
      for (const [who, n] of people) {
        const v = await c.call('volunteer.createResident', { name: who, phone: '13912345678', orgId: c.root.id, registeredOn: today() });
        await c.call('volunteer.addEntry', { person: { volunteerId: v.id }, onDate: today(), category: 'contribution', amount: n * 10, reason: '捐赠图书', sourceKind: 'manual' });
      }
      const out = await c.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['volunteer'], outputs: ['package'] });
      await street.call('submission.importPackage', { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 });
      await district.call('submission.importPackage', await ownPackageOf(street, 'street', thisMonth(), ['volunteer']));
    }
    const out = await district.call('submission.buildMonthly', { level: 'district', period: thisMonth(), modules: ['volunteer'], outputs: ['workbook'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.workbook!.contentBase64, 'base64') as unknown as ArrayBuffer);
    const each = await sheetRows(wb.getWorksheet('积分排行（分社区）')!);
    expect(each.header.slice(1, 4)).toEqual(['所属街道', '所属社区', '名次']);
    // Two 幸福社区, two first places: one per street, the streets in name order.
    expect(each.rows.slice(0, -1).map((r) => [r['所属街道'], r['所属社区'], r['名次'], r['姓名'], r['获得积分']])).toEqual([
      ['南里街道', '幸福社区', 1, '孙丽', 5], ['西里街道', '幸福社区', 1, '赵敏', 3], ['西里街道', '幸福社区', 2, '钱多', 1],
    ]);
  });
});
