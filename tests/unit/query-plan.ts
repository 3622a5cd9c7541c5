import type { Db } from '../../db/open';

/** The SQL a repository function runs, with its arguments, to read its query plan. */
export function recorded(db: Db) {
  const runs: { sql: string; args: unknown[] }[] = [];
  const spy = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') return Reflect.get(target, prop, target) as unknown;
      return (sql: string) => {
        const st = target.prepare(sql);
        const record = (method: 'all' | 'get') => (...args: unknown[]) => (runs.push({ sql, args }), st[method](...args));
        return { all: record('all'), get: record('get') };
      };
    },
  });
  const plan = (i: number) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${runs[i]!.sql}`).all(...runs[i]!.args) as { detail: string }[]).map((r) => r.detail).join(' | ');
  return { spy, plan };
}
