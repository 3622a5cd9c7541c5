import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { monthPeriod } from '../../main/export/period';
import { communityInstall, packageOf, streetInstall, thisMonth } from './submission-fixture';
import { today } from './helpers';

type Call = Awaited<ReturnType<typeof communityInstall>>['call'];

async function exported(call: Call, register: string, extra: { unmasked?: boolean; level?: 'street' | 'community' } = {}) {
  const out = await call('submission.exportRegister', { register, level: extra.level ?? 'community', period: thisMonth(), unmasked: extra.unmasked, reason: extra.unmasked ? '区委组织部核对党员信息' : null });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(4).values as unknown[]).slice(1) as string[];
  const rows = Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(5 + i).values as unknown[]).map((v) =>
    Object.fromEntries(header.map((h, k) => [h, v[k + 1] ?? null])),
  );
  return { out, ws, header, rows, wb };
}

describe('party registers as spreadsheets', () => {
  it('党员花名册: title merged, unit, period, preparer, frozen header, A4 landscape, masked IDs, a 合计 row', async () => {
    const t = await communityInstall();
    const { out, ws, header, rows } = await exported(t.call, 'party.members');
    expect(out.file.fileName).toBe(`西里社区_党员花名册_${thisMonth()}.xlsx`);
    expect(ws.name).toBe('党员花名册');
    expect(ws.getCell('A1').value).toBe('西里社区党员花名册');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.model.merges).toEqual(expect.arrayContaining([`A1:${ws.getColumn(header.length).letter}1`]));
    expect(ws.getCell('A2').value).toBe(`填报单位（盖章）：西里社区　　统计期间：${monthPeriod(thisMonth()).label}（在册党员截至 ${monthPeriod(thisMonth()).to}）`);
    expect(ws.getCell('A3').value).toBe(`填报人：李娜　　审核人：${'　'.repeat(6)}　　联系电话：${'　'.repeat(6)}　　填报日期：${today()}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:4' });
    expect(ws.getColumn(header.indexOf('身份证号') + 1).width).toBeGreaterThanOrEqual(20);

    // One community: no 所属社区 column.
    expect(header).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '联系电话', '学历', '入党日期', '转正日期', '党员类别', '人员类别', '工作单位', '所在党组织', '党内职务', '党员中心户', '住址']);
    const [zhang, li, wang, total] = [rows.find((r) => r['姓名'] === '张三')!, rows.find((r) => r['姓名'] === '李四')!, rows.find((r) => r['姓名'] === '王五')!, rows.at(-1)!];
    expect(zhang).toMatchObject({ 性别: '男', 党员类别: '正式党员', 人员类别: '社区党员', 所在党组织: '阳光小区党支部', 党内职务: '书记', 联系电话: '138****8000' });
    expect(zhang['身份证号']).toMatch(/^130104\*{8}\d{3}[\dX]$/);
    expect(zhang['入党日期']).toEqual(new Date(Date.UTC(1995, 6, 1)));
    expect(ws.getCell(5, header.indexOf('入党日期') + 1).numFmt).toBe('yyyy-mm-dd');
    expect(li).toMatchObject({ 党员类别: '预备党员', 性别: '女' });
    expect(wang).toMatchObject({ 人员类别: '在职党员', 工作单位: '区人民医院', 所在党组织: '3号楼党小组' });
    expect(total).toMatchObject({ 序号: '合计', 姓名: '共 3 人' });
    expect(rows).toHaveLength(4);
  });

  it('reveals full ID numbers only when asked, and logs and audits that choice', async () => {
    const t = await communityInstall();
    const { rows, out, ws } = await exported(t.call, 'party.members', { unmasked: true });
    expect(rows[0]!['身份证号']).toMatch(/^130104\d{11}[\dX]$/);
    // Marked before it is opened, and on the printed page.
    expect(out.file.fileName).toBe(`西里社区_党员花名册_${thisMonth()}（含完整身份信息）.xlsx`);
    expect(ws.getCell('A1').value).toBe('西里社区党员花名册（含完整身份信息）');
    const log = await t.call('submission.listLog', {});
    expect(log.rows[0]).toMatchObject({ direction: 'export', kind: 'register', title: '党员花名册', unmasked: true, period: thisMonth(), operator: '李娜' });
    expect(log.rows[0]!.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.call('system.listAudit', { entity: 'submission' });
    expect(audit.rows[0]).toMatchObject({ action: 'export_unmasked', entityId: log.rows[0]!.id, operator: '李娜' });
    expect(JSON.parse(audit.rows[0]!.after!).reason).toBe('区委组织部核对党员信息');
    // Without a reason, nothing goes out in full.
    await expect(t.call('submission.exportRegister', { register: 'party.members', level: 'community', period: thisMonth(), unmasked: true })).rejects.toThrow('请填写用途');
  });

  it('三会一课会议台账: the month\'s meetings with attendance summed', async () => {
    const t = await communityInstall();
    const { rows } = await exported(t.call, 'party.meetings');
    expect(rows[0]).toMatchObject({ 序号: 1, 召开组织: '阳光小区党支部', 会议类型: '支委会', '会议名称 / 议题': '研究本月工作', 出席: 1, 缺席: 1, 请假: 0, 决议: 1 });
    expect(rows[1]).toMatchObject({ 序号: '合计', 会议类型: '共 1 次', 出席: 1, 缺席: 1, 决议: 1 });
  });

  it('组织生活落实情况: each branch\'s required meetings for the quarter so far, with the rate', async () => {
    const t = await communityInstall();
    const { ws, header, rows } = await exported(t.call, 'party.compliance');
    expect(String(ws.getCell('A2').value)).toMatch(/按\d{4}年第[一二三四]季度统计/);
    const branch = rows[0]!;
    expect(branch).toMatchObject({ 党支部: '阳光小区党支部', 党小组数: 1, '支委会（次）': 1 });
    expect(Number(branch['已落实项'])).toBeLessThanOrEqual(Number(branch['应落实项']));
    expect(rows[1]).toMatchObject({ 序号: '合计', 党支部: '共 1 个' });
    expect(ws.getCell(5, header.indexOf('落实率') + 1).numFmt).toBe('0.0%');
    expect(typeof branch['落实率']).toBe('number');
  });

  it('五星支部评定: the latest year rated, stars averaged in the 合计 row', async () => {
    const t = await communityInstall();
    const { rows } = await exported(t.call, 'party.ratings');
    expect(rows[0]).toMatchObject({ 党支部: '阳光小区党支部', 评定年度: Number(today().slice(0, 4)) - 1, 星级: 4, 评定结果: '四星支部', 评定理由: '组织生活规范' });
    expect(rows[1]).toMatchObject({ 序号: '合计', 党支部: '共 1 个', 星级: 4 });
  });

  it('at a street, registers cover the communities it consolidated, with 所属社区', async () => {
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(await communityInstall()));
    await street.call('submission.importPackage', await packageOf(await communityInstall({ name: '东里社区', code: '130104001002' })));
    const { header, rows } = await exported(street.call, 'party.members', { level: 'street' });
    expect(header[1]).toBe('所属社区');
    // In register order, as the community's own export has them: by unit in the tree, then by pinyin.
    expect(rows.filter((r) => r['所属社区'] === '西里社区').map((r) => r['姓名'])).toEqual(['李四', '张三', '王五']);
    expect(rows.filter((r) => r['所属社区'] === '东里社区')).toHaveLength(3);
    expect(rows.at(-1)).toMatchObject({ 序号: '合计', 姓名: '共 6 人' });
    // Copies are kept as the source sent them: masked.
    expect(rows[0]!['身份证号']).toContain('********');
  });
});
