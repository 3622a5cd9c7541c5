import fs from 'node:fs';
import path from 'node:path';
import { backedUpToday, backupDatabase, newestGoodBackup, removeUnfinishedBackups, rotateBackups } from '../db/backup';
import { sqliteDriver } from '../db/driver';
import { DatabaseDamagedError } from '../db/errors';
import { lockDataFolder } from '../db/folder-lock';
import { integrityCheckInSteps, messageOf } from '../db/health';
import { withMoment } from '../db/moment';
import { openDatabase, type Db } from '../db/open';
import { restoreBackup } from '../db/restore';
import { getInstallation } from '../db/settings';
import { calendarDay, DEFAULT_TIME_ZONE } from './api/common/calendar';
import { contract } from './api/contract';
import { handlers } from './api/handlers';
import { createRouter, type Dispatch } from './api/router';
import type { Services } from './api/context';
import { createSessions } from './api/sessions';
import { momentOf, systemClock, type Clock } from './clock';
import { checkDataAtStart } from './data-check-at-start';
import { fileLogger, type Logger } from './log';
import { networkDriveWarning, networkFileSystemOf } from './network-drive';
import { requestGate } from './request-gate';

export interface Core {
  dispatch: Dispatch;
  services: Services;
  close(): void;
}

export const DB_FILE_NAME = 'streetdesk.sqlite';

/**
 * Opens the data folder and returns the router both transports call. The folder is locked for the life of the
 * core (one process per data folder); a damaged data file is refused, naming the newest good backup. On start
 * it takes the day's automatic backup (at most one a day) and, before any migration, a safety backup, and checks
 * the maintained totals and the ledgers' chains within a time box; the full integrity check then runs in the
 * background.
 */
export async function createCore(options: { dataDir: string; log?: Logger; autoBackup?: boolean; clock?: Clock }): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const folderLock = lockDataFolder(dataDir); // first: nothing below may touch a folder another process serves
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const backupDir = path.join(dataDir, 'backups');
  const log = options.log ?? fileLogger(path.join(dataDir, 'logs'), clock);

  // The core's own work (migrations, backups at start) happens in a moment of its own, like a request's.
  const now = () => new Date(clock.nowMs());
  const open = (checkBudgetMs?: number) =>
    withMoment(momentOf(clock, DEFAULT_TIME_ZONE), () =>
      openDatabase(
        dbFile,
        async (db, pending) => {
          const b = await backupDatabase(db, backupDir, 'pre-migration', now());
          log.info(`backup ${b.name} before migrations ${pending.join(',')}`);
        },
        { checkBudgetMs },
      ),
    );

  // What the settings page shows above everything else: a network drive, a failed check or backup.
  const warnings: string[] = [];
  const networkType = networkFileSystemOf(dataDir);
  if (networkType) warnings.push(networkDriveWarning(dataDir, networkType));

  for (const name of removeUnfinishedBackups(backupDir)) log.info(`removed unfinished backup ${name}`);
  let db: Db;
  try {
    db = await open();
  } catch (err) {
    folderLock.release();
    throw err instanceof DatabaseDamagedError ? err.withNewestBackup(newestGoodBackup(backupDir)?.file ?? null) : err;
  }
  const driver = sqliteDriver();
  log.info(`SQLite ${driver.sqliteVersion} through ${driver.label}${driver.reason ? ` — fallback: ${driver.reason}` : ''}`);
  const gate = requestGate();

  const services: Services = {
    dataDir,
    dbFile,
    backupDir,
    log,
    clock,
    warnings: () => [...warnings],
    sessions: createSessions(),
    async backupNow() {
      const info = await backupDatabase(db, backupDir, 'manual', now());
      rotateBackups(backupDir);
      return info;
    },
    restore: (name) =>
      gate.alone(async () => {
        const source = path.join(backupDir, path.basename(name));
        const result = await restoreBackup({ live: db, dbFile, source, backupDir, now: now(), reopen: async (budget) => (db = await open(budget)) });
        log.info(`restored ${name}; previous data kept as ${result.keptAs}`);
        return result;
      }),
  };

  const route = createRouter(contract, handlers, { db: () => db, services });
  // A restore waits for the requests already running and holds back new ones itself (services.restore).
  const dispatch: Dispatch = (channel, input, session) =>
    channel === 'system.restoreBackup' ? route(channel, input, session) : gate.shared(() => route(channel, input, session));

  const zone = getInstallation(db)?.timeZone ?? DEFAULT_TIME_ZONE;
  const today = momentOf(clock, zone).today;
  if (options.autoBackup !== false && !backedUpToday(backupDir, today, (iso) => calendarDay(Date.parse(iso), zone))) {
    try {
      await backupDatabase(db, backupDir, 'auto', now());
      rotateBackups(backupDir);
    } catch (err) {
      log.error('automatic backup failed', err);
      warnings.push(`今天的自动备份没有完成：${messageOf(err)}`);
    }
  }

  // 核对数据 within its time box: the maintained totals and the ledgers' chains (main/data-check-at-start.ts).
  const dataWarning = checkDataAtStart(db, log);
  if (dataWarning) warnings.push(dataWarning);

  // The whole integrity_check is too slow to wait for at start (7 s at district scale); it runs table by table
  // between requests, and stops when the connection it checks is closed or replaced by a restore.
  const checked = db;
  void integrityCheckInSteps(checked, () => checked.open && db === checked).then((problems) => {
    if (problems.length === 0) return;
    log.error(`integrity_check found: ${problems.join('; ')}`);
    warnings.push(`数据文件完整性检查发现问题（${problems[0]}）。请尽快在“备份”中从最近一份完好的备份恢复，并联系技术支持。`);
  }, (err: unknown) => log.error('background integrity check failed', err));

  return {
    dispatch,
    services,
    close: () => {
      db.close();
      folderLock.release();
    },
  };
}
