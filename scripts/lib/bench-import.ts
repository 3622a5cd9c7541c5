import ExcelJS from 'exceljs';
import { chineseName, idNumber, mobile, rng } from './people';

/**
 * The bench's import row: a 10,000-member register as an .xlsx file (title block, Chinese headers, mixed date
 * forms), validated and then committed through the transport — what a clerk waits for after pressing 导入.
 */

type Call = (channel: string, input: unknown) => Promise<unknown>;

export interface ImportTarget {
  branchName: string;
  parentName: string;
}

const HEADER = ['序号', '姓名', '性别', '民族', '学历', '出生日期', '身份证号', '手机', '入党日期', '转正日期', '党员状态', '类别',
  '工作单位', '所在支部', '上级党组织', '住址', '职务', '是否党员中心户', '备注'];

/** A register file of `rows` members; `run` varies the ID numbers, so each run imports new people. */
export async function memberRegisterFile(rows: number, target: ImportTarget, run: number): Promise<string> {
  const r = rng(9000 + run);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员花名册');
  ws.addRow(['党员花名册（导入测试）']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(['填报单位：测试街道', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '填报日期：2026年11月']);
  ws.addRow(HEADER);
  for (let i = 0; i < rows; i++) {
    const gender = r() < 0.5 ? 'male' : 'female';
    const year = 1950 + (i % 50);
    const birth = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    // Region 9RRRCC (run, chunk of 500 rows) is no real region: unique within a file, across runs, and apart from the seed.
    const region = `9${String(run % 1000).padStart(3, '0')}${String(Math.floor(i / 500) % 100).padStart(2, '0')}`;
    const id = idNumber(region, birth, i % 500, gender);
    const joined = `${year + 25}.7.1`;
    ws.addRow([i + 1, chineseName(r), gender === 'male' ? '男' : '女', '汉族', '大专', '', id, mobile(r), joined, `${year + 26}年7月1日`,
      '正式党员', '社区党员', '', target.branchName, target.parentName, `${1 + (i % 30)}号楼${1 + (i % 4)}单元${101 + (i % 20)}`, '', '否', '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export interface ImportTiming {
  validateMs: number;
  /** The 核对结果 workbook (masked), downloaded after the check. */
  reportMs: number;
  commitMs: number;
  created: number;
}

/** Validates and commits one generated file through `call`; the two waits a user sees. */
export async function timeImport(call: Call, rows: number, target: ImportTarget, run: number): Promise<ImportTiming> {
  const file = { fileName: `bench-${run}.xlsx`, contentBase64: await memberRegisterFile(rows, target, run) };
  const a = (await call('import.analyse', { register: 'party.members', file })) as { sheet: string; headerRow: number; mapping: unknown };
  const request = { register: 'party.members', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping };
  let t = performance.now();
  const report = (await call('import.validate', request)) as { canCommit: boolean; rows: { row: number; issues: { message: string }[] }[] };
  const validateMs = performance.now() - t;
  if (!report.canCommit) throw new Error(`bench file has errors: ${JSON.stringify(report.rows.slice(0, 3))}`);
  t = performance.now();
  await call('import.downloadReport', request);
  const reportMs = performance.now() - t;
  t = performance.now();
  const done = (await call('import.commit', request)) as { created: number };
  return { validateMs, reportMs, commitMs: performance.now() - t, created: done.created };
}

/**
 * The bench table's rows for 10,000 new members imported into a branch (named with its parent, as branch names
 * repeat across communities), over `runs` runs: the check a clerk reads first (核对, `import.validate`), and the
 * import itself (导入, `import.commit`: every row checked again against the database, then written, all or
 * nothing), and the 核对结果 download between them; issue 12 states 1 s for each.
 */
export async function benchImportRows(call: Call, branchId: string, runs = 3, rows = 10_000): Promise<string[]> {
  const path = (await call('party.orgPath', { id: branchId })) as { name: string }[];
  const target = { branchName: path.at(-1)!.name, parentName: path.at(-2)?.name ?? '' };
  const timings: ImportTiming[] = [];
  // A random first run number, so a data folder benchmarked again (--data-dir) gets new people, not duplicates.
  const first = Math.floor(Math.random() * 900);
  for (let run = first; run < first + runs; run++) timings.push(await timeImport(call, rows, target, run));
  const n = rows.toLocaleString('en-US');
  const row = (name: string, times: number[], budget: number | null) => {
    const sorted = [...times].sort((a, b) => a - b);
    const [median, worst] = [sorted[Math.floor(sorted.length / 2)]!, sorted.at(-1)!];
    const verdict = budget === null ? '' : worst < budget ? 'ok' : 'OVER';
    return `| ${name} | ${median.toFixed(0)} ms | ${worst.toFixed(0)} ms | ${budget === null ? '—' : `< ${budget} ms`} | ${verdict} | ${n} rows |`;
  };
  return [
    row(`import: check ${n} member rows (validate, before confirming)`, timings.map((t) => t.validateMs), 1000),
    row(`import: download the ${n}-row 核对结果 (masked workbook)`, timings.map((t) => t.reportMs), 1000),
    row(`import: import ${n} member rows (commit: re-check + write, all or nothing)`, timings.map((t) => t.commitMs), 1000),
  ];
}
