import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { branchSheetsWorkbook, ids, noIdWorkbook, placesWorkbook, rosterExpected, rosterWorkbook } from '../fixtures/import/make';
import { upload } from './import-files';
import { partyFixture } from './party-fixture';

/** The real-layout corpus (tests/fixtures/import/make.ts) through the real router on a real SQLite file. */

async function roster() {
  const t = await partyFixture();
  const file = await upload(rosterWorkbook(), '西里社区党员花名册.xlsx');
  const analysis = await t.call('import.analyse', { register: 'party.members', file });
  const request = { register: 'party.members', file, sheet: analysis.sheet, headerRow: analysis.headerRow, mapping: analysis.mapping };
  return { ...t, file, analysis, request };
}

describe('the community roster (花名册)', () => {
  it('reads the two-row header merged by group: the lower line names the fields', async () => {
    const { analysis } = await roster();
    expect(analysis.headerRow).toBe(3);
    const letter = (key: string) => analysis.columns[analysis.mapping[key]!]?.letter;
    expect({ name: letter('name'), birth: letter('birthDate'), id: letter('idNumber'), joined: letter('joinedOn'), category: letter('category'), branch: letter('branch'), note: letter('note') })
      .toEqual({ name: 'B', birth: 'D', id: 'E', joined: 'F', category: 'H', branch: 'K', note: 'L' });
  });

  it('shows the hidden column of old phones as hidden and maps the visible 联系电话', async () => {
    const { analysis } = await roster();
    expect(analysis.columns[8]).toMatchObject({ letter: 'I', header: '联系电话', hidden: true });
    expect(analysis.columns[9]).toMatchObject({ letter: 'J', header: '联系电话', hidden: false });
    expect(analysis.mapping.phone).toBe(9);
  });

  it('shows no full ID number or mobile on the mapping screen', async () => {
    const { analysis } = await roster();
    expect(analysis.columns[4]!.samples[0]).toBe(`${ids.zhang.slice(0, 6)}********${ids.zhang.slice(14)}`);
    expect(analysis.columns[9]!.samples[0]).toBe('138****0001');
    expect(JSON.stringify(analysis)).not.toContain(ids.zhang);
  });
});

/** Runs the roster's check and finds each Excel row's outcome, as the clerk would read the report. */
async function checked() {
  const t = await roster();
  const report = await t.call('import.validate', t.request);
  const at = (row: number) => report.rows.find((r) => r.row === row);
  return { ...t, report, at };
}

