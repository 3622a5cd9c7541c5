import { describe, expect, it } from 'vitest';
import { monthLabel, monthSpan } from '../../renderer/src/components/charts/months';

describe('a chart of months says which year its 「n月」 belong to', () => {
  it('labels each month short and the chart once with the whole span, across a new year', () => {
    const months = ['2025-12', '2026-01', '2026-02'];
    expect(months.map(monthLabel)).toEqual(['12月', '1月', '2月']);
    expect(monthSpan(months)).toBe('2025年12月至2026年2月');
    expect(monthSpan(['2026-07'])).toBe('2026年7月');
    expect(monthSpan([])).toBeUndefined();
  });
});
