import type { Db } from './open';

const CHUNK = 2000;

/**
 * Rows in a fixed order, read a chunk at a time: first the ordered rowids, then each chunk's rows (`rowsOf` takes
 * the chunk's rowids as one JSON array parameter). No statement stays open between chunks, so an export that
 * pauses to report progress never blocks a clerk's save (an open better-sqlite3 iterator makes every write on the
 * connection fail as "busy").
 */
export function* chunked<T>(db: Db, orderedRowids: string, args: unknown[], rowsOf: string): Iterable<T> {
  const rowids = db.prepare(orderedRowids).pluck().all(...args) as number[];
  const page = db.prepare(rowsOf);
  for (let i = 0; i < rowids.length; i += CHUNK) {
    yield* page.all(JSON.stringify(rowids.slice(i, i + CHUNK))) as T[];
  }
}
