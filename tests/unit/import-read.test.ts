import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectHeader, headerTexts, proposeMapping } from '../../main/api/import/header';
import { decodeText, parseCsv, readCsv } from '../../main/api/import/read/csv';
import { serialToIso, type Cell } from '../../main/api/import/read/cells';
import { Problems } from '../../main/api/import/problems';
import type { ImportField } from '../../main/api/import/register';
import { readValue } from '../../main/api/import/values';
import { readXlsx } from '../../main/api/import/read/xlsx';
import { registerOf } from '../../main/api/import/registry';
import { encodeGb18030 } from './import-files';

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const members = registerOf('party.members');

describe('reading xlsx cells', () => {
  it('reads rich text, formula results, booleans, errors and dates in Chinese formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = { richText: [{ text: '阳光' }, { font: { bold: true }, text: '小区党支部' }] };
    ws.getCell('B1').value = { formula: 'CONCATENATE("张","三")', result: '张三' };
    ws.getCell('C1').value = { formula: '1+1', result: 2 };
    ws.getCell('D1').value = true;
    ws.getCell('E1').value = { error: '#N/A' };
    ws.getCell('F1').value = new Date(Date.UTC(2019, 6, 1));
    ws.getCell('F1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('G1').value = 43647; // the same day as a bare serial number: stays a number here
    ws.getCell('H1').value = 'A & B <c>';
    const [sheet] = readXlsx(await bytesOf(wb)).sheets;
    expect(sheet!.rows[0]).toEqual([
      { kind: 'text', text: '阳光小区党支部' },
      { kind: 'text', text: '张三' },
      { kind: 'number', value: 2, text: '2' },
      { kind: 'bool', value: true, text: 'TRUE' },
      { kind: 'error', text: '#N/A' },
      { kind: 'date', iso: '2019-07-01', text: '2019-07-01' },
      { kind: 'number', value: 43647, text: '43647' },
      { kind: 'text', text: 'A & B <c>' },
    ]);
  });

  it('lists sheets with their names and fills ranges merged down, not titles merged across', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('第一支部');
    ws.addRow(['标题']);
    ws.mergeCells('A1:C1');
    ws.addRow(['支部', '姓名']);
    ws.addRow(['阳光支部', '张三']);
    ws.addRow([null, '李四']);
    ws.mergeCells('A3:A4');
    wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['x']);
    const { sheets } = readXlsx(await bytesOf(wb));
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([['第一支部', false], ['隐藏', true]]);
    expect(sheets[0]!.rows[0]![1]).toBeUndefined();
    expect(sheets[0]!.rows[3]![0]).toEqual({ kind: 'text', text: '阳光支部' });
  });

  it('turns Excel serial days into dates, with the 1900 leap-year quirk', () => {
    expect(serialToIso(43647)).toBe('2019-07-01');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(43647.75)).toBe('2019-07-01');
    expect(serialToIso(0)).toBeNull();
  });

  it('refuses what is not a spreadsheet with a sentence saying what to do', () => {
    expect(() => readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/不是有效的 .xlsx 文件/);
  });
});

describe('reading CSV', () => {
  const text = '姓名,身份证号,所在支部\r\n张三,"110101199003071234",阳光小区党支部\r\n"李,四","含""引号""",\r\n';

  it('reads UTF-8 with a BOM, GB18030 (Chinese Excel\'s "CSV") and UTF-16 "Unicode text"', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeText(utf8)).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(encodeGb18030(text))).toEqual({ text, encoding: 'GB18030' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text.replace(/,/g, '\t'), 'utf16le'))]);
    expect(readCsv(utf16, 'x.txt').sheets[0]!.rows[1]!.map((c) => c?.text)).toEqual(['张三', '110101199003071234', '阳光小区党支部']);
  });

  it('keeps quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv(text)).toEqual([
      ['姓名', '身份证号', '所在支部'],
      ['张三', '110101199003071234', '阳光小区党支部'],
      ['李,四', '含"引号"', ''],
    ]);
    expect(parseCsv('a,"x\ny"\nb,c')).toEqual([['a', 'x\ny'], ['b', 'c']]);
  });
});

