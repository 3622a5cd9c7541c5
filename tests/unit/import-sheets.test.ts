import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowKey, rowLabel, SHEET_NAME_COLUMN, type ReportRow } from '../../main/api/import/contract';
import { idNumber } from '../../scripts/lib/people';
import { alikeSheetsWorkbook, multiSheetWorkbook } from '../fixtures/import/make';
import { upload } from './import-files';
import { partyFixture } from './party-fixture';
import { rootOrg } from '../orgs';

/**
 * 合并导入这些工作表: last year's register kept a sheet per branch (a 说明 sheet first, a hidden sheet of members
 * transferred out), imported in one pass — one check, one list of rows named by sheet and row, one commit.
 */

const BRANCH_SHEETS = ['幸福社区第一党支部', '二支部', '幸福社区退休职工党支部'];

async function happiness() {
  const t = await partyFixture();
  const root = await rootOrg(t.call);
  const committee = await t.call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '幸福社区党委' });
  const branch = (name: string) => t.call('party.createOrg', { parentId: committee.id, level: 'branch', kind: '党支部', name });
  const first = await branch('幸福社区第一党支部');
  const second = await branch('幸福社区第二党支部');
  const retired = await branch('幸福社区退休职工党支部');
  const file = await upload(multiSheetWorkbook(), '按支部分表的花名册（含说明页）.xlsx');
  const a = await t.call('import.analyse', { register: 'party.members', file });
  const request = { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, sheets: BRANCH_SHEETS };
  return { ...t, first, second, retired, file, a, request };
}

/** The workbook's sheets in order: 说明 is sheet 0, so 幸福社区第一党支部 row 3 is key rowKey(1, 3). */
const NAMES = ['说明', '幸福社区第一党支部', '二支部', '2019年已转出', '幸福社区退休职工党支部'];
const at = (sheet: string, row: number) => rowKey(NAMES.indexOf(sheet), row);
const named = (rows: ReportRow[]) => rows.map((r) => [rowLabel(r.row, NAMES), r.cells.name, r.status, r.issues.map((i) => `${i.field}：${i.message}`)]);

describe('analysing a workbook kept a sheet per branch', () => {
  it('lists the sheets of the layout (each header at its own row), the hidden one marked, 说明 left out; 所在支部 ← the sheet name', async () => {
    const { a } = await happiness();
    expect(a.sheet).toBe('幸福社区第一党支部');
    expect(a.sameLayout).toEqual([
      { name: '幸福社区第一党支部', headerRow: 2, dataRows: 2, hidden: false, differs: null },
      { name: '二支部', headerRow: 3, dataRows: 2, hidden: false, differs: null }, // a 填报单位 line above, 姓 名 with a space
      { name: '2019年已转出', headerRow: 2, dataRows: 1, hidden: true, differs: null },
      { name: '幸福社区退休职工党支部', headerRow: 2, dataRows: 2, hidden: false, differs: null },
    ]);
    expect(a.mapping.branch).toBe(SHEET_NAME_COLUMN);
  });

  it('sheets of one layout named by year, not by branch: offered together, but 所在支部 is not read from their names', async () => {
    const t = await happiness();
    const wb = new ExcelJS.Workbook();
    for (const [year, seq] of [['2024年', 71], ['2025年', 72]] as const) {
      const ws = wb.addWorksheet(year);
      ws.addRow(['姓名', '身份证号', '入党时间', '党员状态']);
      ws.addRow([`党员${seq}`, idNumber('130105', '1970-01-01', seq, 'male'), '1999-07-01', '正式党员']);
    }
    const a = await t.call('import.analyse', { register: 'party.members', file: await upload(wb) });
    expect(a.sameLayout.map((s) => s.name)).toEqual(['2024年', '2025年']);
    expect(a.mapping.branch).toBeNull();
  });

  it('a one-sheet workbook has no sheets to import together, and its rows keep their Excel row numbers', async () => {
    const t = await partyFixture();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '身份证号', '入党时间', '党员状态', '所在党支部']);
    ws.addRow(['刘一', idNumber('130104', '1950-03-01', 61, 'male'), '1975-07-01', '正式党员', '阳光小区党支部']);
    const file = await upload(wb);
    const a = await t.call('import.analyse', { register: 'party.members', file });
    expect(a.sameLayout).toEqual([]);
    const report = await t.call('import.validate', { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping });
    expect(report.sheetNames).toBeNull();
    expect(report.preview.map((p) => [p.row, p.values.name])).toEqual([[2, '刘一']]);
  });
});

