import type { Db } from './open';
import { nowIso } from './moment';
import type { BackupPolicy, Installation } from './types';
export type { Installation } from './types';

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, nowIso());
}

const INSTALLATION = 'installation';

export function getInstallation(db: Db): Installation | null {
  const raw = getSetting(db, INSTALLATION);
  return raw ? (JSON.parse(raw) as Installation) : null;
}

/** The unit's name as documents print it ('' before setup). */
export const unitNameOf = (db: Db): string => getInstallation(db)?.unitName ?? '';

export function setInstallation(db: Db, value: Installation): void {
  setSetting(db, INSTALLATION, JSON.stringify(value));
}

const BACKUP_POLICY = 'backupPolicy';
/** 7 days, 4 weeks, 12 months, 5 safety copies, 10 GB: a year of history at street scale, a bounded folder at district scale. */
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { daily: 7, weekly: 4, monthly: 12, safety: 5, maxGigabytes: 10 };

/** The stored policy over the defaults: a field added later takes its default in a policy saved before it. */
export function getBackupPolicy(db: Db): BackupPolicy {
  const raw = getSetting(db, BACKUP_POLICY);
  return { ...DEFAULT_BACKUP_POLICY, ...(raw ? (JSON.parse(raw) as Partial<BackupPolicy>) : {}) };
}

export function setBackupPolicy(db: Db, policy: BackupPolicy): void {
  setSetting(db, BACKUP_POLICY, JSON.stringify(policy));
}
