import type { Db } from './open';
import { nowIso } from './moment';
import type { Installation } from './types';
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
