import type { RuleRow } from '../types';

/** The rule in force on a date, as the core picks it (the newest version effective on or before it). */
export const ruleFor = (rules: RuleRow[], date: string): RuleRow | undefined =>
  [...rules].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version).find((r) => r.effectiveFrom <= date);
