import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFallback } from '../../db/driver/fallback';
import { openNative } from '../../db/driver/native';
import type { Db, OpenOptions } from '../../db/driver/types';
import { tempDir } from './helpers';

// The two drivers behind db/open.ts give the same answers for everything the code base uses of a connection
// (db/driver/types.ts). Each check runs on both; a difference is a bug in the fallback's adapter.
const drivers: [string, (file: string, o?: OpenOptions) => Db][] = [
  ['native (better-sqlite3-multiple-ciphers)', openNative],
  ['fallback (node:sqlite)', openFallback],
];

const codeOf = (work: () => unknown): unknown => {
  try {
    work();
  } catch (err) {
    return (err as { code?: unknown }).code;
  }
  return 'no error';
};

describe.each(drivers)('%s', (_, open) => {
  const fresh = () => {
    const db = open(path.join(tempDir(), 'x.sqlite'));
    db.exec(`CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, fen INTEGER CHECK (fen >= 0), data BLOB);
             CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER NOT NULL REFERENCES p (id))`);
    return db;
  };

  it('binds positional, spread arrays and @/$/: named parameters, ignoring names the statement does not use', () => {
    const db = fresh();
    expect(db.prepare('INSERT INTO p (name, fen) VALUES (?, ?)').run('甲', 100)).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(db.prepare('INSERT INTO p (name, fen) VALUES (?, ?)').run(['乙', 200])).toEqual({ changes: 1, lastInsertRowid: 2 });
    db.prepare('INSERT INTO p (name, fen) VALUES (@name, $fen)').run({ name: '丙', fen: 300, unused: 'x' });
    expect(db.prepare('SELECT name, fen FROM p WHERE fen > :min ORDER BY id').all({ min: 150 })).toEqual([
      { name: '乙', fen: 200 },
      { name: '丙', fen: 300 },
    ]);
    expect(db.prepare('UPDATE p SET fen = fen + 1').run().changes).toBe(3);
    expect(db.prepare('SELECT * FROM p WHERE id = ?').get(99)).toBeUndefined();
  });

  it('gives numbers for integers, Buffers for BLOBs, and plucked, raw and iterated rows', () => {
    const db = fresh();
    db.prepare('INSERT INTO p (name, fen, data) VALUES (?, ?, ?)').run('甲', 9_007_199_254_740_991, Buffer.from('签名'));
    const row = db.prepare('SELECT fen, data FROM p').get() as { fen: unknown; data: unknown };
    expect(row.fen).toBe(Number.MAX_SAFE_INTEGER);
    expect(Buffer.isBuffer(row.data) && row.data.toString()).toBe('签名');
    expect(db.prepare('SELECT name FROM p').pluck().all()).toEqual(['甲']);
    expect(Buffer.isBuffer(db.prepare('SELECT data FROM p').pluck().get())).toBe(true);
    expect(db.prepare('SELECT id, name FROM p').raw().all()).toEqual([[1, '甲']]);
    expect([...db.prepare('SELECT name FROM p').iterate()]).toEqual([{ name: '甲' }]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('table_info(c)')).toHaveLength(2);
  });

  it('names constraint, busy and file errors as better-sqlite3 does (the router switches on them)', () => {
    const db = fresh();
    db.prepare("INSERT INTO p (id, name) VALUES (1, '甲')").run();
    expect(codeOf(() => db.prepare("INSERT INTO p (name) VALUES ('甲')").run())).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(codeOf(() => db.prepare("INSERT INTO p (id, name) VALUES (1, '乙')").run())).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
    expect(codeOf(() => db.prepare('INSERT INTO p (name) VALUES (NULL)').run())).toBe('SQLITE_CONSTRAINT_NOTNULL');
    expect(codeOf(() => db.prepare("INSERT INTO p (name, fen) VALUES ('丙', -1)").run())).toBe('SQLITE_CONSTRAINT_CHECK');
    expect(codeOf(() => db.prepare('INSERT INTO c (p_id) VALUES (42)').run())).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(codeOf(() => db.prepare('SELECT * FROM nowhere'))).toBe('SQLITE_ERROR');

    const file = path.join(tempDir(), 'locked.sqlite');
    const holder = open(file);
    holder.exec('CREATE TABLE t (a); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
    const other = open(file, { timeout: 0 });
    expect(codeOf(() => other.exec('BEGIN IMMEDIATE'))).toBe('SQLITE_BUSY');
    holder.exec('COMMIT');
    other.close();
    holder.close();

    const notADb = path.join(tempDir(), 'text.sqlite');
    fs.writeFileSync(notADb, 'x'.repeat(4096));
    expect(codeOf(() => open(notADb).prepare('SELECT * FROM sqlite_schema').all())).toBe('SQLITE_NOTADB');
    expect(codeOf(() => open(path.join(tempDir(), 'missing.sqlite'), { readonly: true, fileMustExist: true }))).toBe('SQLITE_CANTOPEN');
  });

  it('runs transactions as better-sqlite3 does: commit, rollback on a throw, savepoints when nested, IMMEDIATE', () => {
    const db = fresh();
    const add = db.transaction((name: string) => db.prepare('INSERT INTO p (name) VALUES (?)').run(name).lastInsertRowid);
    expect(add('甲')).toBe(1);
    const outer = db.transaction(() => {
      add('乙');
      expect(db.inTransaction).toBe(true);
      expect(() => db.transaction(() => { add('丙'); throw new Error('inner'); })()).toThrow('inner');
      return db.prepare('SELECT COUNT(*) FROM p').pluck().get();
    });
    expect(outer.immediate()).toBe(2); // 丙 rolled back to its savepoint, 乙 kept
    expect(() => db.transaction(() => { add('丁'); throw new Error('outer'); }).exclusive()).toThrow('outer');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT name FROM p ORDER BY id').pluck().all()).toEqual(['甲', '乙']);
  });

  it('ends the read of an iteration left early, so the connection sees later writes (no snapshot kept open)', () => {
    const file = path.join(tempDir(), 'x.sqlite');
    const db = open(file);
    db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (a); INSERT INTO t VALUES (1), (2), (3)");
    for (const row of db.prepare('SELECT a FROM t').iterate()) if (row) break;
    const other = open(file);
    other.prepare('INSERT INTO t VALUES (4)').run();
    other.close();
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(4);
    db.close();
  });

  it('backs up a live database into a file, and closes twice without complaint', async () => {
    const db = fresh();
    db.prepare("INSERT INTO p (name) VALUES ('甲')").run();
    const copy = path.join(tempDir(), 'copy.sqlite');
    await db.backup(copy);
    const reopened = open(copy, { readonly: true, fileMustExist: true });
    expect(reopened.readonly).toBe(true);
    expect(reopened.prepare('SELECT name FROM p').pluck().get()).toBe('甲');
    reopened.close();
    expect(db.open).toBe(true);
    db.close().close();
    expect(db.open).toBe(false);
  });
});
