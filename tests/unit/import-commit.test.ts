import path from 'node:path';
import { connect } from '../../db/driver';
import { openFile, withBulkCache } from '../../db/open';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { encodeGb18030, ids, messyMemberWorkbook, messyRows, upload } from './import-files';
import { partyFixture } from './party-fixture';
import { orgCount } from '../orgs';
import { tempDir } from './helpers';

const BAD_ROWS = [messyRows.badId, messyRows.duplicate, messyRows.unknownBranch, messyRows.idAsNumber];

async function prepared() {
  const t = await partyFixture();
  await t.member('钱七', { idNumber: ids.existing, birthDate: '1960-02-29', joinedOn: '1985-07-01' });
  const file = await upload(messyMemberWorkbook());
  const a = await t.call('import.analyse', { register: 'party.members', file });
  const request = { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping };
  return { ...t, file, request };
}

/** Everything an import could have left behind. */
async function traces(t: Awaited<ReturnType<typeof prepared>>) {
  const audit = await t.call('system.listAudit', { limit: 500 });
  return {
    members: (await t.call('party.listMembers', { lifecycle: 'all' })).total,
    orgs: await orgCount(t.call),
    importAudit: audit.rows.filter((r) => r.action.startsWith('import')).length,
  };
}

describe('the commit is all or nothing', () => {
  it('a failure in the middle of writing leaves nothing: no members, no created units, no history', async () => {
    const t = await prepared();
    const before = await traces(t);
    // The database refuses the third good row while the first two (and a created branch) are already written.
    const side = connect(t.core.services.dbFile);
    side.exec(`CREATE TRIGGER boom BEFORE INSERT ON members WHEN NEW.name = '周九' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    side.close();
    const env = await t.attempt('import.commit', { ...t.request, options: { createMissing: true, excludeRows: [6, 7, 11] } });
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await traces(t)).toEqual(before);
  });

  it('a second import of the same file is flagged, and with "skip" changes nothing', async () => {
    const t = await prepared();
    const options = { excludeRows: BAD_ROWS };
    await t.call('import.commit', { ...t.request, options });
    const again = await t.call('import.analyse', { register: 'party.members', file: t.file });
    expect(again.previousImports).toMatchObject([{ fileName: '党员花名册.xlsx', created: 3, operator: '王芳' }]);
    expect(again.mappingSource).toBe('remembered');
    const report = await t.call('import.validate', { ...t.request, options });
    expect(report.summary).toMatchObject({ create: 0, skip: 4 });
    expect(await t.attempt('import.commit', { ...t.request, options })).toMatchObject({ ok: false, error: { reason: 'IMPORT_NOTHING' } });
  });
});

describe('the downloadable report', () => {
  it('holds the original rows with the outcome, the explanation, and error cells filled red', async () => {
    const t = await prepared();
    const out = await t.call('import.downloadReport', t.request);
    expect(out.fileName).toBe('党员花名册-核对结果.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['原行号', '序号', '姓  名']);
    expect(header.slice(-2)).toEqual(['导入结果', '错误说明']);
    const rowOf = (n: number) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === n)!;
    const bad = rowOf(messyRows.badId);
    expect(bad.getCell(header.length - 1).value).toBe('有错误');
    expect(bad.getCell(header.length).value).toBe('身份证号：身份证号校验位不正确，请核对');
    const idCell = bad.getCell(1 + 7); // 原行号 + column G
    expect(idCell.value).toBe(`${ids.badCheck.slice(0, 6)}********${ids.badCheck.slice(14)}`); // masked like every export
    expect((idCell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((rowOf(4).getCell(1 + 7).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE'); // a good row's cell
    expect(rowOf(messyRows.existing).getCell(header.length - 1).value).toBe('已存在，跳过');
  });
});

describe('CSV from Chinese Excel', () => {
  it('imports a GB18030 file, its dates as text', async () => {
    const t = await partyFixture();
    const id = idNumber('130104', '1970-03-05', 300, 'female');
    const csv = `姓名,性别,身份证号码,入党日期,党员状态,所在支部\r\n刘芳,女,${id},2001/7/1,正式,阳光小区党支部\r\n`;
    const file = { fileName: '名册.csv', contentBase64: Buffer.from(encodeGb18030(csv)).toString('base64') };
    const a = await t.call('import.analyse', { register: 'party.members', file });
    expect(a).toMatchObject({ format: 'csv', encoding: 'GB18030', headerRow: 1 });
    const done = await t.call('import.commit', { register: 'party.members', file, sheet: a.sheet, headerRow: 1, mapping: a.mapping });
    expect(done.created).toBe(1);
    expect((await t.call('party.listMembers', {})).rows[0]).toMatchObject({ name: '刘芳', joinedOn: '2001-07-01', birthDate: '1970-03-05' });
  });
});

describe('refusals that say what to do', () => {
  it('an old .xls (or a password-protected file) and a damaged .xlsx', async () => {
    const t = await partyFixture();
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]).toString('base64');
    const env = await t.attempt('import.analyse', { register: 'party.members', file: { fileName: '名册.xls', contentBase64: ole } });
    expect(env).toMatchObject({ ok: false, error: { reason: 'IMPORT_FILE_UNREADABLE', message: expect.stringContaining('另存为 .xlsx 或 .csv') } });
    const et = await t.attempt('import.analyse', { register: 'party.members', file: { fileName: '名册.et', contentBase64: ole } });
    expect(et).toMatchObject({ ok: false, error: { message: expect.stringContaining('WPS 表格（.et）文件：请在 WPS 中选择“文件 › 另存为”') } });
    const broken = await t.attempt('import.analyse', { register: 'party.members', file: { fileName: '名册.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') } });
    expect(broken).toMatchObject({ ok: false, error: { message: expect.stringContaining('不是有效的 Excel 文件') } });
  });

  it('a mapping without a required column: the report says which, and the commit refuses', async () => {
    const t = await prepared();
    const request = { ...t.request, mapping: { ...t.request.mapping, joinedOn: null } };
    const report = await t.call('import.validate', request);
    expect(report).toMatchObject({ mappingProblems: ['“入党日期”必须对应文件中的一列'], canCommit: false });
    expect(await t.attempt('import.commit', request)).toMatchObject({ ok: false, error: { reason: 'IMPORT_MAPPING' } });
  });
});

describe('the commit’s larger page cache', () => {
  it('is the bulk write’s alone: the connection gets its usual cache back, after a failure too', () => {
    const db = openFile(path.join(tempDir(), 'cache.sqlite'));
    const cacheKib = () => -(db.pragma('cache_size', { simple: true }) as number);
    const usual = cacheKib();
    let during = 0;
    withBulkCache(db, () => (during = cacheKib()));
    expect(during).toBeGreaterThanOrEqual(8 * usual);
    expect(cacheKib()).toBe(usual);
    expect(() => withBulkCache(db, () => { throw new Error('disk full'); })).toThrow('disk full');
    expect(cacheKib()).toBe(usual);
    db.close();
  });
});
