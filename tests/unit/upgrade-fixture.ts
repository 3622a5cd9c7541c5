import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { currentVersion, latestVersion, migrate } from '../../db/migrate';
import { openFile, type Db } from '../../db/open';
import { inMoment, tempDir } from './helpers';

/** The upgrade tests' shared pieces (migrations-upgrade*.test.ts): a file at an old version, and what it holds. */

export const AT = '2026-06-01T02:00:00.000Z';

export function fileAt(version: number): Db {
  const db = openFile(path.join(tempDir(), 'old.sqlite'));
  inMoment(() => migrate(db, version));
  expect(currentVersion(db)).toBe(version);
  return db;
}

export const upgrade = (db: Db, version = latestVersion()) => inMoment(() => migrate(db, version));
/** Every row of a table, in a stable order whatever its keys (some tables are WITHOUT ROWID). */
export const rows = (db: Db, table: string) =>
  (db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
export const only = (keys: string[], list: Record<string, unknown>[]) => list.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

/** A branch with members as a version-2 file holds them (active, transferred out, probationary, centre household). */
export function partyData(db: Db) {
  db.prepare(`INSERT INTO orgs (id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
    VALUES ('o1', 'branch', '小区党支部', '阳光小区党支部', 'yang guang', '/o1/', ?, ?, '王芳')`).run(AT, AT);
  const member = db.prepare(`INSERT INTO members (id, name, name_pinyin, name_initials, gender, id_number, joined_on, status,
    category, org_id, lifecycle, is_centre_household, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, 'male', NULL, '2000-07-01', ?, ?, 'o1', ?, ?, ?, ?, '王芳')`);
  member.run('m1', '张三', 'zhang san', 'zs', 'full', 'community', 'active', 1, AT, AT);
  member.run('m2', '李四', 'li si', 'ls', 'full', 'community', 'active', 0, AT, AT);
  member.run('m3', '王五', 'wang wu', 'ww', 'probationary', 'in_service', 'active', 0, AT, AT);
  member.run('m4', '赵六', 'zhao liu', 'zl', 'full', 'community', 'transferred_out', 0, AT, AT);
}

/**
 * Rewrites a data file as an installation at an older version would have it: a file migrated only to `version`,
 * holding the rows of every table both files have (the columns the old one knows). Later migrations' tables are not
 * there, so opening it runs them all again, as an upgrade does.
 */
export function rewriteAsVersion(file: string, version: number): void {
  const old = `${file}.v${version}`;
  const db = openFile(old);
  inMoment(() => migrate(db, version));
  db.exec(`ATTACH DATABASE '${file.replaceAll("'", "''")}' AS src`);
  const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").pluck().all() as string[];
  const triggers = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  // Copied as rows, not written through the app: the append-only triggers would refuse nothing here, but keep them out of the way.
  for (const t of triggers) db.exec(`DROP TRIGGER main."${t.name}"`);
  db.pragma('foreign_keys = OFF');
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(table) as string[]).map((c) => `"${c}"`).join(', ');
    db.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM src."${table}"`);
  }
  for (const t of triggers) db.exec(t.sql);
  db.exec('DETACH DATABASE src');
  db.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(old, file);
}

/** A community with the estate 阳光小区 and its fund account f1 (¥1,000.00 from 2026-01-01), as files from 009 on hold them. */
export function fundAccountData(db: Db) {
  const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
  place.run('c1', 'community', null, '西里社区', AT, AT);
  place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
  db.prepare(`INSERT INTO fund_accounts (id, estate_id, name, opening_balance, opened_on, status, created_at, updated_at, operator)
    VALUES ('f1', 'e1', '基金', 100000, '2026-01-01', 'active', ?, ?, '王芳')`).run(AT, AT);
}
