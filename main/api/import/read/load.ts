import { createHash } from 'node:crypto';
import type { FileIn } from '../../common/files';
import type { WorkbookData } from './cells';
import { readCsv } from './csv';
import { ImportFileError } from './errors';
import { readXlsx } from './xlsx';


export interface LoadedFile {
  fileName: string;
  sha256: string;
  size: number;
  workbook: WorkbookData;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function read(bytes: Uint8Array, fileName: string): WorkbookData {
  if (isZip(bytes)) return readXlsx(bytes);
  if (isOle(bytes) && /\.(et|ett)$/i.test(fileName)) {
    // WPS 表格's own format (an OLE file like old .xls): WPS saves as .xlsx itself.
    throw new ImportFileError('这是 WPS 表格（.et）文件：请在 WPS 中选择“文件 › 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的文件');
  }
  if (isOle(bytes)) {
    // The old binary .xls format, or an .xlsx protected with a password (Excel wraps those the same way).
    throw new ImportFileError('这是旧版 .xls 文件或设置了密码的文件：请在 Excel 中取消密码，另存为 .xlsx 或 .csv 后再导入');
  }
  if (/\.xlsx?$/i.test(fileName)) throw new ImportFileError('无法读取文件：它不是有效的 Excel 文件，可能已损坏');
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    throw new ImportFileError('无法读取文件：请选择 .xlsx 或 .csv 文件');
  }
  return readCsv(bytes, fileName);
}

/**
 * The same file travels with every step (analyse, validate, report, commit), so the parsed workbook is kept for
 * the few most recent files, keyed by content checksum: a step re-reads nothing it has seen.
 */
const recent = new Map<string, LoadedFile>();
const KEEP = 3;

export function loadFile(file: FileIn): LoadedFile {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) throw new ImportFileError('文件是空的');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const cached = recent.get(sha256);
  if (cached) {
    recent.delete(sha256);
    recent.set(sha256, cached);
    return { ...cached, fileName: file.fileName };
  }
  const loaded: LoadedFile = { fileName: file.fileName, sha256, size: bytes.length, workbook: read(bytes, file.fileName) };
  recent.set(sha256, loaded);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  return loaded;
}
