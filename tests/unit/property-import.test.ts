import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { committeeWorkbook, companiesWorkbook, estatesWorkbook, sheet, toFullWidth } from '../fixtures/import/property';
import { importFile, problemsOf } from './import-files';
import { CREDIT_CODE, OTHER_CREDIT_CODE, propertyFixture } from './property-fixture';
import { communityWithPlaces } from './submission-places-fixture';

/**
 * The red-property registers through the real import engine, from workbooks shaped as offices send them
 * (tests/fixtures/import/property.ts), each row's outcome asserted.
 */

describe('importing 物业服务企业台账', () => {
  const file = () => companiesWorkbook(CREDIT_CODE, OTHER_CREDIT_CODE);

  it('reads the two-row header, creates and updates by credit code, and refuses each bad row with its reason', async () => {
    const t = await propertyFixture();
    const { a, report, commit } = await importFile(t, 'property.companies', file(), { options: { duplicates: 'update' } });
    expect(a.mapping).toMatchObject({ name: 1, creditCode: 2, contactPerson: 3, contactPhone: 4, partyOrgForm: 5, partyMembers: 6 });
    expect(problemsOf(report)).toEqual([
      [7, [{ field: 'creditCode', message: '统一社会信用代码校验位不正确，请核对' }, { field: 'contactPhone', message: '手机号只有 10 位（应为 11 位），可能被截断，请核对' }]],
      [8, [{ field: 'partyOrgForm', message: '党组织组建方式应为：单独组建、区域联建、行业共建' }, { field: 'creditCode', message: '请填写统一社会信用代码' }]],
    ]);
    expect(report.summary).toMatchObject({ create: 1, update: 1, error: 2 });
    expect(report.skippedRows).toEqual([{ row: 9, reason: expect.stringContaining('合计') }]);
    await expect(commit()).rejects.toThrow(/有 2 行有错误/);

    const done = await importFile(t, 'property.companies', file(), { options: { duplicates: 'update', excludeRows: [7, 8] } });
    expect(await done.commit()).toMatchObject({ created: 1, updated: 1 });
    const list = (await t.call('property.listCompanies', {})).rows;
    expect(list.map((c) => [c.name, c.creditCode, c.contactPerson, c.contactPhone, c.partyOrgForm, c.partyMembers])).toEqual([
      ['红星物业管理有限公司', OTHER_CREDIT_CODE, '王芳', '13812345678', 'own', 3],
      ['阳光物业服务有限公司', CREDIT_CODE, '陈经理', '0311-86012345', 'joint', 6],
    ]);
    const audit = await t.call('system.listAudit', { entity: 'property_company' });
    expect(audit.rows.filter((e) => e.action === 'import_update').map((e) => e.entityId)).toEqual([t.company.id]);

    // The same file again changes nothing: both rows are skipped, nothing is written.
    const again = await importFile(t, 'property.companies', file(), { options: { duplicates: 'update', excludeRows: [7, 8] } });
    expect(again.report.summary).toMatchObject({ create: 0, update: 0, skip: 2 });
  });

  it('keeps what the file has no column for, and says when a credit code is registered under another name', async () => {
    const t = await propertyFixture();
    const wb = sheet('物业企业', [['企业名称', '统一社会信用代码', '党员数']], [['阳光物业有限公司', CREDIT_CODE, 5]]);
    const { report, commit } = await importFile(t, 'property.companies', wb, { options: { duplicates: 'update' } });
    expect(report.rows[0]!.warnings).toEqual([{ field: 'name', message: '这个统一社会信用代码已登记为“阳光物业服务有限公司”，按同一家企业对应' }]);
    await commit();
    const { company } = await t.call('property.getCompany', { id: t.company.id });
    expect(company).toMatchObject({ name: '阳光物业有限公司', partyMembers: 5, contactPerson: '刘经理', contactPhone: '13912345678', partyOrgForm: 'joint' });
  });
});

