import { describe, expect, it } from 'vitest';
import { signedTenths, tenthsText, typedTenths } from '../../main/api/volunteer/tenths';

describe('points and hours in tenths, as a clerk reads them', () => {
  it('writes whole and one-decimal amounts with separators, and nothing spent as 0, never -0', () => {
    expect(tenthsText(25)).toBe('2.5');
    expect(tenthsText(30)).toBe('3');
    expect(tenthsText(-5)).toBe('-0.5');
    expect(tenthsText(1234567)).toBe('123,456.7');
    expect(tenthsText(-0)).toBe('0'); // 已兑换 of a year with no redemption: the dashboard negates 0
    expect(signedTenths(-0)).toBe('0');
    expect(signedTenths(15)).toBe('+1.5');
    expect(tenthsText(null)).toBe('');
  });

  it('takes a typed decimal as tenths, and passes a second decimal on for the schema to refuse', () => {
    expect(typedTenths(2.5)).toBe(25);
    expect(typedTenths(2.55)).toBeCloseTo(25.5);
  });
});
