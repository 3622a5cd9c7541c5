import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SHEET_NAME_COLUMN } from '../../main/api/import/contract';
import { nameSimilarity, SIMILAR_ENOUGH } from '../../main/api/party/imports/branch-names';
import { branchVariantsWorkbook, sheetPerBranchWorkbook } from '../fixtures/import/make';
import { upload } from './import-files';
import { partyFixture } from './party-fixture';
import { rootOrg } from '../orgs';

/** 所在组织 written unlike the tree: proposed by similarity, confirmed once per value, remembered with the layout. */

describe('how alike two branch names are', () => {
  const alike = (written: string, unit: string, ancestors: string[] = []) => nameSimilarity(written, unit, ancestors) >= SIMILAR_ENOUGH;

  it('finds the names offices write for the same branch', () => {
    expect(alike('一支部', '第一党支部')).toBe(true);
    expect(alike('第1支部', '第一党支部')).toBe(true);
    expect(alike('第１２党支部', '第十二党支部')).toBe(true);
    expect(alike('幸福社区党委第一党支部', '幸福社区第一支部', ['幸福社区党委', '幸福街道党工委'])).toBe(true);
    expect(alike('阳光小区总支', '阳光小区党总支')).toBe(true);
    expect(alike('中共阳光小区支部委员会', '阳光小区党支部')).toBe(true);
    expect(alike('金色家园支部', '金色家园小区党支部')).toBe(true);
    expect(alike('红星机械厂退休支部', '红星机械厂党支部')).toBe(true);
  });

  it('never finds branches numbered differently, or names sharing only their ending, alike', () => {
    expect(nameSimilarity('第一党支部', '第二党支部', [])).toBe(0);
    expect(nameSimilarity('一支部', '第十一党支部', [])).toBe(0);
    expect(alike('阳光小区支部', '阳光花园党支部')).toBe(false);
    expect(alike('退休支部', '退休职工党支部')).toBe(false);
    expect(alike('幸福小区党支部', '阳光小区党支部')).toBe(false);
    expect(alike('阳光小区支部', '阳光小区党总支')).toBe(false);
  });
});

async function happiness() {
  const t = await partyFixture();
  const root = await rootOrg(t.call);
  const committee = await t.call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '幸福社区党委' });
  const branch = (name: string) => t.call('party.createOrg', { parentId: committee.id, level: 'branch', kind: '党支部', name });
  const first = await branch('幸福社区第一党支部');
  const second = await branch('幸福社区第二党支部');
  const retired = await branch('幸福社区退休职工党支部');
  const file = await upload(branchVariantsWorkbook(), '幸福社区党员花名册.xlsx');
  const analysis = await t.call('import.analyse', { register: 'party.members', file });
  const request = { register: 'party.members', file, sheet: analysis.sheet, headerRow: analysis.headerRow, mapping: analysis.mapping };
  return { ...t, committee, first, second, retired, file, analysis, request };
}

describe('所在支部对应: each value written unlike the tree, asked once for the file', () => {
  it('proposes the similar branch for each distinct value and refuses its rows until the clerk confirms', async () => {
    const t = await happiness();
    const report = await t.call('import.validate', { ...t.request, options: { createMissing: true } });
    const asked = report.questions.map((q) => ({ value: q.value, rows: q.rows, proposals: q.proposals.map((p) => p.label), answer: q.answer, reading: q.reading }));
    expect(asked).toEqual([
      { value: '一支部', rows: 2, proposals: ['幸福社区第一党支部（幸福社区党委）'], answer: null, reading: null },
      { value: '幸福社区党委第一党支部', rows: 1, proposals: ['幸福社区第一党支部（幸福社区党委）'], answer: null, reading: null },
      { value: '第2党支部', rows: 1, proposals: ['幸福社区第二党支部（幸福社区党委）'], answer: null, reading: null },
      { value: '退休支部', rows: 1, proposals: [], answer: null, reading: 'new' },
      { value: '第三党支部', rows: 1, proposals: [], answer: null, reading: 'new' },
    ]);
    const branchIssue = (row: number) => report.rows.find((r) => r.row === row)?.issues.find((i) => i.field === 'branch')?.message;
    // "自动新增" does not create a near-duplicate of a branch the tree has: the similar ones wait for the clerk.
    expect(branchIssue(3)).toBe('组织架构中没有“一支部”，与“幸福社区第一党支部”相近：请在“所在支部对应”中确认');
    expect(branchIssue(6)).toBe('组织架构中没有“一支部”，与“幸福社区第一党支部”相近：请在“所在支部对应”中确认');
    expect(branchIssue(8)).toBeUndefined(); // 幸福社区第二党支部: the tree's own name
    expect(report.summary).toMatchObject({ error: 4, create: 3 });
    expect(report.canCommit).toBe(false);
    expect(report.targets.branch!.map((b) => b.label)).toContain('幸福社区退休职工党支部（幸福社区党委）');
  });

  it('imports with the answers given once, remembers them with the layout, and next year\'s file needs none', async () => {
    const t = await happiness();
    const values = { branch: { 一支部: t.first.id, 幸福社区党委第一党支部: t.first.id, '第２党支部': t.second.id, 退休支部: t.retired.id, 第三党支部: 'new' } };
    const report = await t.call('import.validate', { ...t.request, values });
    expect(report.rows.flatMap((r) => r.issues)).toEqual([]);
    expect(report.questions.map((q) => q.answer)).toEqual([t.first.id, t.first.id, t.second.id, t.retired.id, 'new']);
    expect(report.extras).toEqual(['新建党支部“第三党支部”（上级：幸福社区党委）']);
    const result = await t.call('import.commit', { ...t.request, values });
    expect(result.created).toBe(7);
    const members = (await t.call('party.listMembers', { orgId: t.first.id })).rows.map((m) => m.name).sort();
    expect(members).toEqual(['李二', '张一', '赵四'].sort());
    expect((await t.call('party.listMembers', { orgId: t.retired.id })).rows.map((m) => m.name)).toEqual(['钱五']);
    const audit = (await t.call('system.listAudit', { entity: 'import_batch' })).rows[0]!;
    expect(JSON.stringify(audit)).toContain('退休支部');

    // Next year's register, same layout, other people: mapped from memory, nothing to confirm.
    const next = await upload(branchVariantsWorkbook(2027), '幸福社区党员花名册（2027）.xlsx');
    const a = await t.call('import.analyse', { register: 'party.members', file: next });
    expect(a.mappingSource).toBe('remembered');
    expect(a.values.branch).toMatchObject({ 一支部: t.first.id, 退休支部: t.retired.id });
    const again = await t.call('import.validate', { register: 'party.members', file: next, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, values: a.values });
    expect(again.rows.flatMap((r) => r.issues)).toEqual([]);
    expect(again.summary.create).toBe(7);
    expect(again.extras).toEqual([]); // 第三党支部 exists now, by its own name
  });

  it('keeps the answers the clerk confirms before importing (saveMapping with values), and forgets none on a later column change', async () => {
    const t = await happiness();
    const { fingerprint, headerRow, mapping } = t.analysis;
    await t.call('import.saveMapping', { register: 'party.members', fingerprint, headerRow, mapping, values: { branch: { 一支部: t.first.id } } });
    await t.call('import.saveMapping', { register: 'party.members', fingerprint, headerRow, mapping: { ...mapping, parentOrg: null } });
    const a = await t.call('import.analyse', { register: 'party.members', file: t.file });
    expect(a.values).toEqual({ branch: { 一支部: t.first.id } });
    expect(a.mapping.parentOrg).toBeNull();
  });

  it('ignores an answer naming no branch of the tree (one deleted since, say): the value is asked again', async () => {
    const t = await happiness();
    const report = await t.call('import.validate', { ...t.request, values: { branch: { 退休支部: 'no-such-org' } } });
    expect(report.questions.find((q) => q.value === '退休支部')).toMatchObject({ answer: null });
    expect(report.rows.find((r) => r.row === 7)?.issues[0]?.field).toBe('branch');
  });
});

