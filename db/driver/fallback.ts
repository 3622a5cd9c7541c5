import fs from 'node:fs';
import type * as NodeSqlite from 'node:sqlite';
import { sqliteCodeName } from './sqlite-codes';
import type { Db, Fn, OpenOptions, RunResult, Statement, Transaction } from './types';

/**
 * node:sqlite — the SQLite compiled into Node (and into Electron's Node) — behind better-sqlite3's API shape
 * (db/driver/types.ts), for a system where better-sqlite3's native file does not load. Nothing to ship, nothing
 * that can miss a glibc symbol. Looked up with getBuiltinModule, not imported, so a runtime built without it
 * only loses the fallback.
 */
export const nodeSqlite = (): typeof NodeSqlite | undefined =>
  process.getBuiltinModule('node:sqlite') as typeof NodeSqlite | undefined;

/** better-sqlite3's error class, same name, message and `code` ('SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE'…). */
export class SqliteError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

/** node:sqlite's errors carry the extended result code as a number; the router switches on better-sqlite3's names. */
function translated(err: unknown): unknown {
  const e = err as { code?: unknown; errcode?: unknown; message?: string };
  if (e?.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number') {
    return Object.assign(new SqliteError(e.message ?? '', sqliteCodeName(e.errcode)), { cause: err });
  }
  return err;
}

function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw translated(err);
  }
}

const isNamed = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);

type Value = NodeSqlite.SQLInputValue;

/** better-sqlite3's binding rules: arrays are spread, one plain object holds the named parameters. */
function bindArgs(params: unknown[]): unknown[] {
  if (!params.some((p) => typeof p === 'object' && p !== null && !ArrayBuffer.isView(p))) return params;
  let named: Record<string, unknown> | undefined;
  const positional: unknown[] = [];
  for (const p of params) {
    if (Array.isArray(p)) positional.push(...(p as unknown[]));
    else if (isNamed(p)) named = p;
    else positional.push(p);
  }
  return named ? [named, ...positional] : positional;
}

/** BLOBs come back from node:sqlite as Uint8Array; better-sqlite3 gives Buffers (a view, not a copy). */
const asBuffer = (v: unknown) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

function fixBlobs<R extends Record<string, unknown> | unknown[]>(row: R): R {
  for (const k in row) {
    const v = (row as Record<string, unknown>)[k];
    if (typeof v === 'object' && v !== null) (row as Record<string, unknown>)[k] = asBuffer(v);
  }
  return row;
}

class FallbackStatement implements Statement {
  private mode: 'rows' | 'raw' | 'pluck' = 'rows';

  constructor(private readonly s: NodeSqlite.StatementSync) {
    // better-sqlite3 ignores properties of the parameter object that the statement does not name.
    s.setAllowUnknownNamedParameters(true);
  }

  private shape(row: unknown): unknown {
    if (row === undefined) return row;
    if (this.mode === 'pluck') return asBuffer((row as unknown[])[0]);
    return fixBlobs(row as Record<string, unknown>);
  }

  private call<T>(work: (args: Value[]) => T, params: unknown[]): T {
    return guarded(() => work(bindArgs(params) as Value[]));
  }

  run(...params: unknown[]): RunResult {
    // `changes` is a bigint only with setReadBigInts, which is never set.
    return this.call((a) => this.s.run(...(a as [Value])), params) as RunResult;
  }

  get(...params: unknown[]): unknown {
    return this.shape(this.call((a) => this.s.get(...(a as [Value])), params));
  }

  all(...params: unknown[]): unknown[] {
    return this.call((a) => this.s.all(...(a as [Value])), params).map((r) => this.shape(r));
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    const rows = this.call((a) => this.s.iterate(...(a as [Value])), params);
    try {
      for (;;) {
        const next = guarded(() => rows.next());
        if (next.done) return;
        yield this.shape(next.value);
      }
    } finally {
      // A loop left early must reset the statement, or it keeps a read transaction open on the connection.
      rows.return?.();
    }
  }

  private setMode(mode: 'raw' | 'pluck', toggle: boolean): this {
    this.mode = toggle ? mode : 'rows';
    this.s.setReturnArrays(toggle);
    return this;
  }