describe('finding the header and the columns', () => {
  const sheetOf = (rows: (string | null)[][]) => ({
    name: 's',
    hidden: false,
    merges: [],
    rows: rows.map((r) => r.map((t) => (t === null ? undefined : { kind: 'text' as const, text: t }))),
  });

  it('skips a title and a unit/period line, and prefers the lower line of a two-row header', () => {
    const sheet = sheetOf([
      ['2026年党员信息统计表'],
      ['填报单位：西里社区', null, null, '2026年3月'],
      ['姓名', '联系方式', null, '所在支部'],
      ['姓名', '手机号码', '家庭住址', '所在支部'],
      ['张三', '13812345678', '3号楼', '阳光小区党支部'],
    ]);
    expect(detectHeader(sheet, members)).toEqual({ row: 3, score: 4 });
  });

  it('matches synonyms, padded and starred headers, and headers with notes', () => {
    const texts = ['序号', '姓 名*', '公民身份号码', '出生年月', '联系电话', '入党时间（年月日）', '所属党支部', '职务', '备注'];
    const mapping = proposeMapping(members, texts);
    expect(mapping).toMatchObject({ name: 1, idNumber: 2, birthDate: 3, phone: 4, joinedOn: 5, branch: 6, role: 7, note: 8, gender: null });
    expect(headerTexts(sheetOf([texts]), 0)).toEqual(texts);
  });
});

describe('reading cells as fields', () => {
  const field = (kind: ImportField['kind'], extra: Partial<ImportField> = {}): ImportField => ({ key: 'f', label: '入党日期', kind, ...extra });
  const read = (f: ImportField, cell: Cell | undefined) => {
    const problems = new Problems();
    return { value: readValue(f, cell, problems), issues: problems.issues.map((i) => i.message), warnings: problems.warnings.map((i) => i.message) };
  };
  const text = (t: string): Cell => ({ kind: 'text', text: t });

  it('reads dates in every form a register has them; a date kept to the month is the 1st, with a warning', () => {
    const date = field('date');
    expect(read(date, { kind: 'date', iso: '2019-07-01', text: '2019-07-01' }).value).toBe('2019-07-01');
    expect(read(date, { kind: 'number', value: 43647, text: '43647' }).value).toBe('2019-07-01');
    expect(read(date, text('2019/7/1 0:00:00')).value).toBe('2019/7/1');
    expect(read(date, text(' ２０１９年７月１日 ')).value).toBe('2019年7月1日');
    expect(read(date, text('2001.07'))).toEqual({ value: '2001-07-01', issues: [], warnings: ['只写到了月，登记为 2001-07-01，并标注“日期不详”'] });
    expect(read(date, text('1962年11月')).value).toBe('1962-11-01');
    expect(read(date, text('2001.13'))).toMatchObject({ value: null, issues: ['入党日期的月份不正确（2001.13）'] });
    // A register that knows better (the birth date in the ID number) receives the month itself.
    expect(read({ ...date, monthOnly: 'keep' }, text('1947-08'))).toEqual({ value: '1947-08', issues: [], warnings: [] });
  });

  it('normalises text, names, yes/no and choices, and says what a choice may be', () => {
    expect(read(field('text'), text(' ３号楼\u00a0')).value).toBe('3号楼');
    expect(read(field('text'), text('—')).value).toBeNull();
    expect(read(field('personName'), text('张　三')).value).toBe('张三');
    expect(read(field('personName'), text('Anna Li')).value).toBe('Anna Li');
    expect(read(field('boolean'), text('√')).value).toBe(true);
    expect(read(field('boolean'), text('否')).value).toBe(false);
    const gender = field('choice', { label: '性别', choices: { male: ['男', '男性'], female: ['女', '女性'] } });
    expect(read(gender, text(' 男性 ')).value).toBe('male');
    expect(read(gender, text('未知'))).toMatchObject({ value: null, issues: ['性别应为：男、女'] });
    expect(read(field('integer', { label: '户数' }), text('1,200')).value).toBe(1200);
    expect(read(field('integer', { label: '户数' }), text('约100')).issues).toEqual(['户数应为整数']);
  });

  it('refuses an ID number Excel turned into a number, in a sheet and in a CSV', () => {
    const id = field('idNumber');
    expect(read(id, { kind: 'number', value: 130104197001010000, text: '1.3010419700101E+17' }).issues[0]).toMatch(/^身份证号被 Excel 存成了数字/);
    expect(read(id, text('1.30104E+17')).issues[0]).toMatch(/^身份证号被 Excel 存成了数字/);
    expect(read(id, text("'13010419700101123X")).value).toBe('13010419700101123X');
  });
});