describe('importing 小区（院落）基本情况台账', () => {
  async function street() {
    const t = await propertyFixture();
    const place = (name: string) => t.call('party.createPlace', { kind: 'estate', parentId: t.community.id, name });
    return { ...t, xingfu: await place('幸福小区'), jinse: await place('金色家园'), dongfang: await place('东方花园') };
  }

  const file = estatesWorkbook;

  it('matches estates by name, asks about the unsure ones once, and reads areas as offices write them', async () => {
    const t = await street();
    const { a, report } = await importFile(t, 'property.estates', file(), { options: { duplicates: 'update' } });
    expect(a.mapping).toMatchObject({ estate: 1, management: 2, households: 3, area: 4, note: 5 });
    expect(problemsOf(report)).toEqual([
      [7, [{ field: 'estate', message: '地点登记中没有“东方花苑”，与“东方花园（西里社区）”相近：请在“小区名称对应”中确认' }]],
      [9, [{ field: 'estate', message: '“长江小区”不在地点登记的小区中：请在“小区名称对应”中选择它对应的小区，或选择“自动新增缺少的组织和地点”' }]],
      [10, [{ field: 'management', message: '管理方式应为：物业服务企业、自管、弃管' }, { field: 'area', message: '建筑面积应为平方米数，例如 12,345.6 或 1.2万' }]],
    ]);
    // The row the filter hides is listed apart, not imported; the row of spaces and the 合计 row are not data.
    expect(report.hiddenRows).toEqual([{ row: 11, title: '红旗小区' }]);
    expect(report.skippedRows.map((r) => [r.row, r.reason])).toEqual([[12, expect.stringContaining('空')], [13, expect.stringContaining('合计')]]);
    expect(report.rows.find((r) => r.row === 6)!.warnings).toEqual([
      { field: 'estate', message: '地点登记中没有“西里社区金色家园小区”，按“金色家园（西里社区）”对应；不对请在“小区名称对应”中改选' },
    ]);
    expect(report.questions.map((q) => [q.value, q.proposals.map((p) => p.label), q.reading])).toEqual([
      ['西里社区金色家园小区', ['金色家园（西里社区）'], t.jinse.id],
      ['东方花苑', ['东方花园（西里社区）'], null],
      ['长江小区', [], null],
    ]);

    // The clerk confirms 东方花苑 = 东方花园 and leaves out the two bad rows.
    const answered = await importFile(t, 'property.estates', file(), {
      options: { duplicates: 'update', excludeRows: [9, 10] }, values: { estate: { 东方花苑: t.dongfang.id } },
    });
    expect(answered.report.summary).toMatchObject({ create: 3, update: 1, error: 0 });
    expect(answered.report.preview.find((p) => p.row === 5)!.values).toMatchObject({ estate: '幸福小区', management: '自管', households: '300', area: '12,000.00 m²' });
    expect(await answered.commit()).toMatchObject({ created: 3, updated: 1 });

    const rows = (await t.call('property.listEstates', {})).rows;
    expect(rows.map((e) => [e.name, e.management, e.households, e.floorAreaHundredths, e.note])).toEqual([
      ['东方花园', 'company', 210, null, null],
      ['幸福小区', 'self', 300, 1_200_000, '老旧小区'],
      ['金色家园', 'abandoned', null, 860_000, null],
      ['阳光小区', 'company', 420, 1_234_560, null],
    ]);
    expect((await t.call('party.listPlaces', {})).find((p) => p.name === '幸福小区')!.households).toBe(300);
  });

  it('creates a missing estate in the places register when asked, and reads a 万㎡ column as 万', async () => {
    const t = await street();
    const wb = sheet('小区', [['社区', '小区名称', '管理方式', '建筑面积（万㎡）']], [['西里社区', '长江小区', '弃管', 1.25], ['西里社区', '长江小区', '弃管', 1.25]]);
    const { a, report, commit } = await importFile(t, 'property.estates', wb, { options: { createMissing: true } });
    expect(a.mapping).toMatchObject({ community: 0, estate: 1, management: 2, areaWan: 3 });
    expect(a.mapping.area ?? null).toBeNull();
    expect(report.extras).toEqual(['新建小区“长江小区”（西里社区）']);
    // The second row of the new estate finds the first's, planned: the same estate twice, not two estates.
    expect(report.rows.find((r) => r.row === 4)).toMatchObject({ status: 'duplicate', issues: [{ field: 'estate', message: '与第 3 行重复' }] });
    await expect(commit()).rejects.toThrow(/与第 3 行重复/);
    await (await importFile(t, 'property.estates', wb, { options: { createMissing: true, excludeRows: [4] } })).commit();
    const made = (await t.call('property.listEstates', { management: 'abandoned' })).rows;
    expect(made.map((e) => [e.name, e.communityName, e.floorAreaHundredths])).toEqual([['长江小区', '西里社区', 1_250_000]]);
  });

  it('refuses turning an estate 自管 while a company\'s contract runs, as the form does, and a new profile without its type', async () => {
    const t = await street();
    await t.call('property.createContract', { estateId: t.propertyEstate.placeId, companyId: t.company.id, startsOn: '2024-01-01' });
    const wb = sheet('小区', [['小区名称', '管理方式']], [['阳光小区', '自管'], ['幸福小区', '']]);
    const { report } = await importFile(t, 'property.estates', wb, { options: { duplicates: 'update' } });
    expect(problemsOf(report)).toEqual([
      [3, [{ field: 'management', message: '小区还有在履行或未开始的物业服务合同，请先登记合同结束日期，再改为“自管”' }]],
      [4, [{ field: 'management', message: '幸福小区还没有物业档案，请填写管理方式：物业服务企业、自管、弃管' }]],
    ]);
  });
});

