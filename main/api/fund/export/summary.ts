import type { ModuleExport, SummaryPart } from '../../../export/types';
import { accountLines } from './registers';

const FIGURES = [
  { key: 'accounts', label: '维保基金账户', kind: 'int' },
  { key: 'fundIncome', label: '基金本月收入', kind: 'money', width: 13 },
  { key: 'fundExpense', label: '基金本月支出', kind: 'money', width: 13 },
  { key: 'fundBalance', label: '基金月末余额', kind: 'money', width: 14 },
] as const satisfies ModuleExport['summary']['figures'];

type Key = (typeof FIGURES)[number]['key'];

/**
 * The fund's key figures per community, in integer fen (shown as ¥ with two decimals): accounts opened by the
 * month's end, the month's income and expense (reversals netted) and the balances at its end — the same sums as
 * the 账户收支汇总 sheet, from the same lines, so the two always agree.
 */
export const fundSummary: ModuleExport['summary'] = {
  figures: FIGURES,
  compute(data, p) {
    const parts = new Map<string, Record<Key, number>>();
    for (const a of accountLines(data, p)) {
      let v = parts.get(a.community);
      if (!v) parts.set(a.community, (v = { accounts: 0, fundIncome: 0, fundExpense: 0, fundBalance: 0 }));
      v.accounts++;
      v.fundIncome += a.income;
      v.fundExpense += a.expense;
      v.fundBalance += a.closing;
    }
    return [...parts].map(([community, values]): SummaryPart => ({ community, values }));
  },
};
