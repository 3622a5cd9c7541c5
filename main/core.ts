import fs from 'node:fs';
import path from 'node:path';
import { backedUpToday, backupDatabase, newestGoodBackup, removeUnfinishedBackups, rotateBackups } from '../db/backup';
import { sqliteDriver } from '../db/driver';
import { DatabaseDamagedError, EncryptionUnavailableError } from '../db/errors';
import { isPlainSqlite } from '../db/keys/encrypt-file';
import { makePrivate, makePrivateDir } from '../db/keys/private-files';
import { lockDataFolder } from '../db/folder-lock';
import { integrityCheckInSteps, messageOf } from '../db/health';
import { withMoment } from '../db/moment';
import { openDatabase, type Db } from '../db/open';
import { restoreBackup } from '../db/restore';
import { getBackupPolicy, getInstallation } from '../db/settings';
import { calendarDay, DEFAULT_TIME_ZONE } from './api/common/calendar';
import { contract } from './api/contract';
import { handlers } from './api/handlers';
import { DomainError } from './api/common/errors';
import { createRouter, toBody, type Dispatch } from './api/router';
import type { Services } from './api/context';
import { createSessions } from './api/sessions';
import { encryptionJobOf, type SessionView } from './api/system/contract';
import { sealedStatus } from './api/system/handlers';
import { momentOf, systemClock, type Clock } from './clock';
import { checkInThread, type BackgroundCheck, type EntrySpec } from './core-host/integrity-thread';
import { checkDataAtStart } from './data-check-at-start';
import { dataKeys } from './data-keys';
import { getProgress, reporter } from './api/submission/progress';
import { ENCRYPTION_STEPS, encryptInstallation } from './encrypt-installation';
import { fileLogger, type Logger } from './log';
import { networkDriveWarning, networkFileSystemOf } from './network-drive';
import { requestGate } from './request-gate';
import { sealedDispatch } from './sealed';

export interface Core {
  dispatch: Dispatch;
  services: Services;
  close(): void;
}

export const DB_FILE_NAME = 'streetdesk.sqlite';

/** The channels whose success proves an administrator's password: a plain installation is encrypted after them. */
const PROVES_ADMIN_PASSWORD = new Set(['system.setup', 'system.signIn', 'system.setFirstPassword']);
const sessionIn = (channel: string, data: unknown): SessionView =>
  channel === 'system.setup' ? (data as { session: SessionView }).session : (data as SessionView);

/**
 * Opens the data folder and returns the router both transports call. The folder is locked for the life of the
 * core (one process per data folder); a damaged data file is refused, naming the newest good backup. On start
 * it takes the day's automatic backup (at most one a day) and, before any migration, a safety backup, and checks
 * the maintained totals and the ledgers' chains within a time box; the full integrity check then runs in the
 * background.
 *
 * Encryption at rest (issue 13; docs/architecture.md, "Encryption at rest"): an encrypted data file cannot be
 * opened before someone signs in, so the core starts **sealed** (main/sealed.ts) and all of the above happens at
 * the sign-in that unwraps the data key. A plain installation is encrypted at setup, or at an administrator's
 * first sign-in after the upgrade (`encrypt: false` leaves new installations plain: the tests' default).
 */
