import fs from 'node:fs';
import path from 'node:path';
import { DatabaseTooNewError } from './errors';
import { currentVersion, latestVersion } from './migrate';
import { openFile, type Db } from './open';

export type BackupReason = 'auto' | 'manual' | 'pre-migration' | 'pre-restore';

export interface BackupInfo {
  file: string;
  name: string;
  reason: BackupReason;
  /** ISO-8601 UTC, from the file name. */
  takenAt: string;
  bytes: number;
}

const NAME = /^streetdesk-(\d{8}T\d{6}(?:\d{3})?Z)-(auto|manual|pre-migration|pre-restore)\.sqlite$/;

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');
const unstamp = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.length > 16 ? s.slice(15, 18) : '000'}Z`;

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const file = path.join(dir, name);
      return [{ file, name, reason: m[2] as BackupReason, takenAt: unstamp(m[1]!), bytes: fs.statSync(file).size }];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** A consistent copy of a live database through SQLite's online backup API (safe while it is in use). */
export async function backupDatabase(db: Db, dir: string, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const name = `streetdesk-${stamp(now)}-${reason}.sqlite`;
  const file = path.join(dir, name);
  await db.backup(file);
  return { file, name, reason, takenAt: now.toISOString(), bytes: fs.statSync(file).size };
}

const dayKey = (iso: string) => iso.slice(0, 10);
function weekKey(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/**
 * Keeps every backup of the newest day, the newest of each of the last `daily` days and of each of the
 * `weekly` weeks before those; safety copies (before a migration or a restore) keep their own newest `safety`.
 * Returns the files removed.
 */
export function rotateBackups(dir: string, policy = { daily: 7, weekly: 4, safety: 5 }): string[] {
  const all = listBackups(dir);
  const keep = new Set<string>();
  const routine = all.filter((b) => b.reason === 'auto' || b.reason === 'manual');
  const days = new Set<string>();
  const weeks = new Set<string>();
  const newestDay = routine[0] ? dayKey(routine[0].takenAt) : null;
  for (const b of routine) {
    const day = dayKey(b.takenAt);
    // Every backup of the newest day stays: a clerk who backs up twice before a risky change expects both.
    if (day === newestDay) keep.add(b.file);
    if (days.size < policy.daily || days.has(day)) {
      if (!days.has(day)) keep.add(b.file);
      days.add(day);
      continue;
    }
    const week = weekKey(b.takenAt);
    if (weeks.size < policy.weekly && !weeks.has(week)) {
      weeks.add(week);
      keep.add(b.file);
    }
  }
  for (const reason of ['pre-migration', 'pre-restore'] as const) {
    all.filter((b) => b.reason === reason).slice(0, policy.safety).forEach((b) => keep.add(b.file));
  }
  const removed = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
  removed.forEach((f) => fs.rmSync(f, { force: true }));
  return removed;
}

/** True when the newest automatic or manual backup was taken on the same local day as `now`. */
export function backedUpToday(dir: string, now = new Date()): boolean {
  const newest = listBackups(dir).find((b) => b.reason === 'auto' || b.reason === 'manual');
  return !!newest && new Date(newest.takenAt).toDateString() === now.toDateString();
}

export class BackupCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupCheckError';
  }
}

/** Opens a backup read-only and checks it can replace the live file: intact, and not from a newer app. */
export function checkBackup(file: string): { version: number } {
  let db: Db;
  try {
    db = openFile(file, { readonly: true });
  } catch {
    throw new BackupCheckError('无法打开备份文件，它可能不是 StreetDesk 的数据备份');
  }
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupCheckError(`备份文件已损坏（完整性检查：${String(result)}），未做任何更改`);
    const version = currentVersion(db);
    if (version === 0) throw new BackupCheckError('备份文件中没有 StreetDesk 数据，未做任何更改');
    if (version > latestVersion()) throw new DatabaseTooNewError(version, latestVersion());
    return { version };
  } catch (err) {
    if (err instanceof BackupCheckError || err instanceof DatabaseTooNewError) throw err;
    throw new BackupCheckError('备份文件已损坏或不是数据库文件，未做任何更改');
  } finally {
    db.close();
  }
}

/**
 * Replaces the (closed) live file with a checked backup. The live file is first kept as a
 * `pre-restore` backup, so a restore can itself be undone.
 */
export function replaceWithBackup(liveFile: string, backupFile: string, backupDir: string, now = new Date()): string {
  checkBackup(backupFile);
  fs.mkdirSync(backupDir, { recursive: true });
  const kept = path.join(backupDir, `streetdesk-${stamp(now)}-pre-restore.sqlite`);
  // The live database was checkpointed and closed by the caller, so the main file alone is complete.
  fs.copyFileSync(liveFile, kept);
  const tmp = `${liveFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(liveFile + suffix, { force: true });
  fs.renameSync(tmp, liveFile);
  return kept;
}
