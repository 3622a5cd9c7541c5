import type { AccountExport, JournalExport } from '../../../../db/fund/export';
import type { Period } from '../../../export/period';
import type { Register, UnitData } from '../../../export/types';
import { zhCompare } from '../../party/export/org-index';
import { directions } from '../labels';
import { elevatorsTable } from '../../elevator/export/tables';
import { placeOf } from '../../elevator/export/registers';
import { accountsTable, journalTable } from './tables';

/** What an entry does to the balance: + for income, − for an expense (a reversal's amount is negative). */
export const effectOf = (e: Pick<JournalExport, 'direction' | 'amount'>): number => (e.direction === 'income' ? e.amount : -e.amount);

type JournalLine = JournalExport & { balance: number; elevatorNames: string };

/**
 * The elevators an entry concerns, by place (3号楼1单元1号梯), from the unit's elevator register; an id the register
 * does not hold (the elevator module not in the package, an elevator since deleted) is counted, not dropped.
 */
function elevatorNamer(data: UnitData): (idsJson: string) => string {
  const names = new Map([...data.rows(elevatorsTable)].map((e) => [e.id, placeOf(e)]));
  return (idsJson) => {
    const ids = JSON.parse(idsJson) as string[];
    const known = ids.flatMap((id) => names.get(id) ?? []);
    const unknown = ids.length - known.length;
    return [...known, ...(unknown > 0 ? [`另 ${unknown} 部`] : [])].join('、');
  };
}

/**
 * Each account's posted entries in the journal's order (date, then posting order within a day), each with the
 * balance after it, from the opening balance and integer fen only; accounts in place order.
 */
export function journalLines(data: UnitData): JournalLine[] {
  const elevatorNames = elevatorNamer(data);
  const byAccount = new Map<string, JournalExport[]>();
  for (const e of data.rows(journalTable)) byAccount.set(e.accountId, [...(byAccount.get(e.accountId) ?? []), e]);
  const lines: JournalLine[] = [];
  for (const entries of byAccount.values()) {
    entries.sort((a, b) => a.onDate.localeCompare(b.onDate) || a.seq - b.seq);
    let balance = entries[0]!.openingBalance;
    for (const e of entries) lines.push({ ...e, balance: (balance += effectOf(e)), elevatorNames: elevatorNames(e.elevators) });
  }
  return lines.sort((a, b) => zhCompare(a.community, b.community) || zhCompare(a.estateName, b.estateName) || zhCompare(a.accountName, b.accountName));
}

/** 维保基金收支明细: every entry dated in the period, account by account, with the running balance; 冲正 marked. */
export const journalRegister: Register<JournalLine> = {
  key: 'fund.entries',
  title: '电梯维保基金收支明细',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'estate', header: '小区', width: 16, kind: 'text', value: (r) => r.estateName },
    { key: 'account', header: '账户', width: 20, kind: 'text', value: (r) => r.accountName },
    { key: 'seq', header: '笔数', width: 6, kind: 'int', value: (r) => r.seq },
    { key: 'onDate', header: '日期', width: 11, kind: 'date', value: (r) => r.onDate, total: { count: '笔' } },
    { key: 'category', header: '类别', width: 12, kind: 'text', value: (r) => `${directions[r.direction]}·${r.categoryLabel}${r.reversesId ? '（冲正）' : ''}` },
    { key: 'purpose', header: '用途', width: 24, kind: 'text', value: (r) => r.purpose },
    { key: 'counterparty', header: '对方单位', width: 18, kind: 'text', value: (r) => r.counterparty },
    { key: 'voucherNo', header: '凭证号', width: 10, kind: 'text', value: (r) => r.voucherNo },
    { key: 'elevators', header: '涉及电梯', width: 18, kind: 'text', value: (r) => r.elevatorNames },
    { key: 'income', header: '收入（元）', width: 12, kind: 'money', value: (r) => (r.direction === 'income' ? r.amount : null), total: 'sum' },
    { key: 'expense', header: '支出（元）', width: 12, kind: 'money', value: (r) => (r.direction === 'expense' ? r.amount : null), total: 'sum' },
    { key: 'balance', header: '余额（元）', width: 13, kind: 'money', value: (r) => r.balance },
    { key: 'company', header: '物业方签字', width: 9, kind: 'text', value: (r) => r.companySignerName },
    { key: 'committee', header: '业委会签字', width: 9, kind: 'text', value: (r) => r.committeeSignerName },
  ],
  rows: (data, p) => journalLines(data).filter((e) => e.onDate >= p.from && e.onDate <= p.to),
};

export interface AccountLine extends AccountExport {
  opening: number;
  income: number;
  expense: number;
  closing: number;
}

/** Each account's period: opening balance, income and expense (reversals netted) and closing balance, in fen. */
export function accountLines(data: UnitData, p: Period): AccountLine[] {
  const lines = new Map<string, AccountLine>();
  for (const a of data.rows(accountsTable)) {
    if (a.openedOn > p.to) continue;
    lines.set(a.id, { ...a, opening: a.openingBalance, income: 0, expense: 0, closing: a.openingBalance });
  }
  for (const e of data.rows(journalTable)) {
    const l = lines.get(e.accountId);
    if (!l || e.onDate > p.to) continue;
    if (e.onDate < p.from) l.opening += effectOf(e);
    else if (e.direction === 'income') l.income += e.amount;
    else l.expense += e.amount;
    l.closing += effectOf(e);
  }
  return [...lines.values()].sort((a, b) => zhCompare(a.community, b.community) || zhCompare(a.estateName, b.estateName) || zhCompare(a.name, b.name));
}

/** 维保基金账户收支汇总: each account's month, with the chain's head as the package carried it. */
export const accountRegister: Register<AccountLine> = {
  key: 'fund.accounts',
  title: '电梯维保基金账户收支汇总',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'estate', header: '小区', width: 16, kind: 'text', value: (r) => r.estateName },
    { key: 'name', header: '账户', width: 22, kind: 'text', value: (r) => r.name, total: { count: '个' } },
    { key: 'opening', header: '期初余额（元）', width: 14, kind: 'money', value: (r) => r.opening, total: 'sum' },
    { key: 'income', header: '本期收入（元）', width: 14, kind: 'money', value: (r) => r.income, total: 'sum' },
    { key: 'expense', header: '本期支出（元）', width: 14, kind: 'money', value: (r) => r.expense, total: 'sum' },
    { key: 'closing', header: '期末余额（元）', width: 14, kind: 'money', value: (r) => r.closing, total: 'sum' },
    { key: 'head', header: '校验码（最新笔数·前16位）', width: 26, kind: 'text', value: (r) => `第 ${r.headSeq} 笔 · ${r.headHash.slice(0, 16)}` },
  ],
  rows: accountLines,
};