describe('importing 业委会成员名单', () => {
  /** 阳光小区's current term (第 2 届) of five residents, and two party members in the register. */
  async function committee() {
    const t = await propertyFixture();
    const estateId = t.propertyEstate.placeId;
    const term = await t.call('property.createTerm', {
      estateId, termNo: 2, electedOn: '2024-05-01', startsOn: '2024-05-10', endsOn: '2029-05-09', members: t.residents(5),
    } as never);
    const zhangId = idNumber('130104', '1968-05-12', 71, 'male');
    const zhang = await t.member('张三', { idNumber: zhangId });
    const li = await t.member('李四', { idNumber: idNumber('130104', '1970-03-08', 72, 'female'), gender: 'female', birthDate: '1970-03-08' });
    const xingfu = await t.call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '幸福小区' });
    await t.call('property.createEstate', { placeId: xingfu.id, management: 'self' });
    return { ...t, estateId, term, zhang, zhangId, li };
  }

  const roster = committeeWorkbook;

  it('adds members to the current term, links party members to the register, and keeps the form\'s rules', async () => {
    const t = await committee();
    const file = (zhangId: string) => roster([
      [1, '阳光小区', '', '业主1', '男', '', '', '主任', '群众', '否'], // 3: on the roster: made 主任
      [2, '阳光小区', '', '张　三', '男', '', toFullWidth(zhangId), '副主任', '中共党员', '是'], // 4: linked by ID number
      [3, '阳光小区', '', '李四', '女', '1970.03', '', '委员', '中共党员', '否'], // 5: linked by name and 出生年月
      [4, '阳光小区', '', '孙七', '女', '', '', '委员', '中共党员', ''], // 6: not in the register: a warning
      [5, '阳光小区', '', '王五', '男', '', '', '主任', '群众', ''], // 7: a second 主任
      [6, '阳光小区', '第九届', '周八', '男', '', '', '委员', '群众', ''], // 8: a term not registered
      [7, '幸福小区', '', '吴九', '男', '', '', '委员', '', ''], // 9: an estate without a term
      null,
      [8, '阳光小区', '', '钱一', '女', '', '', '委员', '否', ''], // 11
      [9, '阳光小区', '', '郑十', '男', '', '', '委员', '群众', ''], // 12: the term's last row: 10 members, even
    ]);
    const { report } = await importFile(t, 'property.committeeMembers', file(t.zhangId), { options: { duplicates: 'update' } });
    expect(problemsOf(report)).toEqual([
      [7, [{ field: 'role', message: '阳光小区第 2 届业委会已有主任业主1（一届只有一名主任）' }]],
      [8, [{ field: 'termNo', message: '阳光小区没有登记“第九届”业委会：请先在“业委会”中新建这一届（选举日期、任期）' }]],
      [9, [{ field: 'estate', message: '幸福小区还没有登记业委会届次：请先在“业委会”中新建这一届（选举日期、任期），再导入成员' }]],
      [12, [{ field: null, message: '导入后阳光小区第 2 届业委会成员应为 5–11 人中的单数（现为 10 人）' }]],
    ]);
    expect(report.rows.find((r) => r.row === 6)!.warnings).toEqual([
      { field: 'isPartyMember', message: '没有身份证号或出生日期，无法与党员名册关联：按党员登记，未与名册关联' },
    ]);
    expect(report.preview.find((p) => p.row === 4)!.values).toMatchObject({ name: '张三（党员名册）', role: '副主任', isPartyMember: '是', onResidentsCommittee: '是' });

    const done = await importFile(t, 'property.committeeMembers', file(t.zhangId), { options: { duplicates: 'update', excludeRows: [7, 8, 9, 12] } });
    expect(done.report.summary).toMatchObject({ create: 4, update: 1, error: 0 });
    expect(await done.commit()).toMatchObject({ created: 4, updated: 1 });
    const { members, term } = await t.call('property.getTerm', { id: t.term.term.id });
    expect(members.map((m) => [m.name, m.role, m.memberId, m.isPartyMember, m.onResidentsCommittee])).toEqual([
      ['业主1', 'chair', null, false, false],
      ['业主2', 'member', null, false, false],
      ['业主3', 'member', null, false, false],
      ['业主4', 'member', null, false, false],
      ['业主5', 'member', null, false, false],
      ['张三', 'vice_chair', t.zhang.id, true, true],
      ['李四', 'member', t.li.id, true, false],
      ['孙七', 'member', null, true, false],
      ['钱一', 'member', null, false, false],
    ]);
    expect(term).toMatchObject({ memberCount: 9, partyMemberCount: 3 });
  });

  it('finds a term by 届次 written any way, refuses a person the register contradicts, and writes nothing twice', async () => {
    const t = await committee();
    const file = () => roster([
      [1, '阳光小区', '第二届', '业主2', '男', '', '', '副主任', '', '是'], // 3: updated
      [2, '阳光小区', '2', '张四', '男', '', t.zhangId, '委员', '中共党员', ''], // 4: the ID number is 张三's
      [3, '阳光小区', '第2届', '李四', '女', '1970-03-08', '', '委员', '群众', ''], // 5: a party member written as 群众
    ]);
    const { report } = await importFile(t, 'property.committeeMembers', file(), { options: { duplicates: 'update' } });
    expect(problemsOf(report)).toEqual([
      [4, [{ field: 'idNumber', message: '身份证号对应的是张三，请核对姓名' }]],
      [5, [{ field: 'isPartyMember', message: '李四在党员名册中，“是否党员”却填的是“否”，请核对' }]],
    ]);
    const request = { options: { duplicates: 'update', excludeRows: [4, 5] } };
    await (await importFile(t, 'property.committeeMembers', file(), request)).commit();
    const { members } = await t.call('property.getTerm', { id: t.term.term.id });
    expect(members.find((m) => m.name === '业主2')).toMatchObject({ role: 'vice_chair', onResidentsCommittee: true, isPartyMember: false });
    const audit = await t.call('system.listAudit', { entity: 'committee_term' });
    expect(audit.rows.filter((e) => e.action === 'import_update')).toHaveLength(1);

    const again = await importFile(t, 'property.committeeMembers', file(), request);
    expect(again.report.summary).toMatchObject({ create: 0, update: 0, skip: 1 });
  });
});

