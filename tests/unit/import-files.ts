import ExcelJS from 'exceljs';
import { idNumber } from '../../scripts/lib/people';
import type { testCore } from './helpers';

/**
 * Registers as offices actually send them, built in the test: a merged title, a 填报单位/日期 line, headers written
 * with synonyms and padding, dates in four forms, full-width digits, trailing spaces, a branch name merged down,
 * a footer — plus the rows that must be refused.
 */

export const upload = async (wb: ExcelJS.Workbook, fileName = '党员花名册.xlsx') => ({
  fileName,
  contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
});

/** A register's workbook through the engine as the page takes it: analysed, the proposed mapping kept, validated. */
export async function importFile(t: Pick<Awaited<ReturnType<typeof testCore>>, 'call'>, register: string, wb: ExcelJS.Workbook, extra: Record<string, unknown> = {}) {
  const file = await upload(wb, `${register}.xlsx`);
  const a = await t.call('import.analyse', { register, file });
  const request = { register, file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping, ...extra };
  return { a, report: await t.call('import.validate', request), commit: () => t.call('import.commit', request) };
}

/** The refused rows of a report: each row number with its issues. */
export const problemsOf = (report: { rows: { row: number; status: string; issues: readonly { field: string | null; message: string }[] }[] }) =>
  report.rows.filter((r) => r.status === 'error').map((r) => [r.row, r.issues]);

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

export const MEMBER_HEADER = [
  '序号', '姓  名', '性别', '民族', '文化程度', '出生日期', '公民身份号码', '联系电话', '入党时间', '转正时间',
  '党员状态', '类别', '工作单位', '所在党支部', '家庭住址', '党内职务', '是否党员中心户', '备注',
];

/** ID numbers the messy file uses; `existing` is registered in the database before the import. */
export const ids = {
  zhang: idNumber('130104', '1968-05-12', 101, 'male'),
  li: idNumber('130104', '1972-11-03', 102, 'female'),
  existing: idNumber('130104', '1960-02-29', 103, 'male'),
  zhou: idNumber('130104', '1985-09-15', 104, 'male'),
  sun: idNumber('130104', '1979-04-20', 105, 'female'),
  badCheck: (() => {
    const good = idNumber('130104', '1966-08-08', 106, 'male');
    return good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  })(),
};

/** Excel row numbers of the rows the report must list, and of the rows that are fine. */
export const messyRows = {
  good: [4, 5, 10] as number[],
  existing: 8,
  badId: 6,
  duplicate: 7,
  unknownBranch: 9,
  idAsNumber: 11,
  footer: 13,
};

/** Dates are given as UTC midnights: exceljs stores a Date's UTC time, and Excel's own files hold whole days. */
export function messyMemberWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员名册');
  ws.addRow(['西里社区党员花名册']);
  ws.mergeCells('A1:R1');
  ws.addRow(['填报单位：西里社区党委（盖章）', '', '', '', '', '', '', '', '', '', '', '', '填报日期：2026年3月1日']);
  ws.mergeCells('A2:L2');
  ws.mergeCells('M2:R2');
  ws.addRow(MEMBER_HEADER);
  const rows: unknown[][] = [
    // 4: padded name, a real date cell, phone as a number, dates as 1995.7.1 and 1996年7月1日, trailing spaces
    [1, '张　三', '男', '汉族', '大专', new Date(Date.UTC(1968, 4, 12)), ids.zhang, 13812345678, '1995.7.1', '1996年7月1日', '正式党员', '社区党员', '', '阳光小区党支部  ', '阳光小区3号楼2单元301', '书记', '是', ''],
    // 5: full-width digits in the ID, the joining date as an Excel serial number; branch merged down from row 4
    [2, '李四', '女', '汉族', '本科', '', toFullWidth(ids.li), '139 1234 5678', 36342, new Date(Date.UTC(2000, 6, 1)), '正式', '社区', '', null, '阳光小区5号楼', '', '否', '  '],
    // 6: a wrong check digit
    [3, '王五', '男', '汉族', '高中', '', ids.badCheck, '13712345678', '1990-07-01', '1991-07-01', '正式党员', '社区党员', '', '阳光小区党支部', '', '', '', ''],
    // 7: the same person as row 4
    [4, '张三', '男', '汉族', '大专', '1968-05-12', ids.zhang, '13812345678', '1995-07-01', '1996-07-01', '正式党员', '社区党员', '', '阳光小区党支部', '', '', '', ''],
    // 8: already in the register
    [5, '钱七', '男', '汉族', '初中', '', ids.existing, '13612345678', '1985/7/1', '1986/7/1', '正式党员', '社区党员', '', '阳光小区党支部', '阳光小区1号楼', '', '', '已登记'],
    // 9: a branch the tree does not have
    [6, '孙八', '女', '汉族', '硕士', '', ids.sun, '13512345678', '2005年7月1日', '2006年7月1日', '正式党员', '社区党员', '', '幸福小区党支部', '', '', '', ''],
    // 10: probationary, in-service, date typed as 20190701
    [7, '周九', '男', '回族', '本科', '', ids.zhou, '15912345678', '20240701', '', '预备党员', '在职党员', '市第一医院', '阳光小区党支部', '', '', '否', ''],
    // 11: an ID number Excel stored as a number (its last digits became zeros)
    [8, '吴十', '男', '汉族', '大专', '', 130104197001010000, '15812345678', '2001-07-01', '2002-07-01', '正式党员', '社区党员', '', '阳光小区党支部', '', '', '', ''],
    [],
    ['填表人：王芳', '', '', '', '', '', '', '', '审核人：李书记'],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells('N4:N5');
  ws.getCell('F4').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('J5').numFmt = 'yyyy-mm-dd';
  return wb;
}

/** GB18030 bytes for a text (Node encodes only UTF-8): a reverse table of the two-byte range, built once. */
let table: Map<string, number[]> | null = null;
export function encodeGb18030(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}
