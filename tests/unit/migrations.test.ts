import type { Db } from '../../db/open';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../db/errors';
import { currentVersion, latestVersion, migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { openDatabase, openFile } from '../../db/open';
import { listBackups } from '../../db/backup';
import { createCore } from '../../main/core';
import { inMoment, quietLog, tempDir, testClock } from './helpers';

const tables = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  // Gap-free: migrate() runs the versions above the file's, so a number landing after a higher one would be skipped
  // for good on every file already past it.
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('run every migration from an empty file and record each one', async () => {
    const file = path.join(tempDir(), 'x.sqlite');
    const db = await inMoment(() => openDatabase(file));
    expect(currentVersion(db)).toBe(latestVersion());
    const recorded = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(recorded.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('sets the pragmas the ledgers rely on', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(Number(db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    db.close();
  });

  it('are each applied in a transaction: a failing one leaves no trace', () => {
    const db = openFile(path.join(tempDir(), 'x.sqlite'));
    inMoment(() => migrate(db));
    const before = tables(db);
    const broken = { version: latestVersion() + 1, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE half (a); SELECT * FROM nowhere') };
    (migrations as unknown as unknown[]).push(broken);
    try {
      expect(() => inMoment(() => migrate(db))).toThrow();
    } finally {
      (migrations as unknown as unknown[]).pop();
    }
    expect(tables(db)).toEqual(before);
    expect(currentVersion(db)).toBe(latestVersion());
    db.close();
  });

  it('refuse a database written by a newer StreetDesk, naming the versions', async () => {
    const file = path.join(tempDir(), 'x.sqlite');
    const db = await inMoment(() => openDatabase(file));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01')").run(latestVersion() + 5);
    db.close();
    const err = await inMoment(() => openDatabase(file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseTooNewError);
    expect((err as Error).message).toContain(`数据版本 ${latestVersion() + 5}`);
  });

  it('back up an existing database before migrating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'streetdesk.sqlite');
    // A file from an older app: only the first migration applied.
    const old = openFile(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    migrations[0]!.up(old);
    old.prepare("INSERT INTO schema_migrations VALUES (1, 'foundation', '2026-01-01')").run();
    old.close();
    const core = await createCore({ dataDir: dir, log: quietLog, autoBackup: false, clock: testClock });
    core.close();
    const backups = listBackups(path.join(dir, 'backups'));
    expect(backups.map((b) => b.reason)).toEqual(['pre-migration']);
    const copy = openFile(backups[0]!.file, { readonly: true });
    expect(currentVersion(copy)).toBe(1);
    copy.close();
  });

  describe('002 party', () => {
    it('keeps one ID number per member and checks codes', async () => {
      const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
      const now = '2026-01-01T00:00:00Z';
      db.prepare(`INSERT INTO orgs (id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
        VALUES ('o', 'branch', '党支部', '支部', 'zhi bu', '/o/', ?, ?, 't')`).run(now, now);
      const insert = db.prepare(`INSERT INTO members (id, name, name_pinyin, name_initials, gender, id_number, joined_on, status,
        category, org_id, created_at, updated_at, operator) VALUES (?, '张三', 'zhang san', 'zs', ?, ?, '2000-01-01', 'full', 'community', 'o', ?, ?, 't')`);
      insert.run('a', 'male', '110101199001011234', now, now);
      expect(() => insert.run('b', 'male', '110101199001011234', now, now)).toThrow(/UNIQUE/);
      expect(() => insert.run('c', 'robot', null, now, now)).toThrow(/CHECK/);
      db.close();
    });

    it('serves the list queries from indexes, not table scans', async () => {
      const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
      const plan = (sql: string, ...args: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan("SELECT id FROM members WHERE name_initials >= 'zs' AND name_initials < 'zt'")).toMatch(/USING (COVERING )?INDEX members_initials/);
      expect(plan("SELECT id FROM members m WHERE m.lifecycle = 'active' ORDER BY m.name_pinyin LIMIT 100")).toMatch(/INDEX members_pinyin/);
      expect(plan("SELECT id FROM orgs WHERE path >= '/a/' AND path < '/a/z'")).toMatch(/INDEX/);
      expect(plan("SELECT org_id, type FROM meetings WHERE held_on >= '2026-10-01' AND held_on <= '2026-12-31'")).toMatch(/INDEX meetings_date/);
      db.close();
    });
  });
});
