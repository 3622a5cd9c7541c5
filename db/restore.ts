import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, BackupCheckError, checkBackup, installDatabaseFile } from './backup';
import { messageOf } from './health';
import type { Db } from './open';

/** A restore that did not happen, or was undone; `reason` is what the UI switches on. */
export class RestoreRefusedError extends Error {
  constructor(
    message: string,
    readonly reason: 'DATA_FILE_IN_USE' | 'RESTORE_ROLLED_BACK',
  ) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/**
 * Replaces the live data with a backup. The caller has stopped every other request of its own (they would
 * meet a closed database); `reopen` opens the data file again and becomes the caller's connection, so it is
 * called on every path once `live` is closed. Steps:
 * 1. the backup is checked before anything is touched;
 * 2. the current data is kept as a `pre-restore` backup through the backup API, which reads what is still in
 *    the WAL (a plain file copy misses it), so a restore can itself be undone;
 * 3. closing the live connection checkpoints and deletes the WAL — unless another connection still has the
 *    file open (a tool, a script, a second connection in this process), which would go on writing into the
 *    replaced file unseen: then nothing is replaced;
 * 4. the backup is copied in and opened with the whole-file quick_check; if it fails, the safety copy goes back.
 */
export async function restoreBackup(o: {
  live: Db;
  dbFile: string;
  source: string;
  backupDir: string;
  now: Date;
  /** The data key of an encrypted installation: its backups are encrypted with it. */
  key?: Buffer;
  reopen: (checkBudgetMs?: number) => Promise<Db>;
}): Promise<{ keptAs: string }> {
  if (!fs.existsSync(o.source)) throw new BackupCheckError(`找不到备份文件 ${path.basename(o.source)}，未做任何更改`);
  checkBackup(o.source, o.key);
  const safety = await backupDatabase(o.live, o.backupDir, 'pre-restore', o.now, o.key);
  o.live.close();
  if (fs.existsSync(`${o.dbFile}-wal`)) {
    fs.rmSync(safety.file, { force: true });
    await o.reopen();
    throw new RestoreRefusedError(
      '数据文件正被其他程序打开（例如数据库查看工具或脚本），现在恢复会让它的修改写进被替换的文件而丢失。请先关闭它，再恢复。未做任何更改。',
      'DATA_FILE_IN_USE',
    );
  }
  installDatabaseFile(o.dbFile, o.source);
  try {
    await o.reopen(Infinity);
  } catch (err) {
    installDatabaseFile(o.dbFile, safety.file);
    await o.reopen();
    throw new RestoreRefusedError(`恢复后的数据文件未通过检查（${messageOf(err)}），已换回恢复前的数据，没有丢失任何内容。`, 'RESTORE_ROLLED_BACK');
  }
  return { keptAs: safety.name };
}
