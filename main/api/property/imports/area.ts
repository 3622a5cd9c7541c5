import { parseYuan } from '../../common/money';
import { toHalfWidth } from '../../common/identifiers';
import type { CellValue } from '../../import/register';

/**
 * A floor area as registers write it — 12,345.6 · 12345.67㎡ · 1.2万 · 1.25万平方米 — in integer hundredths of a
 * m², the profile's unit. Read by its digits (as money is: parseYuan), never through floating point, so
 * 1.2万 is exactly 1,200,000 hundredths. `inWan`: the column's header says the values are in 万㎡.
 */

const UNIT = /(平方米|平米|㎡|m²|m2|平方)$/i;

/** Up to six decimals before 万 (1.234567万 = 12,345.67 m²): what is past the hundredth of a m² cannot be kept. */
const WAN = /^(\d+)(?:\.(\d{1,6}))?$/;

export type AreaRead = { hundredths: number | null } | { problem: string };

const PROBLEM = '建筑面积应为平方米数，例如 12,345.6 或 1.2万';

export function readArea(v: CellValue | undefined, inWan = false): AreaRead {
  if (v === null || v === undefined) return { hundredths: null };
  let text = toHalfWidth(String(v)).replace(/\s/g, '').replace(UNIT, '');
  const wan = inWan || text.endsWith('万');
  text = text.replace(/万$/, '');
  if (!text) return { problem: PROBLEM };
  if (!wan) {
    const parsed = parseYuan(text);
    if ('problem' in parsed) return { problem: parsed.problem === 'decimals' ? '建筑面积最多两位小数' : PROBLEM };
    return parsed.fen < 0 ? { problem: PROBLEM } : { hundredths: parsed.fen };
  }
  // 万 m² → hundredths: the digits shifted six places (×10,000 m², ×100 hundredths).
  const m = WAN.exec(text.replaceAll(',', ''));
  if (!m) return { problem: PROBLEM };
  return { hundredths: Number(m[1]! + (m[2] ?? '').padEnd(6, '0')) };
}
