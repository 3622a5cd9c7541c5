import { describe, expect, it } from 'vitest';
import { displayValue } from '../../main/export/format';

describe('figures as printed documents show them', () => {
  it('separates thousands in every number kind, tenths with their one decimal', () => {
    expect(displayValue('int', 2878)).toBe('2,878');
    expect(displayValue('tenths', 14620)).toBe('1,462.0');
    expect(displayValue('tenths', 25)).toBe('2.5');
    expect(displayValue('int', 12345.25)).toBe('12,345.3');
    expect(displayValue('money', 123456)).toBe('¥1,234.56');
    expect(displayValue('percent', 0.432)).toBe('43.2%');
    expect(displayValue('tenths', null)).toBe('');
  });
});
