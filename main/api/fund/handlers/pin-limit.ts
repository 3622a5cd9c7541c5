import { checkPin, getSignatory, recordWrongPin, resetWrongPins, type SignatoryRow } from '../../../../db/fund/signatories';
import { getInstallation } from '../../../../db/settings';
import { calendarDay, DEFAULT_TIME_ZONE, wallTime } from '../../common/calendar';
import { DomainError } from '../../common/errors';
import type { Ctx } from '../../context';

/**
 * The limit on wrong signing PINs. Six digits are a million guesses; without a limit anyone at the console could
 * try them for a signer. After PIN_ATTEMPTS wrong PINs in a row the signer is locked for FIRST_LOCK_MS, and each
 * further wrong PIN after a lock ends doubles it (up to a day); a right PIN starts the count again. A locked
 * signer's PIN is not even checked.
 *
 * A wrong PIN refuses its request, and a refused write rolls back, so the count is written through the router's
 * refusal path (ctx.recordRefusal: its own transaction after the rollback, with its audit entry, never the PIN).
 */
export const PIN_ATTEMPTS = 5;
const FIRST_LOCK_MS = 5 * 60_000;
const LONGEST_LOCK_MS = 24 * 60 * 60_000;

/** How long a signer is locked after their `wrong`-th wrong PIN in a row (null: not yet). */
export function lockFor(wrong: number): number | null {
  if (wrong < PIN_ATTEMPTS) return null;
  return Math.min(FIRST_LOCK_MS * 2 ** (wrong - PIN_ATTEMPTS), LONGEST_LOCK_MS);
}

/** An instant as the clerk reads it: `2026-12-02 04:15` in the installation's zone. */
function localTime(ctx: Ctx, iso: string): string {
  const zone = getInstallation(ctx.db)?.timeZone ?? DEFAULT_TIME_ZONE;
  const ms = Date.parse(iso);
  return `${calendarDay(ms, zone)} ${wallTime(ms, zone).slice(0, 5)}`;
}

const lockedError = (ctx: Ctx, signer: SignatoryRow, until: string, path: string) =>
  new DomainError('FORBIDDEN', `${signer.name}连续输错签字密码 ${PIN_ATTEMPTS} 次以上，已锁定至 ${localTime(ctx, until)}，请到时再试`, 'SIGNER_LOCKED', [
    { path, message: `已锁定至 ${localTime(ctx, until)}` },
  ]);

/**
 * Checks a signer's own PIN (for signing, or for changing it): refused while locked; a wrong one is counted and may
 * lock the signer; a right one clears the count. `path` is the field the message goes beside.
 */
export function assertSignerPin(ctx: Ctx, signer: SignatoryRow, pin: string, wrongMessage: string, path: string): void {
  if (signer.lockedUntil && signer.lockedUntil > ctx.now) throw lockedError(ctx, signer, signer.lockedUntil, path);
  if (checkPin(ctx.db, signer.id, pin)) {
    resetWrongPins(ctx.db, signer.id);
    return;
  }
  const wrong = signer.wrongPins + 1;
  const lock = lockFor(wrong);
  const until = lock === null ? null : new Date(Date.parse(ctx.now) + lock).toISOString();
  ctx.recordRefusal(() => {
    recordWrongPin(ctx.db, signer.id, until);
    const after = getSignatory(ctx.db, signer.id)!;
    ctx.audit({ action: 'wrong_pin', entity: 'fund_signatory', entityId: signer.id, after: { name: signer.name, wrongPins: after.wrongPins, lockedUntil: after.lockedUntil } });
  });
  if (until) throw lockedError(ctx, signer, until, path);
  const left = PIN_ATTEMPTS - wrong;
  throw new DomainError('FORBIDDEN', `${wrongMessage}（再错 ${left} 次将锁定）`, 'WRONG_PIN', [{ path, message: `签字密码不正确，还可再试 ${left} 次` }]);
}
