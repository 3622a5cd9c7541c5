import type { z } from 'zod';
import { activeAccountOf, getAccount, insertAccount, listAccounts, type AccountRow } from '../../../../db/fund/accounts';
import { monthlyTotals, openDrafts } from '../../../../db/fund/balances';
import { addMonths } from '../../common/days';
import { listCategories } from '../../../../db/fund/categories';
import { listSignatories } from '../../../../db/fund/signatories';
import { getPlace } from '../../../../db/party/places';
import { formatFen } from '../../common/money';
import { fieldError, notFound } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { AccountInput } from '../schemas';
import type { fundContract } from '../contract';
import { accountView } from './common';
import { disclosureStatus, fundSettings } from './disclosures';
import { reconciliationStatus } from './reconciliations';
import { allocationStatus } from './allocations';

type C = typeof fundContract;

/**
 * One active account per estate; the opening balance and date are fixed from here on (every entry's hash covers
 * them). The form's and the import's one write path: the opening balance is the account's, not a journal entry.
 */
export function openAccount(input: z.output<typeof AccountInput>, ctx: Pick<Ctx, 'db' | 'operator' | 'audit'>): AccountRow {
  const estate = getPlace(ctx.db, input.estateId);
  if (!estate || estate.kind !== 'estate') throw fieldError('estateId', '请选择小区');
  const existing = activeAccountOf(ctx.db, input.estateId);
  if (existing) throw fieldError('estateId', `${estate.name}已有基金账户“${existing.name}”`);
  const id = insertAccount(ctx.db, { ...input, name: input.name ?? `${estate.name}电梯维保基金` }, ctx.operator);
  const account = getAccount(ctx.db, id)!;
  ctx.audit({ action: 'create', entity: 'fund_account', entityId: id, after: { ...account, openingBalance: formatFen(account.openingBalance) } });
  return account;
}

export const accountHandlers: Pick<Handlers<C>, 'fund.listCategories' | 'fund.openAccount' | 'fund.listAccounts' | 'fund.getAccount' | 'fund.getMonthlyTotals'> = {
  'fund.listCategories': (_input, { db }) => listCategories(db),

  'fund.openAccount': (input, ctx) => accountView(ctx.db, openAccount(input, ctx)),

  'fund.listAccounts': ({ status }, { db, today }) => {
    const settings = fundSettings(db);
    return listAccounts(db, status).map((a) => ({
      ...accountView(db, a), disclosure: disclosureStatus(db, a, today, settings), reconciliation: reconciliationStatus(db, a, today, settings),
      allocation: allocationStatus(db, a, today),
    }));
  },

  'fund.getAccount': ({ id }, { db }) => {
    const a = getAccount(db, id);
    if (!a) throw notFound('基金账户');
    return { account: accountView(db, a), signatories: listSignatories(db, id), drafts: openDrafts(db, id) };
  },

  /** The twelve months to this one, each present (zero when nothing was posted), oldest first. */
  'fund.getMonthlyTotals': (_input, { db, today }) => {
    const first = addMonths(`${today.slice(0, 7)}-01`, -11);
    const found = new Map(monthlyTotals(db, first, today).map((m) => [m.month, m]));
    return Array.from({ length: 12 }, (_, i) => {
      const month = addMonths(first, i).slice(0, 7);
      return found.get(month) ?? { month, income: 0, expense: 0 };
    });
  },
};
