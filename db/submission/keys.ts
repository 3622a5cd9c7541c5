import type { Db } from '../open';
import { nowIso } from '../moment';

/** The signing key pinned for a lower unit at its first import (migration 020). */
export interface PinnedKey {
  unitCode: string;
  unitName: string;
  publicKey: string;
  fingerprint: string;
  pinnedAt: string;
  pinnedBy: string;
  packageId: string;
  /** How many key changes an administrator accepted. */
  changes: number;
}

const KEY = `SELECT unit_code AS unitCode, unit_name AS unitName, public_key AS publicKey, fingerprint, pinned_at AS pinnedAt,
  pinned_by AS pinnedBy, package_id AS packageId, changes FROM unit_keys`;

export function pinnedKey(db: Db, unitCode: string): PinnedKey | undefined {
  return db.prepare(`${KEY} WHERE unit_code = ?`).get(unitCode) as PinnedKey | undefined;
}

/** The unit a key is pinned for, if any (a community's key on another code's package is refused). */
export function unitOfKey(db: Db, publicKey: string): PinnedKey | undefined {
  return db.prepare(`${KEY} WHERE public_key = ?`).get(publicKey) as PinnedKey | undefined;
}

export function listPinnedKeys(db: Db): PinnedKey[] {
  return db.prepare(`${KEY} ORDER BY unit_code`).all() as PinnedKey[];
}

/** Pins the key at a unit's first import, or (an administrator's accepted change) replaces it, counting the change. */
export function pinKey(db: Db, k: Pick<PinnedKey, 'unitCode' | 'unitName' | 'publicKey' | 'fingerprint' | 'packageId'>, operator: string): PinnedKey {
  db.prepare(
    `INSERT INTO unit_keys (unit_code, unit_name, public_key, fingerprint, pinned_at, pinned_by, package_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (unit_code) DO UPDATE SET unit_name = excluded.unit_name, public_key = excluded.public_key,
       fingerprint = excluded.fingerprint, pinned_at = excluded.pinned_at, pinned_by = excluded.pinned_by,
       package_id = excluded.package_id, changes = changes + 1`,
  ).run(k.unitCode, k.unitName, k.publicKey, k.fingerprint, nowIso(), operator, k.packageId);
  return pinnedKey(db, k.unitCode)!;
}
