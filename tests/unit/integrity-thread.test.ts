import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openFile, type Db } from '../../db/open';
import { createCore, DB_FILE_NAME } from '../../main/core';
import { checkInThread, entrySpecOf } from '../../main/core-host/integrity-thread';
import { sourceEntry } from '../../main/core-host/source-entry';
import { workerCore } from './core-worker-fixture';
import { alterTableText } from './damage';
import { quietLog, tempDir } from './helpers';

/**
 * The whole-file integrity_check runs on a thread and a connection of its own (main/core-host/integrity-thread.ts),
 * so a district's 11 s table no longer holds the core's requests; what it finds still reaches the settings page.
 */

const entry = entrySpecOf(sourceEntry());

/** A closed file with a table and an index over its `a` column, `k00000`…`k00499`. */
function fileWithRows(key?: Buffer, table = 'notes') {
  const file = path.join(tempDir(), 'data.sqlite');
  addRows(openFile(file, { key }), table).close();
  return file;
}

function addRows(db: Db, table: string): Db {
  db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, a TEXT, b TEXT); CREATE INDEX ${table}_a ON ${table}(a)`);
  const insert = db.prepare(`INSERT INTO ${table} (a, b) VALUES (?, ?)`);
  for (let i = 0; i < 500; i++) insert.run(`k${String(i).padStart(5, '0')}`, `b${(i * 7) % 13}`);
  return db;
}

/** The row's `a` changed where the table keeps it, not in the index: only the full integrity_check sees it. */
function damageIndexOf(file: string, table: string) {
  const pagesOf = (name: string) => {
    const db = openFile(file, { readonly: true });
    try {
      return db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(name) as number[];
    } finally {
      db.close();
    }
  };
  alterTableText(file, table, 'k00250', 'k0025Z', pagesOf);
}

describe('the integrity check on a thread of its own', () => {
  it('finds an intact file intact, plain or encrypted with its key', async () => {
    expect(await checkInThread(entry, fileWithRows(), undefined).done).toEqual([]);
    const key = randomBytes(32);
    expect(await checkInThread(entry, fileWithRows(key), key).done).toEqual([]);
  });

  it('reports an encrypted file it was given no key for, rather than failing', async () => {
    const problems = await checkInThread(entry, fileWithRows(randomBytes(32)), undefined).done;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/not a database|已损坏|无法/);
  });

  it('names the damaged index, with the file open for writing elsewhere', async () => {
    const file = fileWithRows();
    damageIndexOf(file, 'notes');
    const writer = openFile(file); // as the core keeps it
    expect(writer.pragma('quick_check', { simple: true })).toBe('ok'); // what opening looks at passes
    const problems = await checkInThread(entry, file, undefined).done;
    expect(problems.join('\n')).toContain('notes_a');
    writer.close();
  });

  it('reaches the settings page from a core in its worker, and the core answers meanwhile', async () => {
    const dataDir = tempDir();
    (await createCore({ dataDir, log: quietLog, autoBackup: false, encrypt: false })).close();
    const dbFile = path.join(dataDir, DB_FILE_NAME);
    addRows(openFile(dbFile), 'scratch').close();
    damageIndexOf(dbFile, 'scratch');

    const { core } = await workerCore({ dataDir });
    let warnings: string[] = [];
    for (let i = 0; i < 100 && warnings.length === 0; i++) {
      const status = await core.dispatch('system.getStatus', {});
      expect(status.ok).toBe(true);
      warnings = (status as { data: { warnings: string[] } }).data.warnings;
      if (warnings.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(warnings).toEqual([expect.stringMatching(/^数据文件完整性检查发现问题（.*scratch_a.*）/)]);
  });
});
