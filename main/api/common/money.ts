import { z } from 'zod';
import { toHalfWidth } from './identifiers';

/**
 * Money is integer fen (分) from the input box to the PDF: ¥1,234.56 is 123456. Text is parsed exactly, by its
 * digits, and printed by its digits — no amount passes through floating point (0.1 + 0.2 is not 0.3 there).
 * Imported by the renderer: zod only.
 */

declare const fenBrand: unique symbol;
/** An amount in integer fen; made only by parseYuan/yuanField (or asFen for a value read from the database). */
export type Fen = number & { readonly [fenBrand]: true };

/** Up to 9,999,999,999,999.99 yuan: every fen amount stays a safe integer. */
const MAX_YUAN_DIGITS = 13;

const YUAN = /^(-)?[¥￥]?(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?元?$/;

export type YuanProblem = 'format' | 'decimals' | 'range';

/** 1,234.56 · ¥1,234.56 · ￥１２３４.５ · 1234.5元 · -12 → fen; a problem otherwise (three decimals, 1,23, 1.2.3). */
export function parseYuan(text: string): { fen: Fen } | { problem: YuanProblem } {
  const m = YUAN.exec(toHalfWidth(text).replace(/\s/g, ''));
  if (!m) return { problem: 'format' };
  const [, minus, grouped, decimals = ''] = m;
  if (decimals.length > 2) return { problem: 'decimals' };
  const digits = grouped!.replaceAll(',', '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_YUAN_DIGITS) return { problem: 'range' };
  const fen = Number(digits + decimals.padEnd(2, '0'));
  return { fen: (minus && fen !== 0 ? -fen : fen) as Fen };
}

/** A fen amount as read from an INTEGER column or computed in integers; refuses anything else. */
export function asFen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new TypeError(`not an amount in fen: ${n}`);
  return n as Fen;
}

/** The one money format: 123456 → ¥1,234.56, -5 → -¥0.05. */
export function formatFen(fen: number): string {
  const digits = String(Math.abs(asFen(fen))).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${digits.slice(-2)}`;
}

const PROBLEMS: Record<YuanProblem, (label: string) => string> = {
  format: (label) => `${label}格式不正确，例如 1,234.56`,
  decimals: (label) => `${label}最多两位小数（到分）`,
  range: (label) => `${label}超出范围`,
};

/**
 * A money field: yuan as typed (text) in, integer fen out. A number is refused — a float would already have
 * lost the exact amount, and a whole number cannot say whether it meant yuan or fen.
 */
export const yuanField = (label: string) =>
  z
    .string({ error: `请填写${label}（文字形式，例如 1,234.56）` })
    .refine((s) => s.trim() !== '', `请填写${label}`)
    .transform((s, ctx): Fen => {
      const parsed = parseYuan(s);
      if ('fen' in parsed) return parsed.fen;
      ctx.addIssue({ code: 'custom', message: PROBLEMS[parsed.problem](label) });
      return z.NEVER;
    });
