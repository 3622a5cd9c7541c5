import type { Db } from './driver';

export type Check = 'quick_check' | 'integrity_check';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** An error's own words (SQLite's, for a file it could not read). */
export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** SQLite's findings as lines ("ok" filtered out); a file too damaged to be read at all is a finding too. */
function findings(db: Db, check: Check, table?: string): string[] {
  try {
    const rows = db.prepare(`PRAGMA ${check}${table === undefined ? '' : `(${quote(table)})`}`).pluck().all() as string[];
    return rows.filter((r) => r !== 'ok');
  } catch (err) {
    return [messageOf(err)];
  }
}

function tableNames(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rootpage").pluck().all() as string[];
}

/** The whole file (with the page accounting only a whole-file check does). */
export function checkWholeFile(db: Db, check: Check): string[] {
  return findings(db, check);
}

/**
 * `quick_check` table by table until `budgetMs` has passed, so that opening a district-sized file (2 s for the
 * whole-file check at 1 GB) does not keep the clerk waiting; `complete` says whether every table was reached.
 * The schema table goes first. Measured with a monotonic timer: this is a time box, not a date. With no limit
 * (Infinity) it is the whole-file check, page accounting included.
 */
export function quickCheckWithin(db: Db, budgetMs: number): { problems: string[]; complete: boolean } {
  if (budgetMs === Infinity) return { problems: checkWholeFile(db, 'quick_check'), complete: true };
  const started = performance.now();
  let names: string[];
  try {
    names = ['sqlite_schema', ...tableNames(db)];
  } catch (err) {
    return { problems: [messageOf(err)], complete: true };
  }
  for (const [i, name] of names.entries()) {
    const problems = findings(db, 'quick_check', name);
    if (problems.length > 0) return { problems, complete: true };
    if (performance.now() - started > budgetMs && i < names.length - 1) return { problems: [], complete: false };
  }
  return { problems: [], complete: true };
}

/**
 * The full `integrity_check`, one table at a time with the event loop free between tables, so that requests
 * are answered while it runs. Stops early (returning []) when `stillWanted()` turns false, e.g. after a restore.
 */
export async function integrityCheckInSteps(db: Db, stillWanted: () => boolean): Promise<string[]> {
  for (const name of ['sqlite_schema', ...tableNames(db)]) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!stillWanted()) return [];
    const problems = findings(db, 'integrity_check', name);
    if (problems.length > 0) return problems;
  }
  return [];
}
