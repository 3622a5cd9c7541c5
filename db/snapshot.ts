import { openFile, type Db } from './open';

/**
 * Work that reads many tables over many event-loop turns (an export writes a sheet, yields for the progress bar,
 * writes the next) sees the database as it was at one moment: a connection of its own, read-only, inside one read
 * transaction. WAL keeps that snapshot while the app's own connection goes on writing, so a reversal or a new
 * volunteer saved halfway through a monthly submission is either in every sheet or in none. (A read transaction
 * on the shared connection would not do: other requests' writes would run inside it.) `key`: an encrypted file's.
 */
export async function inSnapshot<T>(source: { file: string; key?: Buffer }, work: (db: Db) => Promise<T>): Promise<T> {
  const db = openFile(source.file, { readonly: true, key: source.key });
  try {
    db.exec('BEGIN');
    // The snapshot is taken at the first read, not at BEGIN: read now, before any await.
    db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
    return await work(db);
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}
