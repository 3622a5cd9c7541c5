import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ids, messyMemberWorkbook, messyRows, upload } from './import-files';
import { partyFixture } from './party-fixture';
import { orgByName } from '../orgs';

/** The member register from a messy Excel file, through the real router on a real SQLite file. */

async function setUp() {
  const t = await partyFixture();
  await t.member('钱七', { idNumber: ids.existing, birthDate: '1960-02-29', joinedOn: '1985-07-01', note: '原有档案' });
  const file = await upload(messyMemberWorkbook());
  const analysis = await t.call('import.analyse', { register: 'party.members', file });
  const request = { register: 'party.members', file, sheet: analysis.sheet, headerRow: analysis.headerRow, mapping: analysis.mapping };
  return { ...t, file, analysis, request };
}

describe('importing a member register', () => {
  it('finds the header under the title block and maps the columns by their Chinese names', async () => {
    const { analysis } = await setUp();
    expect(analysis.sheet).toBe('党员名册');
    expect(analysis.headerRow).toBe(3);
    expect(analysis.mappingSource).toBe('detected');
    const letter = (key: string) => analysis.columns[analysis.mapping[key]!]?.letter;
    expect({ name: letter('name'), id: letter('idNumber'), phone: letter('phone'), branch: letter('branch'), group: letter('group') })
      .toEqual({ name: 'B', id: 'G', phone: 'H', branch: 'N', group: undefined });
    expect(analysis.columns[6]).toMatchObject({ header: '公民身份号码' });
  });

  it('reports exactly the bad rows, by Excel row number, beside their cells', async () => {
    const { call, request } = await setUp();
    const report = await call('import.validate', request);
    const bad = report.rows.filter((r) => r.status === 'error' || r.status === 'duplicate');
    expect(bad.map((r) => r.row)).toEqual([messyRows.badId, messyRows.duplicate, messyRows.unknownBranch, messyRows.idAsNumber]);
    const issue = (row: number) => bad.find((r) => r.row === row)!.issues;
    expect(issue(messyRows.badId)).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确，请核对' }]);
    expect(issue(messyRows.duplicate)).toEqual([{ field: 'idNumber', message: '与第 4 行重复' }]);
    expect(issue(messyRows.unknownBranch)[0]).toMatchObject({ field: 'branch', message: expect.stringContaining('“幸福小区党支部”不在组织架构中') });
    expect(issue(messyRows.idAsNumber)[0]).toMatchObject({ field: 'idNumber', message: expect.stringContaining('身份证号被 Excel 存成了数字') });
    expect(report.rows.find((r) => r.row === messyRows.existing)?.status).toBe('skip');
    expect(report.summary).toMatchObject({ total: 8, create: 3, skip: 1, error: 3, duplicate: 1, blank: 1, ignored: 1 });
    expect(report.ignoredRows).toEqual([messyRows.footer]);
    expect(report.canCommit).toBe(false);
  });

  it('previews the rows as they will be saved: dates, padding, full-width digits and merged cells read right', async () => {
    const { call, request } = await setUp();
    const { preview } = await call('import.validate', request);
    expect(preview.map((p) => p.row)).toEqual(messyRows.good);
    const [zhang, li, zhou] = preview.map((p) => p.values);
    expect(zhang).toMatchObject({ name: '张三', birthDate: '1968-05-12', joinedOn: '1995-07-01', fullOn: '1996-07-01', branch: '阳光小区党支部', role: '书记', isCentreHousehold: '是', phone: '138****5678' });
    expect(li).toMatchObject({ name: '李四', birthDate: '1972-11-03', joinedOn: '1999-07-01', fullOn: '2000-07-01', branch: '阳光小区党支部', idNumber: `${ids.li.slice(0, 6)}********${ids.li.slice(14)}` });
    expect(zhou).toMatchObject({ status: '预备党员', category: '在职党员', workUnit: '市第一医院', joinedOn: '2024-07-01' });
  });

  it('refuses to commit while rows have errors, and writes nothing', async () => {
    const { call, attempt, request } = await setUp();
    const env = await attempt('import.commit', request);
    expect(env).toMatchObject({ ok: false, error: { code: 'DOMAIN', reason: 'IMPORT_HAS_ERRORS' } });
    if (!env.ok) expect(env.error.message).toContain('有 4 行有错误，没有导入任何数据');
    expect((await call('party.listMembers', {})).total).toBe(1);
    expect((await call('system.listAudit', { entity: 'import_batch' })).total).toBe(0);
  });

  it('with the bad rows excluded and duplicates skipped, imports exactly the good rows and records the import', async () => {
    const { call, request, file } = await setUp();
    const result = await call('import.commit', {
      ...request,
      options: { duplicates: 'skip', excludeRows: [messyRows.badId, messyRows.duplicate, messyRows.unknownBranch, messyRows.idAsNumber] },
    });
    expect(result).toMatchObject({ created: 3, updated: 0, skipped: 1, excluded: 4 });
    const members = (await call('party.listMembers', {})).rows;
    expect(members.map((m) => m.name).sort()).toEqual(['周九', '张三', '李四', '钱七'].sort());
    expect(members.find((m) => m.name === '钱七')).toMatchObject({ phoneMasked: '138****8000' }); // left as stored
    const audit = await call('system.listAudit', { entity: 'import_batch' });
    const after = JSON.parse(audit.rows[0]!.after!);
    const sha = (await import('node:crypto')).createHash('sha256').update(Buffer.from(file.contentBase64, 'base64')).digest('hex');
    expect(after).toMatchObject({ fileName: '党员花名册.xlsx', sheet: '党员名册', sha256: sha, created: 3, skipped: 1, excluded: 4 });
    // Created records are audited by the import's one entry; each member's history names the import.
    const zhou = await call('party.getMember', { id: members.find((m) => m.name === '周九')!.id });
    expect(zhou.events).toMatchObject([{ kind: 'created', detail: { importId: audit.rows[0]!.entityId } }]);
  });

  it('updates existing members with the file\'s columns when asked, keeping what the file does not have', async () => {
    const { call, request } = await setUp();
    await call('import.commit', { ...request, options: { duplicates: 'update', excludeRows: [6, 7, 9, 11] } });
    const qian = (await call('party.listMembers', { q: '钱七' })).rows[0]!;
    const detail = await call('party.getMember', { id: qian.id });
    expect(detail.member).toMatchObject({ note: '已登记', education: '初中', address: '阳光小区1号楼', phoneMasked: '136****5678' });
  });

  it('creates a missing branch under the only community committee when asked', async () => {
    const { call, request } = await setUp();
    const report = await call('import.validate', { ...request, options: { createMissing: true } });
    expect(report.extras).toEqual(['新建党支部“幸福小区党支部”（上级：西里社区党委）']);
    expect(report.rows.find((r) => r.row === messyRows.unknownBranch)).toBeUndefined();
    await call('import.commit', { ...request, options: { createMissing: true, excludeRows: [6, 7, 11] } });
    expect(await orgByName(call, '幸福小区党支部')).toMatchObject({ level: 'branch', kind: '小区党支部', memberCount: 1 });
  });

  it('remembers a corrected mapping for the same layout', async () => {
    const { call, request, file, analysis } = await setUp();
    const mapping = { ...request.mapping, note: null };
    await call('import.saveMapping', { register: 'party.members', fingerprint: analysis.fingerprint, headerRow: 3, mapping });
    const again = await call('import.analyse', { register: 'party.members', file });
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping.note).toBeNull();
  });
});

describe('choosing the sheet', () => {
  it('takes the sheet whose header names the register\'s fields, not the instructions sheet before it', async () => {
    const t = await partyFixture();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRow(['1. 身份证号请设为文本格式；日期写成 2019-07-01']);
    const sheet = wb.addWorksheet('党员名册');
    sheet.addRow(['姓名', '身份证号', '入党日期', '所在支部']);
    sheet.addRow(['张三', ids.zhang, '1995-07-01', '阳光小区党支部']);
    const analysis = await t.call('import.analyse', { register: 'party.members', file: await upload(wb) });
    expect(analysis.sheets.map((s) => s.name)).toContain('填表说明');
    expect(analysis.sheet).toBe('党员名册');
    const other = await t.call('import.analyse', { register: 'party.members', file: await upload(wb), sheet: '填表说明' });
    expect(other).toMatchObject({ sheet: '填表说明', headerFound: false });
  });
});
