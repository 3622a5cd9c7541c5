/** Display formats: tables use 2026-11-22 and ¥1,234.56; printed documents 2026年11月22日. */

import { formatFen } from '../../../main/api/common/money';
import { dayAndTime } from '../app/clock';
export const fmtInt = (n: number | null | undefined): string => (n === null || n === undefined ? '' : n.toLocaleString('zh-CN'));

export const fmtMoney = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatFen(fen));

export const fmtPercent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined || Number.isNaN(ratio) ? '' : `${(ratio * 100).toFixed(1)}%`;

export const fmtDateLong = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** A UTC timestamp in the installation's time zone, e.g. 2026-11-22 09:12. */
export const fmtTimestamp = (iso: string | null | undefined): string => (iso ? dayAndTime(iso) : '');

export const fmtBytes = (n: number): string =>
  n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : n < 1024 ** 3 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024 ** 3).toFixed(2)} GB`;

/** Floor area is stored in integer hundredths of a square metre: shown as 12,345.67. */
export const fmtArea = (hundredths: number | null | undefined): string =>
  hundredths === null || hundredths === undefined
    ? ''
    : (hundredths / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** Fen as 万元 with one decimal (¥31,234.00 → 3.1万), for chart labels where a full amount would not fit; 0 stays 0. */
export const fmtWan = (fen: number): string => (fen === 0 ? '0' : `${(fen / 1_000_000).toFixed(1)}万`);