describe('re-importing the registers this app exports', () => {
  it('reads its own 小区 and 物业企业 sheets back: nothing changes, and a masked phone is refused with the reason', async () => {
    const t = await communityWithPlaces();
    const out = await t.call('submission.buildMonthly', { level: 'community', period: t.month, modules: ['property'], outputs: ['workbook'] });
    const file = { fileName: '月报.xlsx', contentBase64: out.workbook!.contentBase64 };
    const again = async (register: string, sheet: string, drop: string[] = []) => {
      const a = await t.call('import.analyse', { register, file, sheet });
      const mapping = { ...a.mapping, ...Object.fromEntries(drop.map((k) => [k, null])) };
      return t.call('import.validate', { register, file, sheet, headerRow: a.headerRow, mapping, options: { duplicates: 'update' } });
    };

    const estates = await again('property.estates', '小区（院落）基本情况台账');
    expect(estates.summary).toMatchObject({ total: 1, skip: 1, error: 0 });
    expect(estates.skippedRows).toEqual([expect.objectContaining({ reason: expect.stringContaining('合计') })]);

    const companies = await again('property.companies', '物业企业台账');
    expect(problemsOf(companies)).toEqual([[5, [{ field: 'contactPhone', message: '联系电话被隐去了中间几位（导出的脱敏文件），无法导入：请填写完整号码，或不导入这一列' }]]]);
    expect((await again('property.companies', '物业企业台账', ['contactPhone'])).summary).toMatchObject({ total: 1, skip: 1, error: 0 });
  });
});
