import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../main/export/types';
import { WorkbookBuilder } from '../../main/export/xlsx/workbook';
import { TEST_NOW } from './helpers';

interface Entry {
  name: string;
  on: string;
  hours: number;
  fen: number;
  done: number;
  due: number;
  idNumber: string;
}

const columns: Column<Entry>[] = [
  { key: 'name', header: '姓名', width: 8, kind: 'text', value: (r) => r.name, total: { count: '人' } },
  { key: 'idNumber', header: '身份证号', width: 20, kind: 'text', personal: 'idCard', value: (r) => r.idNumber },
  { key: 'on', header: '日期', width: 11, kind: 'date', value: (r) => r.on },
  { key: 'hours', header: '时长', width: 6, kind: 'int', value: (r) => r.hours, total: 'average' },
  { key: 'tenths', header: '工时', width: 6, kind: 'tenths', value: (r) => r.hours * 10 + 5, total: 'sum' },
  { key: 'fen', header: '金额', width: 12, kind: 'money', value: (r) => r.fen, total: 'sum' },
  { key: 'done', header: '完成', width: 6, kind: 'int', value: (r) => r.done, total: 'sum' },
  { key: 'due', header: '应完成', width: 6, kind: 'int', value: (r) => r.due, total: 'sum' },
  { key: 'rate', header: '完成率', width: 7, kind: 'percent', value: (r) => r.done / r.due, total: { ratio: ['done', 'due'] } },
];

const entries: Entry[] = [
  { name: '张三', on: '2026-11-02', hours: 3, fen: 123456, done: 1, due: 2, idNumber: '110101199003077777' },
  { name: '李四', on: '2026-11-05', hours: 4, fen: 100, done: 3, due: 3, idNumber: '110101199003071234' },
];

const heading = { title: '西里社区测试台账', unitName: '西里社区', periodText: '2026年11月', preparer: '王芳', preparedOn: '2026-11-22' };

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the register workbook writer', () => {
  it('writes every column kind as a real cell with its format, and totals by each rule', async () => {
    const b = new WorkbookBuilder('王芳', TEST_NOW);
    expect(await b.addSheet('测试/台账:一', heading, columns, entries, { unmasked: false })).toBe(2);
    const ws = (await load(await b.finish())).worksheets[0]!;
    expect(ws.name).toBe('测试台账一'); // characters a sheet name may not hold are dropped
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(row(4)).toEqual(['序号', '姓名', '身份证号', '日期', '时长', '工时', '金额', '完成', '应完成', '完成率']);
    expect(row(5)).toEqual([1, '张三', '110101********7777', new Date(Date.UTC(2026, 10, 2)), 3, 3.5, 1234.56, 1, 2, 0.5]);
    expect(ws.getCell('F5').numFmt).toBe('0.0');
    expect(ws.getCell('G5').numFmt).toBe('"¥"#,##0.00');
    expect(ws.getCell('C5').numFmt).toBe('@');
    expect(row(7)).toEqual(['合计', '共 2 人', undefined, undefined, 3.5, 8, 1235.56, 4, 5, 0.8]);
    expect(ws.getCell('B7').font).toMatchObject({ bold: true });
  });

  it('writes personal numbers in full only when told to', async () => {
    const b = new WorkbookBuilder('王芳', TEST_NOW);
    await b.addSheet('台账', heading, columns, entries, { unmasked: true });
    expect((await load(await b.finish())).worksheets[0]!.getCell('C5').value).toBe('110101199003077777');
  });

  it('streams a large register and reports progress as it goes', async () => {
    const b = new WorkbookBuilder('王芳', TEST_NOW);
    const seen: number[] = [];
    function* many() {
      for (let i = 0; i < 10_000; i++) yield { ...entries[i % 2]!, name: `人员${i}` };
    }
    expect(await b.addSheet('大台账', heading, columns, many(), { unmasked: false, onRows: (n) => seen.push(n) })).toBe(10_000);
    const ws = (await load(await b.finish())).worksheets[0]!;
    expect(ws.getCell('B10004').value).toBe('人员9999');
    expect(ws.getCell('B10005').value).toBe('共 10,000 人');
    expect(seen).toEqual([2000, 4000, 6000, 8000, 10000, 10000]);
  });

  it('gives sheets of the same name distinct names and leaves an empty register without a 合计 row', async () => {
    const b = new WorkbookBuilder('王芳', TEST_NOW);
    await b.addSheet('台账', heading, columns, [], { unmasked: false });
    await b.addSheet('台账', heading, columns, entries, { unmasked: false });
    const wb = await load(await b.finish());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账', '台账(2)']);
    expect(wb.worksheets[0]!.rowCount).toBe(4);
  });
});
