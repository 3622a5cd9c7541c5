import fs from 'node:fs';
import path from 'node:path';
import { DatabaseTooNewError } from './errors';
import { fileHeader, SQLITE_MAGIC } from './file-header';
import { checkWholeFile, messageOf } from './health';
import { currentVersion, latestVersion } from './migrate';
import { makePrivate, makePrivateDir } from './keys/private-files';
import { openFile, type Db } from './open';
import { DEFAULT_BACKUP_POLICY, getInstallation } from './settings';
import type { BackupFolder, BackupInfo, BackupPolicy, BackupReason } from './types';
export type { BackupFolder, BackupInfo, BackupPolicy, BackupReason } from './types';

const NAME = /^streetdesk-(\d{8}T\d{6}(?:\d{3})?Z)-(auto|manual|pre-migration|pre-restore)(-empty)?\.sqlite$/;
/** A backup is written under this suffix and gets its name only once it has been checked. */
const UNFINISHED = '.tmp';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');
const unstamp = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.length > 16 ? s.slice(15, 18) : '000'}Z`;

/**
 * Whether a file is a whole SQLite file: its header's page size × page count is its length. Cheap (100 bytes),
 * so every listing can use it; a 0-byte or cut-off file — an older version wrote backups under their final
 * name, so a killed backup left one — fails it and is not a backup.
 */
function isWhole(file: string, bytes: number): boolean {
  if (bytes < 100) return false;
  const header = fileHeader(file, 100);
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  if (header.toString('latin1', 0, 16) === SQLITE_MAGIC) return bytes === pageSize * header.readUInt32BE(28);
  // Encrypted (SQLite3MC): the first 16 bytes are the cipher's salt and the page count is encrypted, but bytes
  // 16–23 stay readable (page size, versions, reserved bytes, payload fractions 64/32/32).
  const plainTail = header[21] === 64 && header[22] === 32 && header[23] === 32;
  return plainTail && pageSize >= 512 && bytes >= pageSize && bytes % pageSize === 0;
}

/** The finished backups in `dir`, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const file = path.join(dir, name);
      const bytes = fs.statSync(file).size;
      if (!isWhole(file, bytes)) return [];
      return [{ file, name, reason: m[2] as BackupReason, takenAt: unstamp(m[1]!), bytes, empty: !!m[3] }];
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/**
 * Removes what a killed backup left: `*.tmp` files, and backup-named files that are not whole. Called at start,
 * when no backup of this folder can be running (the folder lock keeps other processes out). Returns the names.
 */
export function removeUnfinishedBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const unfinished = fs.readdirSync(dir).filter((name) => {
    if (name.startsWith('streetdesk-') && name.includes(`.sqlite${UNFINISHED}`)) return true; // with its -wal, -shm
    const file = path.join(dir, name);
    return NAME.test(name) && !isWhole(file, fs.statSync(file).size);
  });
  for (const name of unfinished) fs.rmSync(path.join(dir, name), { force: true });
  return unfinished;
}

function hasInstallation(db: Db): boolean {
  try {
    return getInstallation(db) !== null;
  } catch {
    return false; // no settings table yet: a file from before the first migration
  }
}

/** Opens a copy read-only: SQLite's full integrity_check, the schema version, and whether first start had happened. */
function inspect(file: string, key: Buffer | undefined): { problems: string[]; version: number; empty: boolean } {
  let db: Db;
  try {
    db = openFile(file, { readonly: true, key });
  } catch (err) {
    return { problems: [messageOf(err)], version: 0, empty: true };
  }
  try {
    const problems = checkWholeFile(db, 'integrity_check');
    if (problems.length > 0) return { problems, version: 0, empty: true };
    return { problems, version: currentVersion(db), empty: !hasInstallation(db) };
  } catch (err) {
    return { problems: [messageOf(err)], version: 0, empty: true };
  } finally {
    db.close();
  }
}

/**
 * The backup API copies the live file's WAL mode into the header; a backup in WAL mode grows `-wal`/`-shm` files
 * whenever it is opened (read-only openings cannot remove them). A backup is one file: rollback mode.
 */
function standAlone(file: string): void {
  const copy = openFile(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * A copy of the live database through SQLite's online backup API (consistent while it is in use, WAL included),
 * or for an encrypted one (`key`) through `VACUUM INTO`, which SQLite3MC writes encrypted with the same key (its
 * backup API refuses a target without the source's cipher) and in rollback mode — equally a consistent snapshot.
 * Written as `*.tmp`, owner-only, then opened and put through the full integrity_check, and only then renamed: a
 * killed backup never looks finished, and a damaged database never becomes a backup (the copy is damaged exactly
 * where the live file is).
 */
export async function backupDatabase(db: Db, dir: string, reason: BackupReason, now: Date, key?: Buffer): Promise<BackupInfo> {
  makePrivateDir(dir);
  const base = `streetdesk-${stamp(now)}-${reason}`;
  const tmp = path.join(dir, `${base}.sqlite${UNFINISHED}`);
  try {
    if (key) {
      db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
    } else {
      await db.backup(tmp);
      standAlone(tmp);
    }
    makePrivate(tmp);
    const { problems, empty } = inspect(tmp, key);
    if (problems.length > 0) {
      throw new BackupCheckError(
        `数据文件完整性检查未通过（${problems[0]}），没有生成备份，以免用损坏的数据顶替完好的备份。请从最近一份完好的备份恢复。`,
      );
    }
    const name = `${base}${empty ? '-empty' : ''}.sqlite`;
    const file = path.join(dir, name);
    fs.renameSync(tmp, file);
    return { file, name, reason, takenAt: now.toISOString(), bytes: fs.statSync(file).size, empty };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const dayKey = (iso: string) => iso.slice(0, 10);
const monthKey = (iso: string) => iso.slice(0, 7);
function weekKey(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}
const isRoutine = (b: BackupInfo) => b.reason === 'auto' || b.reason === 'manual';
const SAFETY_REASONS = ['pre-migration', 'pre-restore'] as const;
const GIGABYTE = 1024 ** 3;

/**
 * What the retention keeps of `all` (newest first): every backup of the newest day (a clerk who backs up twice
 * before a risky change expects both), the newest of each of the last `daily` days, of each of the `weekly` weeks
 * before those, and of each of the `monthly` months before those weeks; safety copies keep their own newest `safety`
 * of each kind, whatever the routine ones do.
 */
function retained(all: BackupInfo[], policy: BackupPolicy): Set<BackupInfo> {
  const keep = new Set<BackupInfo>();
  const routine = all.filter(isRoutine);
  const days = new Set<string>();
  const weeks = new Set<string>();
  const months = new Set<string>();
  // Weeks and months a newer copy already stands for: another there would be a second of the same week or month.
  const coveredWeeks = new Set<string>();
  const coveredMonths = new Set<string>();
  const take = (b: BackupInfo) => {
    keep.add(b);
    coveredWeeks.add(weekKey(b.takenAt));
    coveredMonths.add(monthKey(b.takenAt));
  };
  const newestDay = routine[0] ? dayKey(routine[0].takenAt) : null;
  for (const b of routine) {
    const day = dayKey(b.takenAt);
    if (day === newestDay) take(b);
    if (days.size < policy.daily || days.has(day)) {
      if (!days.has(day)) take(b);
      days.add(day);
      continue;
    }
    const week = weekKey(b.takenAt);
    if (coveredWeeks.has(week) && !weeks.has(week)) continue;
    if (weeks.size < policy.weekly || weeks.has(week)) {
      if (!weeks.has(week)) take(b);
      weeks.add(week);
      continue;
    }
    const month = monthKey(b.takenAt);
    if (months.size < policy.monthly && !months.has(month) && !coveredMonths.has(month)) {
      months.add(month);
      keep.add(b);
    }
  }
  for (const reason of SAFETY_REASONS) all.filter((b) => b.reason === reason).slice(0, policy.safety).forEach((b) => keep.add(b));
  return keep;
}

/**
 * What a size limit never removes: the newest backup, the newest holding data (each was integrity-checked when it
 * was written: the one a damaged file is restored from), and the newest safety copy of each kind.
 */
function untouchable(all: BackupInfo[]): Set<BackupInfo> {
  const newest = [all[0], all.find((b) => !b.empty), ...SAFETY_REASONS.map((r) => all.find((b) => b.reason === r))];
  return new Set(newest.filter((b): b is BackupInfo => !!b));
}

/**
 * The backups of `all` (newest first) that `policy` removes: those its retention does not keep, then, while the
 * kept ones together exceed `maxGigabytes`, the oldest of them that are not untouchable. The folder can stay over the
 * limit when the untouchable ones alone exceed it.
 */
export function backupsToRemove(all: BackupInfo[], policy: BackupPolicy): BackupInfo[] {
  const keep = retained(all, policy);
  if (policy.maxGigabytes !== null) {
    const limit = policy.maxGigabytes * GIGABYTE;
    const spared = untouchable(all);
    let total = [...keep].reduce((sum, b) => sum + b.bytes, 0);
    for (const b of [...all].reverse()) {
      if (total <= limit) break;
      if (!keep.has(b) || spared.has(b)) continue;
      keep.delete(b);
      total -= b.bytes;
    }
  }
  return all.filter((b) => !keep.has(b));
}

/** Removes from `dir` what `policy` does not keep (backupsToRemove); returns the backups removed. */
export function rotateBackups(dir: string, policy: BackupPolicy = DEFAULT_BACKUP_POLICY): BackupInfo[] {
  const removed = backupsToRemove(listBackups(dir), policy);
  removed.forEach((b) => fs.rmSync(b.file, { force: true }));
  return removed;
}

/** The backup folder as 设置 shows it: how many backups, their total size, and the newest holding data. */
export function backupFolder(dir: string): BackupFolder {
  const all = listBackups(dir);
  return { dir, count: all.length, totalBytes: all.reduce((sum, b) => sum + b.bytes, 0), newestWithData: all.find((b) => !b.empty) ?? null };
}

/**
 * Whether a routine backup with data was taken on `today`, the installation's calendar day; `dayOf` puts a backup's
 * instant on that calendar (the machine's own time zone may be another). A 空库 backup does not count: the
 * registers typed in after first start would otherwise wait a day for their first.
 */
export function backedUpToday(dir: string, today: string, dayOf: (instantIso: string) => string): boolean {
  const newest = listBackups(dir).find((b) => isRoutine(b) && !b.empty);
  return !!newest && dayOf(newest.takenAt) === today;
}

export class BackupCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupCheckError';
  }
}

/** Checks a backup can replace the live file: intact, a StreetDesk file, and not from a newer app. */
export function checkBackup(file: string, key?: Buffer): { version: number } {
  const { problems, version } = inspect(file, key);
  if (problems.length > 0) {
    throw new BackupCheckError(`备份文件已损坏或不是 StreetDesk 的数据备份（${problems[0]}），未做任何更改`);
  }
  if (version === 0) throw new BackupCheckError('备份文件中没有 StreetDesk 数据，未做任何更改');
  if (version > latestVersion()) throw new DatabaseTooNewError(version, latestVersion());
  return { version };
}

/** The newest backup that holds data and passes checkBackup: the one to name when the live file is damaged. */
export function newestGoodBackup(dir: string, key?: Buffer): BackupInfo | null {
  return (
    listBackups(dir).find((b) => {
      if (b.empty) return false;
      try {
        checkBackup(b.file, key);
        return true;
      } catch {
        return false;
      }
    }) ?? null
  );
}

/**
 * Puts a copy of `source` in place of the live file, which the caller has closed. The old `-wal`/`-shm` belong
 * to the old content and would be replayed onto the new one, so they go.
 */
export function installDatabaseFile(liveFile: string, source: string): void {
  const tmp = `${liveFile}.restoring`;
  fs.copyFileSync(source, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(liveFile + suffix, { force: true });
  fs.renameSync(tmp, liveFile);
}