describe('month-only dates', () => {
  it('takes the birth date from the ID number when the month agrees, and reports a disagreement', async () => {
    const { at, report } = await checked();
    expect(at(6)).toMatchObject({ status: 'error', issues: [{ field: 'birthDate', message: '出生年月（1947年8月）与身份证号不一致（身份证为 1947-09-02）' }] });
    const [zhang, li] = report.preview.filter((p) => p.row === 4 || p.row === 5).map((p) => p.values);
    expect(zhang).toMatchObject({ birthDate: '1956-03-12', joinedOn: '1980-07-01', fullOn: '1981-07-01' });
    expect(li).toMatchObject({ birthDate: '1962-11-03', joinedOn: '1990-07-01' });
  });

  it('registers a month-only 入党时间 as the 1st with a warning and 日期不详 in the 备注, never refused', async () => {
    const { at, call, request } = await checked();
    expect(at(4)).toMatchObject({ status: 'create', warnings: [{ field: 'joinedOn', message: '只写到了月，登记为 1980-07-01，并标注“日期不详”' }, { field: 'fullOn', message: expect.stringContaining('1981-07-01') }] });
    await call('import.commit', { ...request, options: { excludeRows: [6, 7, 8, 10, 11, 13, 14] } });
    const zhang = (await call('party.listMembers', { q: '张三' })).rows[0]!;
    const full = await call('party.getMember', { id: zhang.id });
    expect(full.member).toMatchObject({ birthDate: '1956-03-12', joinedOn: '1980-07-01', fullOn: '1981-07-01', note: '入党日期不详（只知 1980年7月）；转正日期不详（只知 1981年7月）' });
  });

  it('reads a month typed into a number cell (1980.07, and 1990.1 as October, said so) as a month-only date', async () => {
    const t = await partyFixture();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '身份证号', '入党时间', '党员状态', '所在党支部']);
    ws.addRow(['赵六', idNumber('130104', '1958-05-06', 4, 'female'), 1980.07, '正式党员', '阳光小区党支部']);
    ws.addRow(['孙七', idNumber('130104', '1966-02-03', 5, 'male'), 1990.1, '正式党员', '阳光小区党支部']);
    ws.addRow(['周八', idNumber('130104', '1970-02-03', 7, 'male'), 1995.13, '正式党员', '阳光小区党支部']);
    const file = await upload(wb);
    const a = await t.call('import.analyse', { register: 'party.members', file });
    const report = await t.call('import.validate', { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping });
    const values = (row: number) => report.preview.find((p) => p.row === row)?.values;
    expect(values(2)).toMatchObject({ joinedOn: '1980-07-01' });
    expect(report.rows.find((r) => r.row === 2)).toMatchObject({ status: 'create', warnings: [{ field: 'joinedOn', message: '只写到了月，登记为 1980-07-01，并标注“日期不详”' }] });
    expect(values(3)).toMatchObject({ joinedOn: '1990-10-01' });
    expect(report.rows.find((r) => r.row === 3)?.warnings).toContainEqual({ field: 'joinedOn', message: '入党日期写作 1990.1，按 1990年10月 读取；若是 1 月请改正' });
    expect(report.rows.find((r) => r.row === 4)).toMatchObject({ status: 'error', issues: [{ field: 'joinedOn', message: '入党日期的月份不正确（1995.13）' }] });
  });

  it('imports 10,000 rows with month-only 出生年月', async () => {
    const t = await partyFixture();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '性别', '出生年月', '身份证号', '入党时间', '党员状态', '所在党支部']);
    for (let i = 0; i < 10_000; i++) {
      const birth = `19${50 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      ws.addRow([`党员${i}`, i % 2 ? '男' : '女', `${birth.slice(0, 4)}.${birth.slice(5, 7)}`, idNumber('130104', birth, i, i % 2 ? 'male' : 'female'), '2010-07-01', '正式党员', '阳光小区党支部']);
    }
    const file = await upload(wb, '一万人.xlsx');
    const a = await t.call('import.analyse', { register: 'party.members', file });
    const result = await t.call('import.commit', { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping });
    expect(result.created).toBe(10_000);
    const one = (await t.call('party.listMembers', { q: '党员9999' })).rows[0]!;
    expect((await t.call('party.getMember', { id: one.id })).member.birthDate).toBe('1989-04-04');
  }, 120_000);
});

describe('what registers write beside the data', () => {
  it('reads 预备党员 in 人员类别 as 社区党员 + 预备, and an in-service member without 工作单位 imports with a warning', async () => {
    const { at, report } = await checked();
    expect(at(7)).toMatchObject({ status: 'create', warnings: [{ field: 'joinedOn', message: expect.stringContaining('2025-07-01') }] });
    expect(report.preview.find((p) => p.row === 7)?.values).toMatchObject({ category: '社区党员', status: '预备党员', joinedOn: '2025-07-01' });
    expect(at(8)).toMatchObject({ status: 'create', warnings: expect.arrayContaining([{ field: 'workUnit', message: expect.stringContaining('导入后请在党员档案中补全') }]) });
    expect(report.preview.find((p) => p.row === 8)?.values).toMatchObject({ category: '在职党员', workUnit: '', note: expect.stringMatching(/^报到单位：市第一医院；入党日期不详/) });
  });

  it('skips the 合计 row with several filled cells and the row of spaces, and says so', async () => {
    const { at, report } = await checked();
    expect(at(15)).toBeUndefined();
    expect(at(16)).toBeUndefined();
    expect(report.skippedRows).toEqual([{ row: 15, reason: '空行（只有空格）' }, { row: 16, reason: '合计行' }]);
  });

  it('a 预备党员 category with a 正式 status is a question for the clerk, not a guess', async () => {
    const t = await partyFixture();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '身份证号', '入党时间', '党员状态', '人员类别', '所在党支部']);
    ws.addRow(['赵六', idNumber('130104', '1990-05-06', 4, 'female'), '2025-07-01', '正式党员', '预备党员', '阳光小区党支部']);
    const file = await upload(wb);
    const a = await t.call('import.analyse', { register: 'party.members', file });
    const report = await t.call('import.validate', { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping });
    expect(report.rows[0]).toMatchObject({ row: 2, status: 'error', issues: [{ field: 'status', message: expect.stringContaining('人员类别写的是预备党员') }] });
  });

  it('reads 72户 and 4个 as numbers, keeps the 备注, and skips the 合计 row of the place register', async () => {
    const t = await partyFixture();
    const file = await upload(placesWorkbook(), '小区楼栋台账.xlsx');
    const a = await t.call('import.analyse', { register: 'party.places', file });
    const request = { register: 'party.places', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping };
    const report = await t.call('import.validate', request);
    expect(report.summary).toMatchObject({ create: 2, error: 0 });
    expect(report.skippedRows).toEqual([{ row: 5, reason: '合计行' }]);
    await t.call('import.commit', request);
    const buildings = await t.call('party.listPlaces', {});
    expect(buildings.find((p) => p.name === '5号楼')).toMatchObject({ unitCount: 4, households: 72, note: '老旧小区改造 2024 年完成' });
  });
});

describe('the roster, row by row as the clerk expects it', () => {
  it.each(rosterExpected)('row $row: $outcome', async (want) => {
    const { report, at } = await shared();
    const got = at(want.row);
    if (want.outcome === 'hidden') {
      expect(got).toBeUndefined();
      expect(report.hiddenRows.map((h) => h.row)).toContain(want.row);
    } else if (want.outcome === 'skipped') {
      expect(got).toBeUndefined();
      expect(report.skippedRows.find((r) => r.row === want.row)?.reason).toContain(want.reason);
    } else {
      expect(got?.status ?? 'create').toBe(want.outcome);
      if (want.error) expect(got!.issues).toEqual([{ field: want.error.field, message: expect.stringContaining(want.error.message) }]);
      if (want.warning) expect(got!.warnings).toContainEqual({ field: want.warning.field, message: expect.stringContaining(want.warning.message) });
      if (want.stored) {
        const member = committed.get(want.stored.name as string);
        for (const [k, v] of Object.entries(want.stored)) {
          if (v && typeof v === 'object' && 'contains' in v) expect(member?.[k]).toContain(v.contains);
          else expect(member?.[k]).toEqual(v);
        }
      }
    }
  });

  // One check and one commit of the roster for every row's case; the bad rows excluded as the clerk would.
  let run: Awaited<ReturnType<typeof checked>> | null = null;
  const committed = new Map<string, Record<string, unknown>>();
  async function shared() {
    if (run) return run;
    run = await checked();
    const bad = rosterExpected.filter((e) => e.outcome === 'error').map((e) => e.row);
    await run.call('import.commit', { ...run.request, options: { excludeRows: bad } });
    for (const m of (await run.call('party.listMembers', { limit: 100 })).rows) {
      const { member } = await run.call('party.getMember', { id: m.id });
      const { idNumber: _id, phone: _phone, ...rest } = member as unknown as Record<string, unknown>;
      const full = await run.call('party.revealMember', { id: m.id, field: 'phone', reason: '核对导入结果' });
      committed.set(member.name, { ...rest, phone: full.value });
    }
    return run;
  }
});

describe('caught before they are stored', () => {
  it('leaves the filtered-out row out, names it, and imports it only when the clerk says so', async () => {
    const { report, call, request } = await checked();
    expect(report.hiddenRows).toEqual([{ row: 9, title: '钱七' }]);
    expect(report.summary.hidden).toBe(1);
    const included = await call('import.validate', { ...request, options: { includeHiddenRows: true } });
    expect(included.rows.find((r) => r.row === 9)).toMatchObject({ status: 'create', issues: [] }); // listed for its month-only dates
    expect(included.summary.create).toBe(report.summary.create + 1);
    expect(included.hiddenRows).toEqual([{ row: 9, title: '钱七' }]);
  });

  it('refuses cut-off mobiles and says what a landline looks like', async () => {
    const { at } = await checked();
    expect(at(10)!.issues).toEqual([{ field: 'phone', message: '手机号只有 8 位（应为 11 位），可能被截断，请核对' }]);
    const t = await partyFixture();
    const bad = await t.attempt('party.createMember', { name: '甲', gender: 'male', joinedOn: '2000-07-01', status: 'full', category: 'community', orgId: t.branch.id, phone: '0123456' });
    expect(bad).toMatchObject({ ok: false, error: { fields: [{ path: 'phone', message: expect.stringContaining('不以 0、1 开头') }] } });
  });

  it('refuses ID numbers with sequence 000 or a birth date that cannot be, their check digit right', async () => {
    const { at } = await checked();
    expect(at(13)!.issues[0]).toEqual({ field: 'idNumber', message: '身份证号的顺序码（第 15–17 位）是 000，不是有效的号码，请核对' });
    expect(at(14)!.issues[0]).toEqual({ field: 'idNumber', message: '身份证号中的出生日期无效（1956-02-31 不是可能的出生日期）' });
  });

  it('masks ID numbers and phones in the rows the screen lists and in the downloaded 核对结果; full values by choice, audited', async () => {
    const { report, call, request } = await checked();
    expect(JSON.stringify(report)).not.toMatch(/\d{17}[\dX]|1\d{10}/);
    const cellsOf = async (unmasked: boolean) => {
      const out = await call('import.downloadReport', { ...request, unmasked });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
      const texts: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value ?? ''))));
      // The full form says so in its name before it is opened.
      expect(out.fileName.endsWith('（含完整身份信息）.xlsx')).toBe(unmasked);
      return texts;
    };
    const masked = await cellsOf(false);
    expect(masked.join('|')).not.toMatch(/\d{17}[\dX]|1\d{10}/);
    expect(masked).toContain('138****0001');
    expect(await cellsOf(true)).toContain(ids.zhang);
    const audit = await call('system.listAudit', { entity: 'import_report' });
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['export', 'export_unmasked']);
  });
});

describe('a register without ID numbers, imported twice', () => {
  async function imported() {
    const t = await partyFixture();
    const file = await upload(noIdWorkbook(), '无身份证号的花名册.xlsx');
    const a = await t.call('import.analyse', { register: 'party.members', file });
    const request = { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping };
    expect((await t.call('import.commit', request)).created).toBe(5);
    return { ...t, request };
  }

  it('matches the stored people on name and birth date (or name and branch) instead of creating them again', async () => {
    const { call, attempt, request } = await imported();
    const again = await call('import.validate', request);
    expect(again.summary).toMatchObject({ create: 0, skip: 5, error: 0 });
    expect(again.rows.find((r) => r.row === 2)).toMatchObject({ status: 'skip', warnings: [{ field: 'name', message: '没有身份证号，按姓名和出生日期对应到已登记的党员' }] });
    expect(again.rows.find((r) => r.row === 5)?.warnings).toEqual([{ field: 'name', message: '没有身份证号，按姓名和所在组织对应到已登记的党员' }]);
    const env = await attempt('import.commit', request);
    expect(env).toMatchObject({ ok: false, error: { reason: 'IMPORT_NOTHING' } });
    expect((await call('party.listMembers', {})).total).toBe(5);
  });

  it('asks for the ID number when two stored people share the name and birth date', async () => {
    const { call, request, member, nextSeq } = await imported();
    await member('刘一', { birthDate: '1950-03-01', idNumber: idNumber('130104', '1950-03-01', nextSeq(), 'male') });
    const again = await call('import.validate', request);
    expect(again.rows.find((r) => r.row === 2)).toMatchObject({ status: 'error', issues: [{ field: 'name', message: '已登记 2 名同名、出生日期相同的党员，无法确定是哪一位：请填写身份证号' }] });
  });
});

describe('branch names that differ from the tree', () => {
  it('reads 中共…党支部委员会, …支部 and the community in front as the branch of the tree, and says so on the row', async () => {
    const t = await partyFixture();
    const file = await upload(branchSheetsWorkbook(), '按支部分表的花名册.xlsx');
    const warningsOf = async (sheet: string) => {
      const a = await t.call('import.analyse', { register: 'party.members', file, sheet });
      const report = await t.call('import.validate', { register: 'party.members', file, sheet, headerRow: a.headerRow, mapping: a.mapping });
      expect(report.rows.flatMap((r) => r.issues)).toEqual([]);
      expect(report.summary).toMatchObject({ error: 0, create: report.summary.total });
      expect(report.extras).toEqual([]);
      return report.rows.map((r) => [r.row, r.warnings.find((w) => w.field === 'branch')?.message]);
    };
    expect(await warningsOf('阳光小区党支部')).toEqual([[2, '组织架构中没有“西里社区阳光小区党支部”，按“阳光小区党支部”对应；不对请在“所在支部对应”中改选']]);
    expect(await warningsOf('阳光小区支部')).toEqual([
      [2, '组织架构中没有“阳光小区支部”，按“阳光小区党支部”对应；不对请在“所在支部对应”中改选'],
      [3, '组织架构中没有“中共阳光小区党支部委员会”，按“阳光小区党支部”对应；不对请在“所在支部对应”中改选'],
    ]);
  });
});

describe('"更新" writes only real changes', () => {
  it('re-importing an unchanged register in update mode writes and audits nothing; a changed row is updated and audited', async () => {
    const t = await partyFixture();
    const first = await upload(noIdWorkbook(), '无身份证号的花名册.xlsx');
    const a = await t.call('import.analyse', { register: 'party.members', file: first });
    const request = { register: 'party.members', file: first, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping };
    await t.call('import.commit', request);
    const again = await t.call('import.validate', { ...request, options: { duplicates: 'update' } });
    expect(again.summary).toMatchObject({ update: 0, skip: 5 });

    const changed = noIdWorkbook();
    changed.worksheets[0]!.getCell('G2').value = '13812349999'; // 刘一's new phone
    const file = await upload(changed, '无身份证号的花名册（改）.xlsx');
    const result = await t.call('import.commit', { ...request, file, options: { duplicates: 'update' } });
    expect(result).toMatchObject({ created: 0, updated: 1, skipped: 4 });
    expect((await t.call('system.listAudit', { entity: 'member' })).rows.filter((r) => r.action === 'import_update')).toHaveLength(1);
  });
});
