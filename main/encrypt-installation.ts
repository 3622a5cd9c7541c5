import fs from 'node:fs';
import { backupDatabase, listBackups } from '../db/backup';
import { encryptCopy, fileChecksums, isPlainSqlite, tableChecksums } from '../db/keys/encrypt-file';
import { makePrivate } from '../db/keys/private-files';
import type { Db } from '../db/open';
import type { Reporter } from './api/submission/progress';
import type { DataKeys } from './data-keys';
import type { Logger } from './log';

/** The phases the sign-in screen shows while a plain installation is encrypted (main/core.ts). */
export const ENCRYPTION_STEPS = 5;

/** Where the plain data file waits while its encrypted copy is put in place and proven; removed after. */
export const plainKeptName = (dbFile: string): string => `${dbFile}.plain-before-encryption`;

const sidecars = (file: string) => [`${file}-wal`, `${file}-shm`];

/**
 * Encrypts a plain installation (issue 13): at setup, or at an administrator's first sign-in after the upgrade —
 * the first moment a password is there to wrap the new data key with. The caller holds every other request back.
 * 1. the live data is copied through the backup API and the copy encrypted and proven (quick_check and every
 *    table's checksum against the live file's) — nothing live is touched yet;
 * 2. the key file is written (before the swap: an encrypted data file without its wraps would be lost, while a
 *    key file beside a plain data file is only discarded at the next start);
 * 3. the live file is closed and moved aside as the plain copy, the encrypted one takes its name and is opened;
 * 4. an encrypted backup is taken and checked, and only then the plain copy is removed; older plain backups are
 *    encrypted where they lie the same way (copy, encrypt, prove, rename over).
 * A failure before 3 leaves the plain installation as it was; in 3 the plain file goes back.
 */
export async function encryptInstallation(o: {
  db: Db;
  dbFile: string;
  backupDir: string;
  keys: DataKeys;
  unitName: string;
  account: { id: string; name: string };
  password: string;
  now: Date;
  reopen: () => Promise<Db>;
  log: Logger;
  /** Each phase is reported (and the event loop let through, so the window's question about it is answered). */
  progress: Reporter;
}): Promise<{ db: Db; recoveryCode: string }> {
  const started = performance.now();
  const copy = `${o.dbFile}.encrypting`;
  fs.rmSync(copy, { force: true });
  await o.progress.phase('复制数据文件');
  const expected = tableChecksums(o.db);
  let created: { key: Buffer; recoveryCode: string };
  try {
    await o.db.backup(copy);
    created = o.keys.create(o.unitName, o.account, o.password);
    await o.progress.phase('加密副本并逐表核对');
    encryptCopy(copy, created.key, expected);
  } catch (err) {
    fs.rmSync(copy, { force: true });
    o.keys.discard();
    throw err;
  }

  await o.progress.phase('换用加密的数据文件');
  const kept = plainKeptName(o.dbFile);
  o.db.close();
  fs.renameSync(o.dbFile, kept);
  for (const f of sidecars(o.dbFile)) fs.rmSync(f, { force: true });
  fs.renameSync(copy, o.dbFile);
  let db: Db;
  try {
    db = await o.reopen();
  } catch (err) {
    fs.rmSync(o.dbFile, { force: true });
    fs.renameSync(kept, o.dbFile);
    o.keys.discard();
    await o.reopen();
    throw err;
  }
  for (const f of [o.dbFile, ...sidecars(o.dbFile)]) makePrivate(f);

  await o.progress.phase('备份并检查加密的数据');
  const backup = await backupDatabase(db, o.backupDir, 'auto', o.now, created.key);
  fs.rmSync(kept, { force: true });
  o.log.info(`data file encrypted in ${Math.round(performance.now() - started)} ms; checked backup ${backup.name}; plain copy removed`);
  await o.progress.phase('加密以前的备份');
  for (const old of listBackups(o.backupDir).filter((b) => isPlainSqlite(b.file))) {
    const tmp = `${old.file}.encrypting`;
    try {
      fs.copyFileSync(old.file, tmp);
      encryptCopy(tmp, created.key, fileChecksums(old.file));
      fs.renameSync(tmp, old.file);
    } catch (err) {
      // A damaged old backup cannot be proven: it goes, rather than stay readable by anyone.
      fs.rmSync(tmp, { force: true });
      fs.rmSync(old.file, { force: true });
      o.log.error(`plain backup ${old.name} could not be encrypted; removed`, err);
    }
  }
  o.progress.finish();
  return { db, recoveryCode: created.recoveryCode };
}