  pluck(toggle = true): this {
    return this.setMode('pluck', toggle);
  }

  raw(toggle = true): this {
    return this.setMode('raw', toggle);
  }
}

/** The statements a transaction runs, prepared once per connection (as better-sqlite3 does). */
function controller(db: NodeSqlite.DatabaseSync) {
  const p = (sql: string) => db.prepare(sql);
  const shared = { commit: p('COMMIT'), rollback: p('ROLLBACK'), savepoint: p('SAVEPOINT "\t_sd."'), release: p('RELEASE "\t_sd."'), rollbackTo: p('ROLLBACK TO "\t_sd."') };
  return {
    default: { begin: p('BEGIN'), ...shared },
    deferred: { begin: p('BEGIN DEFERRED'), ...shared },
    immediate: { begin: p('BEGIN IMMEDIATE'), ...shared },
    exclusive: { begin: p('BEGIN EXCLUSIVE'), ...shared },
  };
}

class FallbackDb implements Db {
  private tx: ReturnType<typeof controller> | undefined;

  constructor(
    private readonly d: NodeSqlite.DatabaseSync,
    readonly name: string,
    readonly readonly: boolean,
  ) {}

  get open(): boolean {
    return this.d.isOpen;
  }

  get inTransaction(): boolean {
    return this.d.isOpen && this.d.isTransaction;
  }

  prepare(sql: string): Statement {
    return new FallbackStatement(guarded(() => this.d.prepare(sql)));
  }

  exec(sql: string): this {
    guarded(() => this.d.exec(sql));
    return this;
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const s = this.prepare(`PRAGMA ${source}`);
    return options.simple ? s.pluck().get() : s.all();
  }

  transaction<F extends Fn>(fn: F): Transaction<F> {
    const run = (kind: keyof ReturnType<typeof controller>) =>
      (...args: unknown[]): ReturnType<F> => {
        const c = (this.tx ??= guarded(() => controller(this.d)))[kind];
        const nested = this.inTransaction;
        const [begin, end, undo] = nested ? [c.savepoint, c.release, c.rollbackTo] : [c.begin, c.commit, c.rollback];
        guarded(() => begin.run());
        try {
          const result = fn(...args) as ReturnType<F>;
          if (result && typeof (result as { then?: unknown }).then === 'function') {
            throw new TypeError('Transaction function cannot return a promise');
          }
          guarded(() => end.run());
          return result;
        } catch (err) {
          if (this.inTransaction) {
            guarded(() => undo.run());
            if (nested) guarded(() => end.run());
          }
          throw err;
        }
      };
    return Object.assign(run('default'), { deferred: run('deferred'), immediate: run('immediate'), exclusive: run('exclusive') });
  }

  async backup(destination: string): Promise<unknown> {
    try {
      return await nodeSqlite()!.backup(this.d, destination);
    } catch (err) {
      throw translated(err);
    }
  }

  /** Closing a closed connection does nothing, as in better-sqlite3 (node:sqlite would throw). */
  close(): this {
    if (this.d.isOpen) this.d.close();
    return this;
  }
}

/** Opens `file` through node:sqlite with better-sqlite3's defaults and compile-time settings that matter here. */
export function openFallback(file: string, options: OpenOptions = {}): Db {
  const sqlite = nodeSqlite();
  if (!sqlite) throw new Error('此版本的运行环境没有内置 SQLite（node:sqlite）');
  const readonly = options.readonly ?? false;
  if ((options.fileMustExist ?? false) && !fs.existsSync(file)) throw new SqliteError('unable to open database file', 'SQLITE_CANTOPEN');
  const d = guarded(
    () =>
      new sqlite.DatabaseSync(file, {
        readOnly: readonly,
        timeout: options.timeout ?? 5000,
        // better-sqlite3 is compiled with SQLITE_DEFAULT_FOREIGN_KEYS=1 and SQLITE_DQS=0.
        enableForeignKeyConstraints: true,
        enableDoubleQuotedStringLiterals: false,
      }),
  );
  return new FallbackDb(d, file, readonly);
}

export const fallbackLabel = (): string => `node:sqlite（Node ${process.versions.node}）`;
