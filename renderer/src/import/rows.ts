import { rowAt, rowLabel } from '../../../main/api/import/contract';

/**
 * Rows named as the clerk finds them in the workbook. One sheet: its Excel row numbers, as always. Several sheets
 * imported together: 第一党支部!第12行 (the report's `sheetNames` read the row keys).
 */

/** The 行号 column: the number alone for one sheet, the sheet and row for several. */
export const rowCell = (key: number, sheetNames: readonly string[] | null) => (sheetNames ? rowLabel(key, sheetNames) : String(rowAt(key, null).row));

/** Rows in a sentence: 第 6、7 行 for one sheet; 二支部!第5行、幸福社区退休职工党支部!第4行 for several. */
export const rowsText = (keys: readonly number[], sheetNames: readonly string[] | null) =>
  sheetNames ? keys.map((k) => rowLabel(k, sheetNames)).join('、') : `第 ${keys.join('、')} 行`;