describe('one check over every chosen sheet', () => {
  it('names each row by its sheet and row, asks 二支部 once in 所在支部对应, and catches the same ID number on two sheets', async () => {
    const t = await happiness();
    const first = await t.call('import.validate', t.request);
    expect(first.sheetNames).toEqual(NAMES);
    expect(first.summary).toMatchObject({ total: 6, create: 3, error: 3 });
    expect(first.questions).toMatchObject([{ field: 'branch', value: '二支部', rows: 2, proposals: [{ id: t.second.id }] }]);
    expect(named(first.rows.filter((r) => r.status === 'error'))).toEqual([
      ['二支部!第4行', '冯三', 'error', [expect.stringContaining('与“幸福社区第二党支部”相近')]],
      ['二支部!第5行', '钱四', 'error', [expect.stringContaining('与“幸福社区第二党支部”相近')]],
      ['幸福社区退休职工党支部!第4行', '周六', 'error', [expect.stringContaining('idNumber：')]],
    ]);

    // Answered once: 二支部's two rows read; 钱四 carries 吴一's ID number from the first sheet.
    const answered = await t.call('import.validate', { ...t.request, values: { branch: { 二支部: t.second.id } } });
    expect(answered.questions).toMatchObject([{ value: '二支部', answer: t.second.id }]);
    expect(named(answered.rows.filter((r) => r.status === 'error' || r.status === 'duplicate'))).toEqual([
      ['二支部!第5行', '钱四', 'duplicate', ['idNumber：与幸福社区第一党支部!第3行重复']],
      ['幸福社区退休职工党支部!第4行', '周六', 'error', [expect.stringContaining('idNumber：')]],
    ]);
    expect(answered.preview.map((p) => [rowLabel(p.row, NAMES), p.values.name, p.values.branch])).toEqual([
      ['幸福社区第一党支部!第3行', '吴一', '幸福社区第一党支部'],
      ['幸福社区第一党支部!第4行', '郑二', '幸福社区第一党支部'],
      ['二支部!第4行', '冯三', '幸福社区第二党支部'],
      ['幸福社区退休职工党支部!第3行', '孙五', '幸福社区退休职工党支部'],
    ]);
    expect(answered.canCommit).toBe(false);
  });

  it('the hidden sheet is imported only when ticked, and a sheet of another layout is refused by name', async () => {
    const t = await happiness();
    const values = { branch: { 二支部: t.second.id } };
    const withHidden = await t.call('import.validate', { ...t.request, values, sheets: [...BRANCH_SHEETS, '2019年已转出'] });
    expect(withHidden.summary.total).toBe(7);
    expect(withHidden.questions.map((q) => q.value)).toEqual(['二支部', '2019年已转出']);
    const env = await t.attempt('import.validate', { ...t.request, sheets: [...BRANCH_SHEETS, '说明'] });
    expect(env).toMatchObject({ ok: false, error: { reason: 'IMPORT_SHEET_LAYOUT', message: '工作表“说明”的表头与“幸福社区第一党支部”不同，不能合并导入' } });
  });

  it('an excluded row is left out on its own sheet only (row 4 of the third sheet, not row 4 of 二支部)', async () => {
    const t = await happiness();
    const report = await t.call('import.validate', { ...t.request, options: { excludeRows: [at('幸福社区退休职工党支部', 4)] } });
    expect(report.summary).toMatchObject({ excluded: 1, error: 2 });
    expect(named(report.rows.filter((r) => r.status === 'error')).map((r) => r[0])).toEqual(['二支部!第4行', '二支部!第5行']);
  });
});

