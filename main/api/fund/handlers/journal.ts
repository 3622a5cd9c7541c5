import { getAccount } from '../../../../db/fund/accounts';
import { journalPage, periodFigures } from '../../../../db/fund/balances';
import { witnessedFundChain } from '../../../../db/fund/chain';
import { disclosedThrough, listDisclosures } from '../../../../db/fund/disclosures';
import { verifyChain } from '../../../../db/ledger/verify';
import { notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { fundContract } from '../contract';

type C = typeof fundContract;

export const journalHandlers: Pick<Handlers<C>, 'fund.listJournal' | 'fund.verifyAccount'> = {
  /** A period's posted entries with the running balance, and its opening, income, expense and closing. */
  'fund.listJournal': ({ accountId, from, to, offset, limit }, { db }) => {
    const a = getAccount(db, accountId);
    if (!a) throw notFound('基金账户');
    const period = { from: from ?? a.openedOn, to: to ?? '9999-12-31' };
    return {
      ...period, ...journalPage(db, accountId, { ...period, offset, limit }), ...periodFigures(db, accountId, period.from, period.to),
      disclosedThrough: disclosedThrough(db, accountId),
    };
  },

  /** The chain walked and held to every head a disclosure printed; a break names the disclosures it reaches. */
  'fund.verifyAccount': ({ id }, { db }) => {
    const a = getAccount(db, id);
    if (!a) throw notFound('基金账户');
    const spec = witnessedFundChain(db, a.id, a.name);
    const result = verifyChain(db, spec);
    const brk = result.break;
    const disclosures = listDisclosures(db, a.id);
    return { ...result, disclosures: disclosures.length, affected: brk ? disclosures.filter((d) => d.headSeq >= brk.seq) : [] };
  },
};
