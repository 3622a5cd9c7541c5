import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Db } from '../open';
import { newStamps } from '../stamps';
import { hashPin, pinMatches } from './pin';
import type { Side, SignatoryRow } from './types';
export type { Side, SignatoryRow } from './types';

/** "The same person" across the two sides: the name without spaces, NFC-normalised. */
export const personKey = (name: string): string => name.normalize('NFC').replace(/\s/g, '');

const SELECT = `
  SELECT id, account_id AS accountId, side, name, phone, pin_hash IS NOT NULL AS pinSet, pin_set_at AS pinSetAt, wrong_pins AS wrongPins,
         locked_until AS lockedUntil, status,
         created_at AS createdAt, updated_at AS updatedAt, operator
  FROM fund_signatories`;

const fromDb = (r: SignatoryRow | undefined) => (r ? { ...r, pinSet: Boolean(r.pinSet) } : undefined);

export function getSignatory(db: Db, id: string): SignatoryRow | undefined {
  return fromDb(db.prepare(`${SELECT} WHERE id = ?`).get(id) as SignatoryRow | undefined);
}

export function listSignatories(db: Db, accountId: string): SignatoryRow[] {
  return (db.prepare(`${SELECT} WHERE account_id = ? ORDER BY side, status, created_at`).all(accountId) as SignatoryRow[]).map((r) => fromDb(r)!);
}

/** An active signatory of the account with this person's name, on either side. */
export function activeNamesake(db: Db, accountId: string, name: string): SignatoryRow | undefined {
  return fromDb(db.prepare(`${SELECT} WHERE account_id = ? AND person_key = ? AND status = 'active'`).get(accountId, personKey(name)) as SignatoryRow | undefined);
}

export function insertSignatory(db: Db, f: { accountId: string; side: Side; name: string; phone: string | null }, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO fund_signatories (id, account_id, side, name, person_key, phone, status, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
  ).run(id, f.accountId, f.side, f.name, personKey(f.name), f.phone, s.created_at, s.updated_at, s.operator);
  return id;
}

export function retireSignatory(db: Db, id: string, operator: string): void {
  db.prepare("UPDATE fund_signatories SET status = 'retired', updated_at = ?, operator = ? WHERE id = ?").run(nowIso(), operator, id);
}

export function setPin(db: Db, id: string, pin: string, operator: string): void {
  const at = nowIso();
  db.prepare('UPDATE fund_signatories SET pin_hash = ?, pin_set_at = ?, updated_at = ?, operator = ? WHERE id = ?').run(hashPin(pin), at, at, operator, id);
}

/** False also when no PIN is set yet. */
export function checkPin(db: Db, id: string, pin: string): boolean {
  const stored = (db.prepare('SELECT pin_hash AS h FROM fund_signatories WHERE id = ?').get(id) as { h: string | null } | undefined)?.h;
  return stored ? pinMatches(pin, stored) : false;
}

/** One more wrong PIN, and the lock it brings (null: none yet). Written after the refused request rolled back. */
export function recordWrongPin(db: Db, id: string, lockedUntil: string | null): void {
  db.prepare('UPDATE fund_signatories SET wrong_pins = wrong_pins + 1, locked_until = COALESCE(?, locked_until) WHERE id = ?').run(lockedUntil, id);
}

/** A right PIN: the count starts again. */
export function resetWrongPins(db: Db, id: string): void {
  db.prepare('UPDATE fund_signatories SET wrong_pins = 0, locked_until = NULL WHERE id = ? AND (wrong_pins > 0 OR locked_until IS NOT NULL)').run(id);
}
