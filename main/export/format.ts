import { formatFen } from '../api/common/money';
import type { CellValue, ColumnKind } from './types';

/** A register value as printed text (PDF summaries): 1,234 · 12.5 · ¥1,234.56 · 95.0% · 2026-11-22. */
const oneDecimal = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function displayValue(kind: ColumnKind, v: CellValue): string {
  if (v === null || v === '') return '';
  if (typeof v === 'string') return v;
  switch (kind) {
    // Thousands separated in every number kind, so a 合计 row reads 2,878 beside 1,462.0, not 1462.0 (issue 15).
    case 'int':
      return Number.isInteger(v) ? v.toLocaleString('zh-CN') : oneDecimal(v);
    case 'tenths':
      return oneDecimal(v / 10);
    case 'money':
      return formatFen(v);
    case 'percent':
      return `${(v * 100).toFixed(1)}%`;
    default:
      return String(v);
  }
}

/**
 * An integer in hundredths (an area in 0.01 m², a speed in cm/s) as text with two decimals, 12,345.67, from integers
 * alone. The column kinds have no two-decimal number but money, whose ¥ would mislead; such a column is text, so it
 * has no 合计.
 */
export const hundredthsText = (h: number | null): string | null =>
  h === null ? null : `${Math.floor(h / 100).toLocaleString('en-US')}.${String(h % 100).padStart(2, '0')}`;

/** A file name that every system accepts: no path separators or characters Windows refuses. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, '_');

/**
 * What an export with full ID numbers and phones carries in its file name and title, so a file passed on or left
 * on a desktop says what it holds before it is opened (issue 15).
 */
export const UNMASKED_MARK = '（含完整身份信息）';
export const markUnmasked = (text: string, unmasked: boolean): string => (unmasked ? `${text}${UNMASKED_MARK}` : text);
