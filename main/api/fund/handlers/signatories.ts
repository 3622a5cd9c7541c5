import { activeNamesake, getSignatory, insertSignatory, resetWrongPins, retireSignatory, setPin, type SignatoryRow } from '../../../../db/fund/signatories';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { fundContract } from '../contract';
import { sides } from '../labels';
import { mustAccount } from './common';
import { assertSignerPin } from './pin-limit';

type C = typeof fundContract;

function mustSignatory(db: Db, id: string): SignatoryRow {
  const s = getSignatory(db, id);
  if (!s) throw notFound('签字人');
  return s;
}

/** What the audit log keeps of a signatory: never a PIN or its hash. */
const audited = ({ id, accountId, side, name, pinSet, status }: SignatoryRow) => ({ id, accountId, side, name, pinSet, status });

export const signatoryHandlers: Pick<Handlers<C>, 'fund.addSignatory' | 'fund.setSignatoryPin' | 'fund.retireSignatory' | 'fund.unlockSignatory'> = {
  /** A person signs for one side only: the same name on the other side of the account is refused. */
  'fund.addSignatory': (input, ctx) => {
    mustAccount(ctx.db, input.accountId);
    const namesake = activeNamesake(ctx.db, input.accountId, input.name);
    if (namesake) {
      const where = namesake.side === input.side ? '已是本方签字人' : `已是${sides[namesake.side]}一方的签字人，同一人不能代表双方签字`;
      throw new DomainError('DOMAIN', `${input.name}${where}`, 'SIGNER_ON_BOTH_SIDES', [{ path: 'name', message: where }]);
    }
    const id = insertSignatory(ctx.db, input, ctx.operator);
    const row = mustSignatory(ctx.db, id);
    ctx.audit({ action: 'create', entity: 'fund_signatory', entityId: id, after: audited(row) });
    return row;
  },

  /** The signer types their own PIN; changing one already set needs the current PIN, so no one sets it for them. */
  'fund.setSignatoryPin': ({ signatoryId, pin, currentPin }, ctx) => {
    const before = mustSignatory(ctx.db, signatoryId);
    if (before.status !== 'active') throw fieldError('signatoryId', `${before.name}已不是签字人`);
    if (before.pinSet) {
      if (!currentPin) throw new DomainError('FORBIDDEN', '修改签字密码需要先输入原密码', 'WRONG_PIN', [{ path: 'currentPin', message: '请输入原签字密码' }]);
      // A wrong current PIN is a guess like a wrong signing PIN: counted towards the same lock.
      assertSignerPin(ctx, before, currentPin, '原签字密码不正确，未修改', 'currentPin');
    }
    setPin(ctx.db, signatoryId, pin, ctx.operator);
    const row = mustSignatory(ctx.db, signatoryId);
    ctx.audit({ action: before.pinSet ? 'change_pin' : 'set_pin', entity: 'fund_signatory', entityId: signatoryId, after: audited(row) });
    return row;
  },

  /** Kept for the sign-offs already given; signs nothing more. */
  'fund.retireSignatory': ({ id }, ctx) => {
    const before = mustSignatory(ctx.db, id);
    retireSignatory(ctx.db, id, ctx.operator);
    const row = mustSignatory(ctx.db, id);
    ctx.audit({ action: 'retire', entity: 'fund_signatory', entityId: id, before: audited(before), after: audited(row) });
    return row;
  },

  /** Lifts a lock from wrong PINs before it ends, and starts the count again; the reason is audited. */
  'fund.unlockSignatory': ({ signatoryId, reason }, ctx) => {
    const before = mustSignatory(ctx.db, signatoryId);
    if (!before.lockedUntil || before.lockedUntil <= ctx.now) throw new DomainError('DOMAIN', `${before.name}现在没有被锁定，无需解除`, 'NOT_LOCKED');
    resetWrongPins(ctx.db, signatoryId);
    const row = mustSignatory(ctx.db, signatoryId);
    ctx.audit({
      action: 'unlock_signer', entity: 'fund_signatory', entityId: signatoryId,
      before: { ...audited(before), wrongPins: before.wrongPins, lockedUntil: before.lockedUntil }, after: { ...audited(row), wrongPins: row.wrongPins, lockedUntil: row.lockedUntil, reason },
    });
    return row;
  },
};