describe('one commit for every chosen sheet: all or nothing', () => {
  it('an error on the third sheet blocks the first two until it is excluded; then one import, one audit entry naming the sheets', async () => {
    const t = await happiness();
    const values = { branch: { 二支部: t.second.id } };
    const stored = async () => (await t.call('party.listMembers', { lifecycle: 'all' })).rows.map((m) => m.name).sort();
    const before = await stored();

    const duplicateOut = await t.attempt('import.commit', { ...t.request, values, options: { excludeRows: [at('二支部', 5)] } });
    expect(duplicateOut).toMatchObject({ ok: false, error: { reason: 'IMPORT_HAS_ERRORS', message: expect.stringContaining('有 1 行有错误，没有导入任何数据') } });
    if (!duplicateOut.ok) expect(duplicateOut.error.fields?.[0]?.message).toMatch(/^幸福社区退休职工党支部!第4行：/);
    expect(await stored()).toEqual(before);
    expect((await t.call('system.listAudit', { entity: 'import_batch' })).total).toBe(0);

    const excludeRows = [at('二支部', 5), at('幸福社区退休职工党支部', 4)];
    const done = await t.call('import.commit', { ...t.request, values, options: { excludeRows } });
    expect(done).toMatchObject({ created: 4, excluded: 2 });
    const of = async (orgId: string) => (await t.call('party.listMembers', { orgId })).rows.map((m) => m.name).sort();
    expect(await of(t.first.id)).toEqual(['吴一', '郑二']);
    expect(await of(t.second.id)).toEqual(['冯三']);
    expect(await of(t.retired.id)).toEqual(['孙五']);

    const audit = await t.call('system.listAudit', { entity: 'import_batch' });
    expect(audit.total).toBe(1);
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({
      sheet: '幸福社区第一党支部、二支部、幸福社区退休职工党支部',
      sheets: BRANCH_SHEETS,
      created: 4,
      excluded: 2,
      excludedRows: ['二支部!第5行', '幸福社区退休职工党支部!第4行'],
      values,
    });
    // The answer is remembered with the layout: every sheet of it, next time, reads 二支部 as answered.
    expect((await t.call('import.analyse', { register: 'party.members', file: t.file, sheet: '二支部' })).values).toEqual(values);
  });

  it('the downloaded 核对结果 has a 工作表 column before the row number, every sheet\'s rows in workbook order', async () => {
    const t = await happiness();
    const out = await t.call('import.downloadReport', t.request);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const texts = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(texts(1)).toEqual(['工作表', '原行号', '序号', '姓名', '身份证号', '入党时间', '党员状态', '（工作表名称）', '导入结果', '错误说明']);
    const lines = Array.from({ length: 6 }, (_, i) => texts(i + 2)).map((r) => [r[0], r[1], r[3], r[8]]);
    expect(lines).toEqual([
      ['幸福社区第一党支部', '3', '吴一', '新增'],
      ['幸福社区第一党支部', '4', '郑二', '新增'],
      ['二支部', '4', '冯三', '有错误'],
      ['二支部', '5', '钱四', '有错误'],
      ['幸福社区退休职工党支部', '3', '孙五', '新增'],
      ['幸福社区退休职工党支部', '4', '周六', '有错误'],
    ]);
    const audit = await t.call('system.listAudit', { entity: 'import_report' });
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({ sheets: BRANCH_SHEETS, rows: 6, unmasked: false });
  });
});

