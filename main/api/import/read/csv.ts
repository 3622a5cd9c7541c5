import { textCell, type Cell, type WorkbookData } from './cells';

/**
 * Reads a CSV the way Chinese offices produce them: Excel's "CSV UTF-8" (with a BOM), plain "CSV" which Chinese
 * Windows writes in GBK/GB18030, and "Unicode text" (UTF-16 with a BOM, tab-separated). Bytes that are not valid
 * UTF-8 are read as GB18030 (a superset of GBK and GB2312).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

/** Comma unless the first lines are clearly tab- or semicolon-separated. */
function delimiterOf(text: string): string {
  const head = text.slice(0, 4096).split(/\r?\n/).slice(0, 5).join('\n');
  const count = (ch: string) => head.split(ch).length - 1;
  const [best] = [',', '\t', ';'].sort((a, b) => count(b) - count(a));
  return count(best!) > 0 ? best! : ',';
}

/** RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(text: string, delimiter = delimiterOf(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

export function readCsv(bytes: Uint8Array, fileName: string): WorkbookData {
  const { text, encoding } = decodeText(bytes);
  const rows: (Cell | undefined)[][] = parseCsv(text).map((fields) => fields.map((f) => (f === '' ? undefined : textCell(f))));
  const name = fileName.replace(/\.[^.]+$/, '') || 'CSV';
  return { format: 'csv', encoding, sheets: [{ name, hidden: false, rows, merges: [] }] };
}
