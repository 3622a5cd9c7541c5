import { newId } from '../../db/ids';
import type { Clock } from '../../main/clock';
import { fixedClock } from './helpers';
import { partyFixture } from './party-fixture';

export const COMPANY_PIN = '135790';
export const COMMITTEE_PIN = '864209';

/**
 * The party fixture's estate 阳光小区 with a fund account opened on 2026-01-01 with ¥10,000.00, a signatory on each
 * side with their PIN set, and helpers that go through the router as the forms would.
 */
export async function fundFixture(opts: { clock?: Clock; openingBalance?: string; encrypted?: boolean } = {}) {
  // Its journal is dated from 2026-01-01 on: it runs at the fixed instant after those dates.
  const t = await partyFixture({ clock: opts.clock ?? fixedClock(), encrypted: opts.encrypted });
  const { call } = t;
  const account = await call('fund.openAccount', { estateId: t.estate.id, openingBalance: opts.openingBalance ?? '10,000.00', openedOn: '2026-01-01' });
  const signer = async (side: 'company' | 'committee', name: string, pin: string) => {
    const s = await call('fund.addSignatory', { accountId: account.id, side, name });
    return call('fund.setSignatoryPin', { signatoryId: s.id, pin });
  };
  const company = await signer('company', '刘经理', COMPANY_PIN);
  const committee = await signer('committee', '陈主任', COMMITTEE_PIN);
  const base = (amount: string, onDate: string) => ({ id: newId(), accountId: account.id, onDate, amount, purpose: '测试' });
  const income = (amount: string, onDate: string, extra: Record<string, unknown> = {}) =>
    call('fund.postIncome', { ...base(amount, onDate), category: 'fee_allocation', ...extra });
  const draft = (amount: string, onDate: string, extra: Record<string, unknown> = {}) =>
    call('fund.draftExpense', { ...base(amount, onDate), category: 'routine', counterparty: '安达电梯维保公司', ...extra });
  const signBoth = async (entryId: string) => {
    await call('fund.signOff', { entryId, signatoryId: company.id, pin: COMPANY_PIN });
    return call('fund.signOff', { entryId, signatoryId: committee.id, pin: COMMITTEE_PIN });
  };
  const spend = async (amount: string, onDate: string, extra: Record<string, unknown> = {}) => {
    const d = await draft(amount, onDate, extra);
    await signBoth(d.entry.id);
    return (await call('fund.postExpense', { entryId: d.entry.id })).entry;
  };
  const figures = (from?: string, to?: string) => call('fund.listJournal', { accountId: account.id, from, to, limit: 500 });
  return { ...t, account, company, committee, signer, income, draft, signBoth, spend, figures };
}