describe('sheets kept by different hands: the same columns in another order, one more or one fewer', () => {
  const ALIKE = ['幸福社区第一党支部', '幸福社区第二党支部', '幸福社区第三党支部'];

  async function alike() {
    const t = await partyFixture();
    const root = await rootOrg(t.call);
    const committee = await t.call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '幸福社区党委' });
    const branches: Record<string, string> = {};
    for (const name of [...ALIKE, '幸福社区第四党支部']) {
      branches[name] = (await t.call('party.createOrg', { parentId: committee.id, level: 'branch', kind: '党支部', name })).id;
    }
    const file = await upload(alikeSheetsWorkbook(), '各支部党员名册.xlsx');
    return { ...t, branches, file };
  }

  it('offers every sheet with the required columns, each saying how its header differs; 第四 without 入党时间 is not offered', async () => {
    const t = await alike();
    // 第二 reads most fields (its 备注 too), so it is the layout the others are held against.
    const a = await t.call('import.analyse', { register: 'party.members', file: t.file });
    expect(a.sheet).toBe('幸福社区第二党支部');
    expect(a.mapping).toMatchObject({ name: 1, status: 2, idNumber: 3, joinedOn: 4, note: 5, branch: SHEET_NAME_COLUMN });
    expect(a.sameLayout).toEqual([
      { name: '幸福社区第一党支部', headerRow: 2, dataRows: 1, hidden: false, differs: '没有“备注”列（按空白导入）；列的顺序不同' },
      { name: '幸福社区第二党支部', headerRow: 2, dataRows: 2, hidden: false, differs: null },
      { name: '幸福社区第三党支部', headerRow: 2, dataRows: 1, hidden: false, differs: '没有“备注”列（按空白导入）；没有“序号”列；列的顺序不同' },
    ]);
    // Held against 第一 instead, 第二's 备注 is a column more, not read.
    const first = await t.call('import.analyse', { register: 'party.members', file: t.file, sheet: '幸福社区第一党支部' });
    expect(first.sameLayout.map((s) => [s.name, s.differs])).toEqual([
      ['幸福社区第一党支部', null],
      ['幸福社区第二党支部', '多出“备注”列（不导入）；列的顺序不同'],
      ['幸福社区第三党支部', '没有“序号”列'],
    ]);
  });

  it('one commit reads each sheet by its own header: 第二\'s columns where it has them, 第一\'s missing 备注 blank', async () => {
    const t = await alike();
    const a = await t.call('import.analyse', { register: 'party.members', file: t.file });
    const request = { register: 'party.members', file: t.file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, sheets: ALIKE };
    const report = await t.call('import.validate', request);
    expect(report.summary).toMatchObject({ total: 4, create: 4, error: 0 });
    expect(report.preview.map((p) => [p.values.name, p.values.joinedOn, p.values.note])).toEqual([
      ['吴一', '1999-07-01', ''],
      ['冯三', '2001-06-30', '报到单位：市二医院'],
      ['钱四', '2025-11-20', ''],
      ['孙五', '1988-07-01', ''],
    ]);
    // Each row named by its own sheet and Excel row, aligned or not.
    expect(report.preview.map((p) => rowLabel(p.row, report.sheetNames))).toEqual([
      '幸福社区第一党支部!第3行',
      '幸福社区第二党支部!第3行',
      '幸福社区第二党支部!第4行',
      '幸福社区第三党支部!第3行',
    ]);
    expect(await t.call('import.commit', request)).toMatchObject({ created: 4 });
    const members = (await t.call('party.listMembers', { lifecycle: 'all' })).rows;
    const read = (name: string) => {
      const m = members.find((x) => x.name === name)!;
      return [m.orgId, m.joinedOn, m.status];
    };
    expect(read('吴一')).toEqual([t.branches['幸福社区第一党支部'], '1999-07-01', 'full']);
    expect(read('冯三')).toEqual([t.branches['幸福社区第二党支部'], '2001-06-30', 'full']);
    expect(read('钱四')).toEqual([t.branches['幸福社区第二党支部'], '2025-11-20', 'probationary']);
    expect(read('孙五')).toEqual([t.branches['幸福社区第三党支部'], '1988-07-01', 'full']);
  });

  it('a sheet without a required column is refused by name and by the column it lacks, and nothing is imported', async () => {
    const t = await alike();
    const a = await t.call('import.analyse', { register: 'party.members', file: t.file });
    const request = { register: 'party.members', file: t.file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, sheets: [...ALIKE, '幸福社区第四党支部'] };
    const env = await t.attempt('import.commit', request);
    expect(env).toMatchObject({
      ok: false,
      error: { reason: 'IMPORT_SHEET_LAYOUT', message: '工作表“幸福社区第四党支部”没有必填的“入党时间”列，不能与“幸福社区第二党支部”合并导入：取消勾选这个工作表' },
    });
    expect((await t.call('party.listMembers', { lifecycle: 'all' })).total).toBe(0);
  });
});

describe('speed', () => {
  /** 10,000 members: in one sheet, or split over four branch sheets of the same layout. */
  function tenThousand(sheets: number) {
    const wb = new ExcelJS.Workbook();
    const per = 10_000 / sheets;
    for (let s = 0; s < sheets; s++) {
      const ws = wb.addWorksheet(`第${s + 1}党支部`);
      ws.addRow(['姓名', '身份证号', '入党时间', '党员状态', '所在党支部']);
      for (let i = s * per; i < (s + 1) * per; i++) {
        const birth = `19${50 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        ws.addRow([`党员${i}`, idNumber('130104', birth, i, i % 2 ? 'male' : 'female'), '2010-07-01', '正式党员', '阳光小区党支部']);
      }
    }
    return wb;
  }

  it('checking 10,000 rows over four sheets does the work of one sheet of 10,000', async () => {
    const t = await partyFixture();
    const timed = async (sheets: number) => {
      const file = await upload(tenThousand(sheets), `${sheets}.xlsx`);
      const a = await t.call('import.analyse', { register: 'party.members', file });
      const request = { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, sheets: a.sameLayout.map((s) => s.name) };
      const cold = performance.now();
      const first = await t.call('import.validate', request); // parses and reads the rows once (kept per sheet)
      const firstMs = performance.now() - cold;
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await t.call('import.validate', request);
        runs.push(performance.now() - start);
      }
      return { report: first, first: firstMs, median: runs.sort((x, y) => x - y)[2]! };
    };
    const one = await timed(1);
    const four = await timed(4);
    expect(one.report.summary).toMatchObject({ total: 10_000, create: 10_000 });
    expect(four.report.summary).toMatchObject({ total: 10_000, create: 10_000 });
    const say = (x: typeof one) => `${x.first.toFixed(0)} ms first, ${x.median.toFixed(0)} ms again (median of 5)`;
    console.log(`validate 10,000 rows — one sheet: ${say(one)}; four sheets: ${say(four)}`);
  }, 180_000);
});
