import type { Db, Statement } from './driver';

/**
 * The same connection, with `prepare` remembering its statements. Repositories prepare on every call, which is
 * right for a form's single save but costs about as much as the statement itself when an import runs the same
 * insert 10,000 times; handing them this connection keeps them unchanged. Everything but `prepare` is the
 * connection's own.
 */
export function withStatementCache(db: Db): Db {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
