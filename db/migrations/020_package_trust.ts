import type { Migration } from './types';

/**
 * Package trust (issue 14, docs/package-format.md):
 * - `submissions.refusal`: an import that was refused is logged too, with the Chinese reason
 *   (`{ "reason": "PACKAGE_…", "message": "…" }`); null for everything that went through.
 * - `unit_keys`: the signing key a street pinned for each community at its first import (the raw Ed25519 public
 *   key, base64 SPKI DER, and its fingerprint as shown and printed). A package signed with another key is refused
 *   until an administrator accepts the change; the previous key stays in the audit log.
 */
export const packageTrust: Migration = {
  version: 20,
  name: 'package_trust',
  up(db) {
    db.exec(`
      ALTER TABLE submissions ADD COLUMN refusal TEXT;

      CREATE TABLE unit_keys (
        unit_code   TEXT PRIMARY KEY,
        unit_name   TEXT NOT NULL,
        public_key  TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        pinned_at   TEXT NOT NULL,
        pinned_by   TEXT NOT NULL,
        package_id  TEXT NOT NULL,
        changes     INTEGER NOT NULL DEFAULT 0 CHECK (changes >= 0)
      ) STRICT;
    `);
  },
};
