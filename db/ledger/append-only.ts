/**
 * The SQL that makes a ledger table append-only: triggers named `<table>_no_update` and `<table>_no_delete`
 * refusing UPDATE and DELETE with the ledger's own Chinese message, whoever asks (a handler, a script, a clerk with
 * a database tool). `counted`, when given, limits the refusal to the rows that already count (e.g. a fund
 * journal's posted entries, while its drafts may still change): an SQL condition on `OLD`.
 */
export function appendOnlySql(table: string, message: string, counted?: string): string {
  const when = counted ? ` WHEN ${counted}` : '';
  const raise = `BEGIN SELECT RAISE(ABORT, '${message.replaceAll("'", "''")}'); END;`;
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}${when} ${raise}
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}${when} ${raise}`;
}

/** Lifts the triggers for a migration that must rewrite rows (adding columns it then fills); it recreates them. */
export const dropAppendOnlySql = (table: string): string =>
  `DROP TRIGGER IF EXISTS ${table}_no_update; DROP TRIGGER IF EXISTS ${table}_no_delete;`;
