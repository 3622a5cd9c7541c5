import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasPoppler, pdfText } from './pdf-text';
import { communityWithPlaces, type Rec } from './submission-places-fixture';

type Row = Record<string, unknown>;

/** A workbook's sheets as header-keyed rows (row 4 is the header), with each sheet's title cell. */
async function sheets(base64: string): Promise<Map<string, { title: unknown; rows: Row[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out = new Map<string, { title: unknown; rows: Row[] }>();
  for (const ws of wb.worksheets) {
    const header = (ws.getRow(4).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(5 + i).values as unknown[]).map((v) =>
      Object.fromEntries(header.map((h, k) => [h, v[k + 1] ?? null])),
    );
    out.set(ws.name, { title: ws.getCell('A1').value, rows });
  }
  return out;
}

const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

describe('red property, elevators and the fund in the registers export', () => {
  it('each register is a sheet of the monthly workbook in the office layout, amounts in yuan from fen', async () => {
    const t = await communityWithPlaces();
    const out = await t.call('submission.buildMonthly', { level: 'community', period: t.month, modules: ['property', 'fund', 'elevator'], outputs: ['workbook'] });
    const wb = await sheets(out.workbook!.contentBase64);
    expect([...wb.keys()]).toEqual([
      '汇总', '小区（院落）基本情况台账', '物业企业台账', '业委会（物管会）台账', '三方联席会议台账', '三方联席会议决议事项台账', '物业服务质量考评结果及红黑榜', '物业费收缴及满意度台账',
      '电梯维保基金账户收支汇总', '电梯维保基金收支明细', '维修资金使用申请台账', '电梯台账', '电梯维保记录', '电梯故障及困人台账',
    ]);

    const estates = wb.get('小区（院落）基本情况台账')!;
    expect(estates.title).toBe('西里社区小区（院落）基本情况台账');
    expect(estates.rows[0]).toMatchObject({ 序号: 1, '小区（院落）名称': '阳光小区', 管理类型: '物业服务企业', '建筑面积（㎡）': '45,678.90', 物业服务企业: '阳光物业服务有限公司' });
    expect(day(estates.rows[0]!['合同起始'])).toBe('2024-01-01');
    expect(estates.rows[1]).toMatchObject({ 序号: '合计', '小区（院落）名称': '共 1 个' });

    const companies = wb.get('物业企业台账')!;
    expect(companies.rows[0]).toMatchObject({ 企业名称: '阳光物业服务有限公司', 统一社会信用代码: '91350100M000100Y43', 联系电话: '139****5678', 党组织组建方式: '区域联建', 服务小区数: 1, 服务小区: '阳光小区' });

    const committees = wb.get('业委会（物管会）台账')!;
    expect(committees.rows[0]).toMatchObject({ 小区: '阳光小区', 届次: 1, 成员人数: 5, 党员人数: 2, 党员占比: 0.4, 交叉任职: 1, 主任: '张三', 任期状态: '任期内' });
    expect(committees.rows[0]!['成员名单']).toBe('张三（主任，党员）、业主甲（副主任，党员，交叉任职）、业主乙（委员）、业主丙（委员）、业主丁（委员）');
    expect(committees.rows[1]).toMatchObject({ 序号: '合计', 成员人数: 5, 党员人数: 2, 党员占比: 0.4 });

    const meetings = wb.get('三方联席会议台账')!;
    expect(meetings.rows[0]).toMatchObject({ 小区: '阳光小区', 参会方: '社区党组织、物业服务企业', 参会人数: 2, 议题: '3号楼楼道堆物；电梯维保资金使用', 议定事项: 2, 已办结: 1, 未办结: 1 });
    expect(day(meetings.rows[0]!['会议日期'])).toBe(`${t.month}-01`);

    // 60 + 40 from the street, 60 + 20 from the committee: weighted as the settings say; published as it stood.
    const assessments = wb.get('物业服务质量考评结果及红黑榜')!;
    const scored = t.list.entries[0]!;
    expect(assessments.rows[0]).toMatchObject({ 考评期间: `${t.year}年度`, 小区: '阳光小区', 物业服务企业: '阳光物业服务有限公司', 综合得分: scored.scoreTenths / 10, 名次: 1, 红黑榜: scored.standing === 'red' ? '红榜' : scored.standing === 'black' ? '黑榜' : '—', 榜单版次: '首次公布' });

    const accounts = wb.get('电梯维保基金账户收支汇总')!;
    expect(accounts.rows[0]).toMatchObject({ 小区: '阳光小区', '期初余额（元）': 10_000, '本期收入（元）': 12_345.67, '本期支出（元）': 1_000.5, '期末余额（元）': 21_345.17 });
    expect(accounts.rows[0]!['校验码（最新笔数·前16位）']).toMatch(/^第 2 笔 · [0-9a-f]{16}$/);

    const journal = wb.get('电梯维保基金收支明细')!;
    const journalLine = (r: Rec) => [r['序号'] === '合计' ? '合计' : r['笔数'], r['类别'], r['涉及电梯'], r['收入（元）'], r['支出（元）'], r['余额（元）'], r['物业方签字'], r['业委会签字']];
    expect(journal.rows.map(journalLine)).toEqual([
      [1, '收入·物业费提取', null, 12_345.67, null, 22_345.67, null, null],
      [2, '支出·日常维保', '3号楼1单元1号梯', null, 1_000.5, 21_345.17, '刘经理', '陈主任'],
      ['合计', null, null, 12_345.67, 1_000.5, null, null, null],
    ]);

    // An application is a case that runs for months: listed with its vote so far; areas from hundredths of a m².
    const applications = wb.get('维修资金使用申请台账')!;
    expect(applications.title).toBe('西里社区维修资金使用申请台账');
    expect(applications.rows[0]).toMatchObject({
      小区: '阳光小区', 申请事项: '3号楼电梯大修', 工程内容: '更换曳引机', '预算（元）': 150_000, 表决规则: '使用维修资金（双过半）', 业主户数: 300,
      '总面积（㎡）': '30,000.00', 同意户数: null, '已付（元）': 0, 状态: '拟定方案',
    });
    expect(applications.rows[1]).toMatchObject({ 序号: '合计', 申请事项: '共 1 项', '预算（元）': 150_000, 业主户数: 300 });

    const elevators = wb.get('电梯台账')!;
    expect(elevators.rows[0]).toMatchObject({ 小区: '阳光小区', 安装位置: '3号楼1单元1号梯', 注册代码: '31104201022015060123', '速度（m/s）': '1.75', '维保费（元/月）': 350, 状态: '在用' });
    expect(day(elevators.rows[0]!['最近维保日期'])).toBe(`${t.month}-01`);
    expect(day(elevators.rows[0]!['下次检验日期'])).toBe(`${Number(t.year) + 1}-03-15`);

    const maintenance = wb.get('电梯维保记录')!;
    expect(maintenance.rows[0]).toMatchObject({ 类别: '半月维保', 维保人员: '李师傅、赵师傅', 安全管理员签字: '陈安全' });

    const faults = wb.get('电梯故障及困人台账')!;
    expect(faults.rows[0]).toMatchObject({ 报警时间: `${t.month}-01 00:10`, 原因: '门系统故障', '响应时间（分钟）': 22, 被困人数: 2 });
    expect(faults.rows[1]).toMatchObject({ 序号: '合计', 报警时间: '共 1 次', 被困人数: 2 });
  });

  it("puts each module's figures on the 汇总 sheet, fund money as ¥ with two decimals from fen, and in the PDF", async () => {
    const t = await communityWithPlaces();
    const out = await t.call('submission.buildMonthly', { level: 'community', period: t.month, modules: ['property', 'fund', 'elevator'], outputs: ['workbook', 'pdf'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.workbook!.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总')!;
    const header = (ws.getRow(4).values as unknown[]).slice(1) as string[];
    const row = Object.fromEntries(header.map((h, k) => [h, ws.getRow(5).getCell(k + 1)]));
    const values = Object.fromEntries(header.map((h) => [h, row[h]!.value]));
    // The overdue resolution was due on the 1st: overdue from the 2nd on, so only while today is past it.
    const overdue = (await t.call('property.listOverdueResolutions', {})).total;
    expect(values).toMatchObject({
      社区: '西里社区', '小区（院落）': 1, 物业企业管理小区: 1, 已组建业委会: 1, 本月三方联席会议: 1, 逾期未办结事项: overdue,
      维保基金账户: 1, 基金本月收入: 12_345.67, 基金本月支出: 1_000.5, 基金月末余额: 21_345.17,
      在用电梯: 1, '本月维保（已签字）': 1, 维保逾期电梯: 0, 定期检验过期: 0, 本年困人次数: 1,
    });
    for (const money of ['基金本月收入', '基金本月支出', '基金月末余额']) expect(row[money]!.numFmt, money).toContain('¥');
    expect(row['在用电梯']!.numFmt ?? '0').not.toContain('¥');
    if (!hasPoppler) return console.warn('没有 pdftotext：上报汇总表 PDF 中的金额未核对');
    const text = pdfText(out.pdf!.contentBase64);
    expect(text).toContain('¥21,345.17');
    expect(text).toContain('¥12,345.67');
    // A table per module: thirty-odd figures side by side would not fit the page.
    for (const title of ['红色物业', '电梯维保基金', '电梯档案']) expect(text).toMatch(new RegExp(`^\\s*${title}\\s*$`, 'm'));
  });

  it('物业企业台账 carries each company\'s yellow and red cards: its standing at the period\'s end and every card, a withdrawn one marked', async () => {
    const t = await communityWithPlaces();
    const rectification = (reason: string) => t.call('property.issueYellowCard', {
      basis: 'rectification', companyId: t.company.id, dueOn: `${Number(t.year) - 1}-12-31`, issuedOn: `${t.month}-01`, reason,
    });
    await rectification('消防通道堆物未按期清理');
    const wrong = (await rectification('误登记的整改事项')).cards.find((c) => c.reason === '误登记的整改事项')!;
    await t.call('property.withdrawCard', { id: wrong.id, reason: '登记错误' });
    const out = await t.call('submission.buildMonthly', { level: 'community', period: t.month, modules: ['property'], outputs: ['workbook'] });
    const companies = (await sheets(out.workbook!.contentBase64)).get('物业企业台账')!;
    expect(companies.rows[0]).toMatchObject({ 企业名称: '阳光物业服务有限公司', 黄红牌情况: '黄牌（有效黄牌 1 张）' });
    expect(String(companies.rows[0]!['黄红牌记录']).split('\n')).toEqual([
      `${t.month}-01 黄牌（整改逾期：消防通道堆物未按期清理）`,
      `${t.month}-01 黄牌（整改逾期：误登记的整改事项），已撤销：登记错误`,
    ]);
  });

  it('三方联席会议决议事项台账 lists one resolution per row: deadline and its extensions, status, done-on, 公示 and rating', async () => {
    const t = await communityWithPlaces();
    const [owed, done] = t.meeting.resolutions as [(typeof t.meeting.resolutions)[0], (typeof t.meeting.resolutions)[0]];
    const nextYear = Number(t.year) + 1;
    await t.call('property.extendResolution', { id: owed.id, newDueOn: `${nextYear}-02-28`, reason: '等待业主配合' });
    const today = (await t.call('property.getResolution', { id: done.id })).resolution.doneOn!;
    await t.call('property.noticeResolution', { id: done.id, noticedOn: today });
    await t.call('property.rateResolution', { id: done.id, rating: 'satisfied' });

    const read = async (base64: string) => (await sheets(base64)).get('三方联席会议决议事项台账')!;
    const monthly = await t.call('submission.buildMonthly', { level: 'community', period: t.month, modules: ['property'], outputs: ['workbook'] });
    const alone = await t.call('submission.exportRegister', { register: 'property.resolutions', level: 'community', period: t.month });
    for (const sheet of [await read(monthly.workbook!.contentBase64), await read(alone.file.contentBase64)]) {
      expect(sheet.title).toBe('西里社区三方联席会议决议事项台账');
      const rows = sheet.rows.map((r) => ({ ...r, 会议日期: day(r['会议日期']), 完成时限: day(r['完成时限']), 办结日期: day(r['办结日期']), 公示日期: day(r['公示日期']) }));
      expect(rows[0]).toMatchObject({
        序号: 1, 会议日期: `${t.month}-01`, 小区: '阳光小区', 决议事项: '清理3号楼楼道堆物', 责任方: '物业服务企业', 责任人: '刘经理',
        完成时限: `${nextYear}-02-28`, 延期: `1 次（原定 ${t.month}-01）`, 办理状态: '待办理', 办结日期: null, 公示日期: null, 群众评价: null,
      });
      expect(rows[1]).toMatchObject({
        序号: 2, 决议事项: '公示电梯维保资金使用方案', 责任方: '业委会', 延期: null, 办理状态: '已办结', 办结日期: today, 公示日期: today, 群众评价: '满意',
      });
      expect(rows[2]).toMatchObject({ 序号: '合计', 决议事项: '共 2 项' });
    }
  });

  it('物业费收缴及满意度台账 and the figures rate the quarter from sums: 90% of ¥100 and 50% of ¥10,000 is 50.4%, not 70%', async () => {
    const t = await communityWithPlaces();
    const community = (await t.call('party.listPlaces', {})).find((p) => p.kind === 'community')!;
    const pearl = await t.call('party.createPlace', { kind: 'estate', parentId: community.id, name: '明珠花园', households: 1200 });
    await t.call('property.createEstate', { placeId: pearl.id, management: 'company' });
    const quarter = `${t.year}-Q${Math.floor((Number(t.month.slice(5)) - 1) / 3) + 1}`;
    await t.call('property.saveFees', {
      period: quarter,
      rows: [
        { estateId: t.estate.placeId, receivableFen: '100.00', unpaidFen: '10.00' },
        { estateId: pearl.id, receivableFen: '10,000', unpaidFen: '5,000', arrearsCollectedFen: '¥1,200.50' },
      ],
    });
    const survey = (estateId: string, over: Record<string, unknown>) => ({ estateId, households: 420, sampleSize: 100, reached: 80, satisfied: 50, mostlySatisfied: 22, unsatisfied: 8, ...over });
    await t.call('property.saveSurveys', {
      period: quarter,
      rows: [survey(t.estate.placeId, {}), survey(pearl.id, { households: 1200, sampleSize: 300, reached: 300, satisfied: 150, mostlySatisfied: 60, unsatisfied: 90 })],
    });
    const out = await t.call('submission.buildMonthly', { level: 'community', period: t.month, modules: ['property'], outputs: ['workbook'] });
    const wb = await sheets(out.workbook!.contentBase64);
    const register = wb.get('物业费收缴及满意度台账')!;
    expect(register.rows.map((r) => [r['小区'], r['应收（元）'], r['实收（元）'], r['收缴率'], r['满意度']])).toEqual([
      ['明珠花园', 10_000, 5_000, 0.5, 0.7],
      ['阳光小区', 100, 90, 0.9, 0.9],
      ['共 2 个', 10_100, 5_090, 509_000 / 1_010_000, 282 / 380],
    ]);
    expect(register.rows[0]!['清欠（元）']).toBe(1_200.5);
    const summary = wb.get('汇总')!.rows[0]!;
    expect(summary).toMatchObject({ 本季物业费应收: 10_100, 本季物业费实收: 5_090, 满意度有效问卷: 380, 满意及基本满意: 282 });
    expect((summary['收缴率'] as number).toFixed(3)).toBe('0.504');
    expect((summary['满意度'] as number).toFixed(3)).toBe('0.742');
  });
});
