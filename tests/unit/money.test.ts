import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan, yuanField } from '../../main/api/common/money';

const field = yuanField('金额');
const fenOf = (input: unknown) => {
  const r = field.safeParse(input);
  return r.success ? r.data : r.error.issues[0]!.message;
};
/** Amounts up to the field's range, in fen. */
const anyFen = fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 });

describe('money in integer fen', () => {
  it('parses yuan as clerks type it', () => {
    expect(fenOf('¥1,234.56')).toBe(123456);
    expect(fenOf('1234.5')).toBe(123450);
    expect(fenOf('1,234')).toBe(123400);
    expect(fenOf('￥１２３４.５')).toBe(123450);
    expect(fenOf(' 1234.56元 ')).toBe(123456);
    expect(fenOf('-¥0.05')).toBe(-5);
    expect(fenOf('0.1')).toBe(10);
  });

  it('refuses three decimals, broken grouping, and anything that is not text', () => {
    expect(fenOf('1.234')).toBe('金额最多两位小数（到分）');
    expect(fenOf('1,23')).toBe('金额格式不正确，例如 1,234.56');
    expect(fenOf('1.2.3')).toBe('金额格式不正确，例如 1,234.56');
    expect(fenOf('')).toBe('请填写金额');
    expect(fenOf('12345678901234')).toBe('金额超出范围');
    for (const number of [1234.5, 1234, Number.NaN, Number.POSITIVE_INFINITY]) expect(fenOf(number)).toMatch(/^请填写金额（文字形式/);
  });

  it('formats one way, by digits', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(100000000)).toBe('¥1,000,000.00');
    expect(() => formatFen(12.5)).toThrow();
    expect(() => formatFen(Number.NaN)).toThrow();
  });

  it('reads back exactly what it prints, for any amount', () => {
    fc.assert(fc.property(anyFen, (fen) => {
      const printed = formatFen(fen);
      expect(printed).toMatch(/^-?¥\d{1,3}(,\d{3})*\.\d{2}$/);
      expect(parseYuan(printed)).toEqual({ fen });
    }));
  });

  it('gives the same fen for yuan with or without separators, symbol and trailing zeros', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
      const fen = Number(yuan * 100n + BigInt(cents));
      const grouped = yuan.toString().replace(/\B(?=(\d{3})+$)/g, ',');
      const plain = `${yuan}.${String(cents).padStart(2, '0')}`;
      expect(parseYuan(plain)).toEqual({ fen });
      expect(parseYuan(`¥${grouped}.${String(cents).padStart(2, '0')}`)).toEqual({ fen });
      if (cents % 10 === 0) expect(parseYuan(`${yuan}.${cents / 10}`)).toEqual({ fen });
    }));
  });

  it('refuses every amount written with three or more decimals', () => {
    fc.assert(fc.property(fc.nat(), fc.stringMatching(/^\d{3,6}$/), (yuan, decimals) => {
      expect(parseYuan(`${yuan}.${decimals}`)).toEqual({ problem: 'decimals' });
    }));
  });
});
