import fs from 'node:fs';
import path from 'node:path';
import { backedUpToday, backupDatabase, checkBackup, replaceWithBackup, rotateBackups } from '../db/backup';
import { openDatabase, type Db } from '../db/open';
import { contract } from './api/contract';
import { handlers } from './api/handlers';
import { createRouter, type Dispatch } from './api/router';
import type { Services } from './api/context';
import { fileLogger, type Logger } from './log';

export interface Core {
  dispatch: Dispatch;
  services: Services;
  close(): void;
}

export const DB_FILE_NAME = 'streetdesk.sqlite';

/**
 * Opens the data folder and returns the router both transports call. On start it takes the day's
 * automatic backup (at most one a day) and, before any migration, a safety backup.
 */
export async function createCore(options: { dataDir: string; log?: Logger; autoBackup?: boolean }): Promise<Core> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const backupDir = path.join(dataDir, 'backups');
  const log = options.log ?? fileLogger(path.join(dataDir, 'logs'));

  const open = () =>
    openDatabase(dbFile, async (db, pending) => {
      const b = await backupDatabase(db, backupDir, 'pre-migration');
      log.info(`backup ${b.name} before migrations ${pending.join(',')}`);
    });

  let db: Db = await open();
  // Requests that arrive during a restore wait for it instead of meeting a closed database.
  let restoring: Promise<unknown> | null = null;

  const services: Services = {
    dataDir,
    dbFile,
    backupDir,
    log,
    async backupNow() {
      const info = await backupDatabase(db, backupDir, 'manual');
      rotateBackups(backupDir);
      return info;
    },
    async restore(name) {
      const source = path.join(backupDir, path.basename(name));
      if (!fs.existsSync(source)) throw new Error(`backup ${name} not found`);
      checkBackup(source); // before anything is closed or replaced
      const run = (async () => {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
        try {
          const keptAs = replaceWithBackup(dbFile, source, backupDir);
          log.info(`restored ${name}; previous data kept as ${path.basename(keptAs)}`);
          return { keptAs: path.basename(keptAs) };
        } finally {
          db = await open();
        }
      })();
      restoring = run;
      try {
        return await run;
      } finally {
        restoring = null;
      }
    },
  };

  const route = createRouter(contract, handlers, { db: () => db, services });
  const dispatch: Dispatch = async (channel, input) => {
    if (restoring && channel !== 'system.restoreBackup') await restoring.catch(() => undefined);
    return route(channel, input);
  };

  if (options.autoBackup !== false && !backedUpToday(backupDir)) {
    try {
      await backupDatabase(db, backupDir, 'auto');
      rotateBackups(backupDir);
    } catch (err) {
      log.error('automatic backup failed', err);
    }
  }

  return { dispatch, services, close: () => db.close() };
}
