import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Db } from '../open';
import { delayAfterFailures, hashPassword, passwordMatches } from './password';
import type { AccountRow, Role } from './types';
export type { AccountRow, Role } from './types';

const COLUMNS = `id, name, role, password_hash IS NOT NULL AS passwordSet, password_set_at AS passwordSetAt,
  must_change_password AS mustChangePassword, failed_sign_ins AS failedSignIns, blocked_until AS blockedUntil,
  disabled_at AS disabledAt, created_at AS createdAt, updated_at AS updatedAt, operator`;

type Raw = Omit<AccountRow, 'passwordSet' | 'mustChangePassword'> & { passwordSet: number; mustChangePassword: number };
const fromDb = (r: Raw | undefined): AccountRow | undefined =>
  r ? { ...r, passwordSet: Boolean(r.passwordSet), mustChangePassword: Boolean(r.mustChangePassword) } : undefined;

export const listAccounts = (db: Db): AccountRow[] =>
  (db.prepare(`SELECT ${COLUMNS} FROM accounts ORDER BY disabled_at IS NOT NULL, created_at, name`).all() as Raw[]).map((r) => fromDb(r)!);

export const getAccount = (db: Db, id: string): AccountRow | undefined =>
  fromDb(db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as Raw | undefined);

export const accountByName = (db: Db, name: string): AccountRow | undefined =>
  fromDb(db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE name = ?`).get(name.trim()) as Raw | undefined);

export const countAccounts = (db: Db): number => (db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;

/** The administrator of an upgraded installation who has no password yet (null when every account has one). */
export const adminWithoutPassword = (db: Db): AccountRow | undefined =>
  fromDb(db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE role = 'admin' AND password_hash IS NULL AND disabled_at IS NULL ORDER BY created_at LIMIT 1`).get() as Raw | undefined);

export const activeAdmins = (db: Db): number =>
  (db.prepare("SELECT COUNT(*) AS n FROM accounts WHERE role = 'admin' AND disabled_at IS NULL AND password_hash IS NOT NULL").get() as { n: number }).n;

export function insertAccount(db: Db, a: { name: string; role: Role; password: string; mustChange?: boolean }, operator: string): AccountRow {
  const id = newId();
  const at = nowIso();
  db.prepare(`INSERT INTO accounts (id, name, role, password_hash, password_set_at, must_change_password, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, a.name, a.role, hashPassword(a.password), at, a.mustChange ? 1 : 0, at, at, operator);
  return getAccount(db, id)!;
}

export function setPassword(db: Db, id: string, password: string, opts: { mustChange: boolean }, operator: string): void {
  const at = nowIso();
  db.prepare(`UPDATE accounts SET password_hash = ?, password_set_at = ?, must_change_password = ?, failed_sign_ins = 0, blocked_until = NULL,
    updated_at = ?, operator = ? WHERE id = ?`).run(hashPassword(password), at, opts.mustChange ? 1 : 0, at, operator, id);
}

export function setRole(db: Db, id: string, role: Role, operator: string): void {
  db.prepare('UPDATE accounts SET role = ?, updated_at = ?, operator = ? WHERE id = ?').run(role, nowIso(), operator, id);
}

export function setDisabled(db: Db, id: string, disabled: boolean, operator: string): void {
  const at = nowIso();
  db.prepare('UPDATE accounts SET disabled_at = ?, updated_at = ?, operator = ? WHERE id = ?').run(disabled ? at : null, at, operator, id);
}

/** Whether the password is the account's (false for an account without one). */
export function checkPassword(db: Db, id: string, password: string): boolean {
  const stored = (db.prepare('SELECT password_hash AS h FROM accounts WHERE id = ?').get(id) as { h: string | null } | undefined)?.h;
  return stored ? passwordMatches(password, stored) : false;
}

/** Counts a wrong password and sets the wait before the next try (`delayAfterFailures`); returns the wait in seconds. */
export function recordFailedSignIn(db: Db, id: string, nowMs: number): number {
  const failures = (db.prepare('SELECT failed_sign_ins AS n FROM accounts WHERE id = ?').get(id) as { n: number }).n + 1;
  const wait = delayAfterFailures(failures);
  db.prepare('UPDATE accounts SET failed_sign_ins = ?, blocked_until = ? WHERE id = ?').run(
    failures, wait > 0 ? new Date(nowMs + wait * 1000).toISOString() : null, id,
  );
  return wait;
}

export function clearFailedSignIns(db: Db, id: string): void {
  db.prepare('UPDATE accounts SET failed_sign_ins = 0, blocked_until = NULL WHERE id = ? AND (failed_sign_ins > 0 OR blocked_until IS NOT NULL)').run(id);
}