describe('工作表名称 = 所在组织: one sheet per branch, no branch column', () => {
  it('reads each sheet\'s name as the branch, through the same matching and confirmation, remembered with the layout', async () => {
    const t = await happiness();
    const file = await upload(sheetPerBranchWorkbook(), '一个支部一个工作表.xlsx');
    const a = await t.call('import.analyse', { register: 'party.members', file });
    expect(a.sheet).toBe('幸福社区第一党支部');
    expect(a.mapping.branch).toBe(SHEET_NAME_COLUMN);
    const request = (sheet: string, mapping: Record<string, number | null>) => ({ register: 'party.members', file, sheet, headerRow: a.headerRow, mapping });
    const first = await t.call('import.validate', request(a.sheet, a.mapping));
    expect(first.rows.flatMap((r) => r.issues)).toEqual([]);
    expect(first.preview.map((p) => [p.row, p.values.name, p.values.branch])).toEqual([[3, '吴一', '幸福社区第一党支部'], [4, '郑二', '幸福社区第一党支部']]);
    expect(first.summary).toMatchObject({ create: 2, blank: 0 });
    await t.call('import.commit', request(a.sheet, a.mapping));

    // The second sheet, 二支部: like 幸福社区第二党支部, asked once; remembered with the layout the first sheet saved.
    const b = await t.call('import.analyse', { register: 'party.members', file, sheet: '二支部' });
    expect(b).toMatchObject({ mappingSource: 'remembered', mapping: { branch: SHEET_NAME_COLUMN } });
    const asked = await t.call('import.validate', request('二支部', b.mapping));
    expect(asked.questions).toMatchObject([{ field: 'branch', value: '二支部', rows: 1, proposals: [{ id: t.second.id }] }]);
    expect(asked.canCommit).toBe(false);
    const values = { branch: { 二支部: t.second.id } };
    expect(await t.call('import.commit', { ...request('二支部', b.mapping), values })).toMatchObject({ created: 1 });
    expect((await t.call('party.listMembers', { orgId: t.second.id })).rows.map((m) => m.name)).toEqual(['冯三']);
    expect((await t.call('import.analyse', { register: 'party.members', file, sheet: '二支部' })).values).toEqual(values);
  });

  it('writes the sheet\'s name beside the rows in the downloaded 核对结果', async () => {
    const t = await happiness();
    const file = await upload(sheetPerBranchWorkbook(), '一个支部一个工作表.xlsx');
    const a = await t.call('import.analyse', { register: 'party.members', file, sheet: '二支部' });
    const out = await t.call('import.downloadReport', { register: 'party.members', file, sheet: '二支部', headerRow: a.headerRow, mapping: a.mapping });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const texts = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(texts(1)).toEqual(['原行号', '序号', '姓名', '身份证号', '入党时间', '党员状态', '（工作表名称）', '导入结果', '错误说明']);
    expect(texts(2).slice(-3)).toEqual(['二支部', '有错误', '所在支部：组织架构中没有“二支部”，与“幸福社区第二党支部”相近：请在“所在支部对应”中确认']);
  });
});
