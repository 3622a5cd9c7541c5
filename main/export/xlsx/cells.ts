import { maskIdCard, maskPhone } from '../../api/common/identifiers';
import type { CellValue, Column, ColumnKind } from '../types';

const DAY_MS = 86_400_000;
/** Days from the spreadsheet epoch (1899-12-30) to 1970-01-01. */
const EPOCH_OFFSET = 25_569;

/**
 * How a register's value becomes a cell: dates as spreadsheet date numbers (shown through a yyyy-mm-dd
 * format, so they sort and filter as dates), yuan from fen, hours from tenths, percentages as fractions.
 */
export function cellOf(kind: ColumnKind, v: CellValue): string | number | null {
  if (v === null || v === '') return null;
  switch (kind) {
    case 'date': {
      const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
      // A date the register could not give as YYYY-MM-DD stays as written rather than becoming a wrong date.
      return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS + EPOCH_OFFSET : String(v);
    }
    case 'money':
      return typeof v === 'number' ? v / 100 : v;
    case 'tenths':
      return typeof v === 'number' ? v / 10 : v;
    case 'text':
      return String(v);
    default:
      return v;
  }
}

export function masked(column: Pick<Column<unknown>, 'personal'>, v: CellValue, unmasked: boolean): CellValue {
  if (!column.personal || unmasked || typeof v !== 'string') return v;
  return column.personal === 'idCard' ? maskIdCard(v) : maskPhone(v);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML: the five entities escaped, and the control characters XML 1.0 cannot carry dropped. */
export function xmlText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
