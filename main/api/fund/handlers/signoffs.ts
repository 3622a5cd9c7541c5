import { draftHash } from '../../../../db/fund/chain';
import { storedRow, type EntryRow } from '../../../../db/fund/entries';
import { postToChain } from '../../../../db/fund/post';
import { getSignatory, personKey } from '../../../../db/fund/signatories';
import { insertSignoff } from '../../../../db/fund/signoffs';
import { DomainError, fieldError } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { fundContract } from '../contract';
import { sides } from '../labels';
import { assertDayUndisclosed, assertNeverNegative, entryDetail, mustEntry, validSignoffs } from './common';
import { auditedEntry, mustDraft } from './entries';
import { assertSignerPin } from './pin-limit';

type C = typeof fundContract;

/**
 * An expense drafted before a disclosure reached its day would change the statement on the wall if posted: signing
 * it (before a PIN is tried) and posting it say so, and the draft's date must move first (the sign-offs then go).
 */
const assertPostableDay = (ctx: Ctx, entry: EntryRow) =>
  assertDayUndisclosed(ctx.db, entry.accountId, entry.onDate, '这笔支出', null, (d) => `过账会改变已公示的账目。请先把草稿的日期改在 ${d.periodTo} 以后，再由双方签字`);

export const signoffHandlers: Pick<Handlers<C>, 'fund.signOff' | 'fund.postExpense'> = {
  /**
   * A signer approves the draft as it stands, in person: they pick their name and type their own PIN, checked
   * against its slow hash (a limited number of wrong tries: ./pin-limit.ts). The sign-off records the draft's hash; the same person cannot sign for both sides.
   */
  'fund.signOff': ({ entryId, signatoryId, pin }, ctx) => {
    const entry = mustDraft(ctx, entryId);
    if (entry.direction !== 'expense') throw new DomainError('DOMAIN', '只有支出需要双方签字', 'NO_SIGNOFF_NEEDED');
    assertPostableDay(ctx, entry);
    const signer = getSignatory(ctx.db, signatoryId);
    if (!signer || signer.accountId !== entry.accountId || signer.status !== 'active') throw fieldError('signatoryId', '请选择本账户的签字人');
    if (!signer.pinSet) throw new DomainError('DOMAIN', `${signer.name}还没有设置签字密码`, 'PIN_NOT_SET', [{ path: 'signatoryId', message: '尚未设置签字密码' }]);
    assertSignerPin(ctx, signer, pin, '签字密码不正确，未签字', 'pin');
    const valid = validSignoffs(ctx.db, entryId);
    const mine = valid[signer.side];
    if (mine?.signatoryId === signatoryId) return entryDetail(ctx.db, entryId);
    if (mine) throw new DomainError('CONFLICT', `${sides[signer.side]}一方已由${mine.signerName}签字`, 'SIDE_SIGNED');
    const other = valid[signer.side === 'company' ? 'committee' : 'company'];
    const otherSigner = other && getSignatory(ctx.db, other.signatoryId);
    if (otherSigner && personKey(otherSigner.name) === personKey(signer.name)) {
      throw new DomainError('DOMAIN', `${signer.name}已代表另一方签字，同一人不能代表双方签字`, 'SAME_PERSON_BOTH_SIDES', [{ path: 'signatoryId', message: '同一人不能代表双方签字' }]);
    }
    const hash = draftHash(storedRow(ctx.db, entryId));
    const id = insertSignoff(ctx.db, { entryId, side: signer.side, signatoryId, draftHash: hash }, ctx.operator);
    ctx.audit({ action: 'sign_off', entity: 'fund_entry', entityId: entryId, after: { signoff: id, side: signer.side, signer: signer.name, draftHash: hash } });
    return entryDetail(ctx.db, entryId);
  },

  /** Posts an expense signed by both sides for the content as it stands; posting it again changes nothing. */
  'fund.postExpense': ({ entryId }, ctx) => {
    const current = mustEntry(ctx.db, entryId);
    if (current.status === 'posted') return entryDetail(ctx.db, entryId);
    const entry = mustDraft(ctx, entryId);
    if (entry.direction !== 'expense') throw new DomainError('DOMAIN', '收入录入即过账，无需再过账', 'NO_SIGNOFF_NEEDED');
    const valid = validSignoffs(ctx.db, entryId);
    const missing = (['company', 'committee'] as const).filter((side) => !valid[side]).map((side) => sides[side]);
    if (missing.length) throw new DomainError('DOMAIN', `还缺少${missing.join('和')}一方的签字，不能过账`, 'SIGNOFF_MISSING');
    assertPostableDay(ctx, entry);
    postToChain(ctx.db, entry, { company: valid.company!.id, committee: valid.committee!.id }, ctx.operator);
    const posted = mustEntry(ctx.db, entryId);
    assertNeverNegative(ctx, posted, '过账这笔支出');
    ctx.audit({ action: 'post_expense', entity: 'fund_entry', entityId: entryId, after: auditedEntry(posted) });
    return entryDetail(ctx.db, entryId);
  },
};
