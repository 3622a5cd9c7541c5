import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Migration } from './types';

/**
 * Accounts (issue 13): who signs in, with which role, and a slow hash of the password (db/accounts/password.ts). An
 * installation set up before accounts existed gets its operator (录入人) as the administrator, without a password:
 * the first open asks for one (`system.setFirstPassword`). Accounts are never deleted — an audit entry names them —
 * only disabled.
 */
export const accounts: Migration = {
  version: 21,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'entry', 'reviewer', 'readonly')),
        password_hash TEXT,
        password_set_at TEXT,
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        blocked_until TEXT,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        operator TEXT NOT NULL
      );
      CREATE UNIQUE INDEX accounts_name ON accounts (name);
    `);
    const installation = db.prepare("SELECT json_extract(value, '$.operator') AS operator FROM settings WHERE key = 'installation'").get() as
      | { operator: string | null }
      | undefined;
    if (installation?.operator) {
      const at = nowIso();
      db.prepare(`INSERT INTO accounts (id, name, role, created_at, updated_at, operator) VALUES (?, ?, 'admin', ?, ?, '升级')`).run(
        newId(), installation.operator, at, at,
      );
    }
  },
};
