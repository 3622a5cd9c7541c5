import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { packageOf, streetInstall } from './submission-fixture';
import { communityWithPlaces, forged, MODULES, rechain } from './submission-places-fixture';
import { sheetRows, workbookOf } from './workbook-read';


const sheet = async (base64: string, name: string) => sheetRows((await workbookOf(base64)).getWorksheet(name)!);

describe("a community's red property, elevators and fund consolidated at the street", () => {
  it("are imported once; the street's registers and 汇总 then hold the community's rows", async () => {
    const community = await communityWithPlaces();
    await community.call('property.issueYellowCard', {
      basis: 'rectification', companyId: community.company.id, dueOn: `${Number(community.year) - 1}-12-31`, issuedOn: `${community.month}-01`, reason: '消防通道堆物整改逾期',
    });
    const street = await streetInstall();
    const pkg = await packageOf(community, community.month, MODULES);

    const preview = await street.call('submission.inspectPackage', pkg);
    expect(preview.refusal).toBeNull();
    expect(preview.checks.at(-1)).toBe('电梯维保基金流水的校验链逐笔重算一致，且延续此前导入的记录');
    expect(Object.fromEntries(preview.manifest!.tables.map((t) => [t.name, t.rows]))).toMatchObject({
      'property.estates': 1, 'property.companies': 1, 'property.committees': 1, 'property.meetings': 1, 'property.assessments': 1, 'property.quarters': 0,
      'property.resolutions': 2, 'property.cards': 1,
      'fund.accounts': 1, 'fund.entries': 2, 'fund.applications': 1, 'fund.reconciliations': 0, 'elevator.elevators': 1, 'elevator.maintenance': 1, 'elevator.faults': 1,
    });
    const first = await street.call('submission.importPackage', pkg);
    expect(first.counts).toMatchObject({ updated: 0, unchanged: 0, conflicts: 0 });
    expect(first.counts.new).toBe(11 + 12);
    const again = await street.call('submission.importPackage', pkg);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 23, older: 0, removed: 0, conflicts: 0 });

    const period = community.month;
    const register = async (key: string) => {
      const out = await street.call('submission.exportRegister', { register: key, level: 'street', period });
      return sheet(out.file.contentBase64, await firstSheet(out.file.contentBase64));
    };
    const journal = await register('fund.entries');
    expect(journal.map((r) => [r['所属社区'], r['笔数'], r['收入（元）'], r['支出（元）'], r['余额（元）']])).toEqual([
      ['西里社区', 1, 12_345.67, null, 22_345.67],
      ['西里社区', 2, null, 1_000.5, 21_345.17],
      [null, null, 12_345.67, 1_000.5, null],
    ]);
    expect((await register('property.estates'))[0]).toMatchObject({ 所属社区: '西里社区', '小区（院落）名称': '阳光小区', 物业服务企业: '阳光物业服务有限公司' });
    expect((await register('property.companies'))[0]).toMatchObject({
      企业名称: '阳光物业服务有限公司', 联系电话: '139****5678', 黄红牌情况: '黄牌（有效黄牌 1 张）', 黄红牌记录: `${community.month}-01 黄牌（整改逾期：消防通道堆物整改逾期）`,
    });
    expect((await register('property.committees'))[0]).toMatchObject({ 所属社区: '西里社区', 成员人数: 5, 党员人数: 2 });
    expect((await register('property.meetings'))[0]).toMatchObject({ 所属社区: '西里社区', 议定事项: 2, 未办结: 1 });
    expect((await register('property.resolutions')).map((r) => [r['所属社区'], r['决议事项'], r['责任方']])).toEqual([
      ['西里社区', '清理3号楼楼道堆物', '物业服务企业'], ['西里社区', '公示电梯维保资金使用方案', '业委会'], [null, '共 2 项', null],
    ]);
    expect((await register('property.assessments'))[0]).toMatchObject({ 所属社区: '西里社区', 名次: 1, 榜单版次: '首次公布' });
    expect((await register('elevator.elevators'))[0]).toMatchObject({ 所属社区: '西里社区', 注册代码: '31104201022015060123' });

    const monthly = await street.call('submission.buildMonthly', { level: 'street', period, modules: MODULES, outputs: ['workbook'] });
    const summary = await sheet(monthly.workbook!.contentBase64, '汇总');
    expect(summary.find((r) => r['社区'] === '西里社区')).toMatchObject({
      '小区（院落）': 1, 已组建业委会: 1, 维保基金账户: 1, 基金月末余额: 21_345.17, 基金本月收入: 12_345.67, 在用电梯: 1, 本年困人次数: 1,
    });

    // A ledger's copy is read-only at the street: the community reverses and sends again.
    const entry = (await street.call('submission.listRecords', { unitCode: '130104001001', table: 'fund.entries', limit: 10 })).rows[0]!;
    expect(entry.fields.every((f) => !f.editable)).toBe(true);
    expect(await street.attempt('submission.correctRecord', { unitCode: '130104001001', table: 'fund.entries', recordId: entry.recordId, changes: { purpose: '改' } }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a package whose fund entry was altered, even with every checksum redone, and writes nothing', async () => {
    const community = await communityWithPlaces();
    const street = await streetInstall();
    const pkg = await packageOf(community, community.month, MODULES);
    const raised = forged(pkg.contentBase64, community.dir, (t) => {
      const e = Object.values(t['fund.entries']!.units)[0]!.find((x) => x.seq === 2)!;
      e.amount = 200_050;
    });
    const env = await street.attempt('submission.importPackage', { fileName: pkg.fileName, contentBase64: raised });
    expect(env).toMatchObject({ ok: false, error: { reason: 'PACKAGE_TAMPERED', message: expect.stringContaining('第 2 笔的内容与其校验码不符') } });
    expect((await street.call('submission.inspectPackage', { fileName: pkg.fileName, contentBase64: raised })).refusal?.message).toMatch(/电梯维保基金“.+”的流水第 2 笔/);

    const dropped = forged(pkg.contentBase64, community.dir, (t) => {
      const unit = Object.values(t['fund.entries']!.units)[0]!;
      unit.splice(unit.findIndex((x) => x.seq === 1), 1);
    });
    expect(await street.attempt('submission.importPackage', { fileName: pkg.fileName, contentBase64: dropped }))
      .toMatchObject({ ok: false, error: { message: expect.stringContaining('缺少第 1 笔') } });
    expect(await street.call('submission.listUnits', {})).toEqual([]);
  });

  it('refuses a later package that rewrote the history the street already holds, consistently rehashed', async () => {
    const community = await communityWithPlaces();
    const street = await streetInstall();
    const earlier = await packageOf(community, community.month, MODULES);
    await street.call('submission.importPackage', earlier);
    const wrong = await community.income('500.00');
    await community.call('fund.reverseEntry', { id: newId(), entryId: wrong.id, reason: '金额录错' });
    const next = await packageOf(community, community.month, MODULES);
    const rewritten = forged(next.contentBase64, community.dir, (t) => {
      const e = Object.values(t['fund.entries']!.units)[0]!.find((x) => x.seq === 1)!;
      e.amount = 2_234_567;
      rechain(t);
    });
    const env = await street.attempt('submission.importPackage', { fileName: next.fileName, contentBase64: rewritten });
    expect(env).toMatchObject({ ok: false, error: { reason: 'PACKAGE_TAMPERED', message: expect.stringContaining('第 1 笔与上次导入的不同：历史被改写') } });

    const cut = forged(next.contentBase64, community.dir, (t) => {
      const unit = Object.values(t['fund.entries']!.units)[0]!;
      for (const seq of [4, 3, 2]) unit.splice(unit.findIndex((x) => x.seq === seq), 1);
      for (const a of Object.values(t['fund.accounts']!.units)[0]!) a.headSeq = 1;
      rechain(t);
    });
    expect(await street.attempt('submission.importPackage', { fileName: next.fileName, contentBase64: cut }))
      .toMatchObject({ ok: false, error: { message: expect.stringContaining('缺少上次导入过的第 2 笔：历史被改写') } });

    // The genuine one (an income and its reversal since) extends what the street holds.
    const genuine = await street.call('submission.importPackage', next);
    expect(genuine.counts).toMatchObject({ new: 2, removed: 0, conflicts: 0 });
    const journal = await street.call('submission.listRecords', { unitCode: '130104001001', table: 'fund.entries', limit: 10 });
    expect(journal.total).toBe(4);
    // The earlier package arriving again (late) is shorter than what the street holds, and still sound: nothing changes.
    const late = await street.call('submission.importPackage', earlier);
    expect(late.counts).toMatchObject({ new: 0, removed: 0, conflicts: 0 });
    expect((await street.call('submission.listRecords', { unitCode: '130104001001', table: 'fund.entries', limit: 10 })).total).toBe(4);
  });
});

async function firstSheet(base64: string): Promise<string> {
  return (await workbookOf(base64)).worksheets[0]!.name;
}
