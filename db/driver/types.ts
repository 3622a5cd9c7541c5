/**
 * What the code base uses of a SQLite connection — better-sqlite3's API shape, no more. Both drivers give it:
 * better-sqlite3 as it is (db/driver/native.ts) and node:sqlite through an adapter (db/driver/fallback.ts), so
 * callers never know which one they hold. Anything added here must be added to the adapter and to
 * tests/unit/sqlite-driver.test.ts, which runs the same checks against both.
 */
export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/**
 * A prepared statement. Parameters as better-sqlite3 binds them: positional values, arrays of them, or one
 * object for `@name` / `$name` / `:name`. Rows are objects keyed by column name; BLOBs are Buffers.
 */
export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Rows become their first column's value. */
  pluck(toggle?: boolean): this;
  /** Rows become arrays of values. */
  raw(toggle?: boolean): this;
}

// As in better-sqlite3's own typings (`any`: a transaction takes whatever its function does).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fn = (...params: any[]) => unknown;
type Args<F extends Fn> = F extends (...args: infer A) => unknown ? A : never;

/** better-sqlite3's transaction function: BEGIN (SAVEPOINT when nested) … COMMIT, ROLLBACK on a throw. */
export interface Transaction<F extends Fn> {
  (...params: Args<F>): ReturnType<F>;
  deferred(...params: Args<F>): ReturnType<F>;
  immediate(...params: Args<F>): ReturnType<F>;
  exclusive(...params: Args<F>): ReturnType<F>;
}

export interface Db {
  readonly name: string;
  readonly open: boolean;
  readonly inTransaction: boolean;
  readonly readonly: boolean;
  prepare(sql: string): Statement;
  exec(sql: string): this;
  /** `PRAGMA <source>`: every row, or with `simple` the first column of the first row. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<F extends Fn>(fn: F): Transaction<F>;
  /** SQLite's online backup of the whole database into `destination` (consistent while in use). */
  backup(destination: string): Promise<unknown>;
  close(): this;
}

export interface OpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** busy_timeout in ms; 5000 if not given (better-sqlite3's default). */
  timeout?: number;
}

export type DriverName = 'native' | 'fallback';

/** The driver this process opens its files with, and why — logged at start and shown on the settings page. */
export interface DriverInfo {
  name: DriverName;
  /** What it is: 'better-sqlite3 13.2.0' / 'node:sqlite (Node 24.21.0)'. */
  label: string;
  sqliteVersion: string;
  /** Why not the native one, when the fallback is used (forced, or the load error). */
  reason: string | null;
}