export async function createCore(options: {
  dataDir: string;
  log?: Logger;
  autoBackup?: boolean;
  clock?: Clock;
  encrypt?: boolean;
  /** The worker script to run the background integrity check in (the core's worker gives its own); without it, table by table on this thread. */
  checkIn?: EntrySpec;
}): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const dataDir = path.resolve(options.dataDir);
  makePrivateDir(dataDir);
  const folderLock = lockDataFolder(dataDir); // first: nothing below may touch a folder another process serves
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const backupDir = path.join(dataDir, 'backups');
  const log = options.log ?? fileLogger(path.join(dataDir, 'logs'), clock);
  const keys = dataKeys(dataDir);
  // A key file beside a plain (or no) data file is from an encryption that did not finish: the data is plain.
  if (keys.encrypted() && (!fs.existsSync(dbFile) || isPlainSqlite(dbFile))) keys.discard();
  if (keys.encrypted() && sqliteDriver().name !== 'native') {
    folderLock.release();
    throw new EncryptionUnavailableError(sqliteDriver().reason);
  }
  const encryptNew = (options.encrypt ?? true) && sqliteDriver().name === 'native';
  const dataKey = () => keys.key() ?? undefined;

  // The core's own work (migrations, backups at start) happens in a moment of its own, like a request's.
  const now = () => new Date(clock.nowMs());
  const open = (checkBudgetMs?: number) =>
    withMoment(momentOf(clock, DEFAULT_TIME_ZONE), () =>
      openDatabase(
        dbFile,
        async (db, pending) => {
          const b = await backupDatabase(db, backupDir, 'pre-migration', now(), dataKey());
          log.info(`backup ${b.name} before migrations ${pending.join(',')}`);
        },
        { checkBudgetMs, key: dataKey() },
      ),
    ).then((db) => {
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) makePrivate(f);
      return db;
    });

  // What the settings page shows above everything else: a network drive, a failed check or backup.
  const warnings: string[] = [];
  const networkType = networkFileSystemOf(dataDir);
  if (networkType) warnings.push(networkDriveWarning(dataDir, networkType));

  for (const name of removeUnfinishedBackups(backupDir)) log.info(`removed unfinished backup ${name}`);
  const refusal = (err: unknown) => (err instanceof DatabaseDamagedError ? err.withNewestBackup(newestGoodBackup(backupDir, dataKey())?.file ?? null) : err);
  let db: Db | undefined;
  if (!keys.encrypted()) {
    try {
      db = await open();
    } catch (err) {
      folderLock.release();
      throw refusal(err);
    }
  }
  const driver = sqliteDriver();
  log.info(`SQLite ${driver.sqliteVersion} through ${driver.label}${driver.reason ? ` — fallback: ${driver.reason}` : ''}`);
  const gate = requestGate();
  const live = () => db!;
  /** The background integrity check's thread, while it runs (started in `opened`). */
  let background: BackgroundCheck | null = null;
  const stopBackground = () => {
    background?.stop();
    background = null;
  };

  const services: Services = {
    dataDir,
    dbFile,
    backupDir,
    log,
    clock,
    warnings: () => [...warnings],
    sessions: createSessions(),
    keys,
    async backupNow() {
      const info = await backupDatabase(live(), backupDir, 'manual', now(), dataKey());
      services.rotateBackups();
      return info;
    },
    rotateBackups() {
      const removed = rotateBackups(backupDir, getBackupPolicy(live()));
      for (const b of removed) log.info(`removed backup ${b.name} (${b.bytes} bytes): outside the retention or the folder's size limit`);
      return removed;
    },
    restore: (name) =>
      gate.alone(async () => {
        stopBackground(); // it would hold the file being replaced open
        const source = path.join(backupDir, path.basename(name));
        const result = await restoreBackup({
          live: live(), dbFile, source, backupDir, now: now(), key: dataKey(), reopen: async (budget) => (db = await open(budget)),
        });
        log.info(`restored ${name}; previous data kept as ${result.keptAs}`);
        return result;
      }),
  };

  const route = createRouter(contract, handlers, { db: live, services });

  /**
   * What follows opening the data file, at start or at the sign-in that unseals it. After a lock closed it
   * (`again`), only the day's backup is due: the checks ran on this file when it was first opened.
   */
  async function opened(again = false): Promise<void> {
    const zone = getInstallation(live())?.timeZone ?? DEFAULT_TIME_ZONE;
    const today = momentOf(clock, zone).today;
    if (options.autoBackup !== false && !backedUpToday(backupDir, today, (iso) => calendarDay(Date.parse(iso), zone))) {
      try {
        await backupDatabase(live(), backupDir, 'auto', now(), dataKey());
        services.rotateBackups();
      } catch (err) {
        log.error('automatic backup failed', err);
        warnings.push(`今天的自动备份没有完成：${messageOf(err)}`);
      }
    }
    if (again) return;

    // 核对数据 within its time box: the maintained totals and the ledgers' chains (main/data-check-at-start.ts).
    const dataWarning = checkDataAtStart(live(), log);
    if (dataWarning) warnings.push(dataWarning);

    // The whole integrity_check is too slow to wait for at start (7 s at district scale, one table 11 s): it runs on
    // a thread of its own, or table by table between requests here; a lock, a restore or closing stops it.
    const checked = live();
    const stillWanted = () => checked.open && db === checked;
    let problems: Promise<string[]>;
    if (options.checkIn) {
      background = checkInThread(options.checkIn, dbFile, dataKey());
      problems = background.done;
    } else {
      problems = integrityCheckInSteps(checked, stillWanted);
    }
    void problems.then((found) => {
      if (found.length === 0 || !stillWanted()) return;
      log.error(`integrity_check found: ${found.join('; ')}`);
      warnings.push(`数据文件完整性检查发现问题（${found[0]}）。请尽快在“备份”中从最近一份完好的备份恢复，并联系技术支持。`);
    }, (err: unknown) => log.error('background integrity check failed', err));
  }

  /** After an administrator proved a password on a plain installation: encrypt it, and hand back the recovery code. */
  async function encryptAfter(channel: string, input: unknown, envelope: Awaited<ReturnType<Dispatch>>) {
    if (!envelope.ok || keys.encrypted() || !encryptNew || !PROVES_ADMIN_PASSWORD.has(channel)) return envelope;
    const session = sessionIn(channel, envelope.data);
    if (session.account.role !== 'admin') return envelope;
    try {
      const { recoveryCode } = await gate.alone(async () => {
        stopBackground(); // it holds the plain file open, which the encryption replaces
        const result = await encryptInstallation({
          db: live(), dbFile, backupDir, keys, unitName: getInstallation(live())!.unitName, account: session.account,
          password: (input as { password: string }).password, now: now(), log, reopen: async () => (db = await open()),
          progress: reporter(encryptionJobOf(dataDir), ENCRYPTION_STEPS),
        });
        db = result.db;
        return result;
      });
      session.recoveryCode = recoveryCode;
    } catch (err) {
      log.error('encrypting the data file failed; it stays plain', err);
      warnings.push(`数据文件没有加密（${messageOf(err)}）。数据仍可正常使用；下次管理员登录时会再试。`);
    }
    return envelope;
  }

  /**
   * The lock or a sign-out that left no session active closes an encrypted data file and wipes its key from memory:
   * the core is sealed again until a password (or the recovery code) is given. It runs alone, so an export, an
   * import or a submission already under way finishes first (never cut half-written); requests that arrive
   * meanwhile wait, and are answered sealed.
   */
  async function sealAfter(channel: string, envelope: Awaited<ReturnType<Dispatch>>) {
    if (channel !== 'system.signOut' || !envelope.ok || !keys.encrypted()) return envelope;
    await gate.alone(async () => {
      if (!db || services.sessions.activeCount() > 0) return;
      stopBackground(); // it holds the data key too
      db.close();
      db = undefined;
      opening = null;
      keys.forget();
      log.info('data file closed: no session left active (lock or sign-out)');
    });
    return envelope;
  }

  // Sealed: the first sign-in that unwraps the data key opens the file, once, however many arrive together.
  let openedBefore = false;
  let opening: Promise<void> | null = null;
  const unseal = (key: Buffer) =>
    (opening ??= (async () => {
      try {
        db = await open();
      } catch (err) {
        opening = null;
        // Said to whoever signed in: a key that does not open the file, a damaged file (naming the newest backup).
        const refused = refusal(err);
        if (refused instanceof Error && refused.name !== 'Error') throw new DomainError('DOMAIN', refused.message, refused.name);
        throw refused;
      }
      log.info(`encrypted data file opened with ${key.length * 8}-bit data key`);
      await opened(openedBefore);
      openedBefore = true;
    })());
  const sealed = sealedDispatch({ keys, services, routed: route, open: unseal, status: () => sealedStatus(services) });

  // Every request runs beside the others, and finds the file open or sealed as it is when its turn comes (a lock
  // may close it while the request waits). A restore waits for the requests already running and holds back new
  // ones itself (services.restore).
  const dispatch: Dispatch = async (channel, input, session) => {
    // Answered beside the gate and without the data file, which the encryption it reports on holds alone (and swaps).
    if (channel === 'system.getEncryptionProgress') {
      const parsed = contract[channel].input.safeParse(input ?? {});
      return parsed.success ? { ok: true, data: getProgress(encryptionJobOf(dataDir)) } : { ok: false, error: toBody(parsed.error, services, channel) };
    }
    if (channel === 'system.restoreBackup' && db) return route(channel, input, session);
    const envelope = await gate.shared(() => (db ? route(channel, input, session) : sealed(channel, input, session)));
    return sealAfter(channel, await encryptAfter(channel, input, envelope));
  };

  if (db) {
    await opened();
    openedBefore = true;
  }

  return {
    dispatch,
    services,
    close: () => {
      stopBackground();
      db?.close();
      folderLock.release();
    },
  };
}
