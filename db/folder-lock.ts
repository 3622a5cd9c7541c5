import path from 'node:path';
import { connect } from './driver';
import { DataFolderInUseError } from './errors';

export const LOCK_FILE_NAME = '.streetdesk.lock';

export interface FolderLock {
  release(): void;
}

/**
 * Holds the data folder for the life of this process, so a second StreetDesk on the same folder (a window, or
 * `npm run web`) is refused instead of writing the same file unseen — two servers side by side let a restore in
 * one silently drop the other's acknowledged writes.
 *
 * Why a small SQLite file in exclusive locking mode: Node has no flock, and a pid file would need a liveness
 * check that pid reuse defeats. SQLite's locks are OS file locks (fcntl on Linux, LockFileEx on Windows), which
 * the OS drops when the process dies, so a crash never leaves the folder locked; and SQLite also tracks them
 * between connections of one process, so a second core in this process is refused too. In EXCLUSIVE locking
 * mode the lock taken by the first write is kept until the connection closes. The lock is on a file of its own,
 * not on the data file, so that backups, restore and test connections keep their ordinary WAL access.
 */
export function lockDataFolder(dataDir: string): FolderLock {
  const lock = connect(path.join(dataDir, LOCK_FILE_NAME), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.pragma('journal_mode = MEMORY'); // no -journal file left beside it
    lock.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL)');
    lock.prepare('INSERT OR REPLACE INTO holder (id, pid) VALUES (1, ?)').run(process.pid);
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderInUseError(dataDir);
    throw err;
  }
  return { release: () => lock.close() };
}
