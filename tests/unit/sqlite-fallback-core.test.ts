import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { sqliteDriver } from '../../db/driver';
import { openFallback } from '../../db/driver/fallback';
import { write } from '../../main/api/common/channel';
import { createRouter } from '../../main/api/router';
import { quietLog, tempDir, testCore } from './helpers';

// The whole unit suite also passes with STREETDESK_SQLITE_DRIVER=fallback (docs/electron.md says how it was run);
// this is the part of it that every CI run keeps: a core on node:sqlite, end to end, with the router's codes.
describe('the core on the fallback driver (node:sqlite)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('opens and migrates the data file, writes and reads, and says which driver it runs on', async () => {
    vi.stubEnv('STREETDESK_SQLITE_DRIVER', 'fallback');
    const { call } = await testCore();
    expect(sqliteDriver()).toMatchObject({ name: 'fallback', reason: 'STREETDESK_SQLITE_DRIVER=fallback' });
    const place = await call('party.createPlace', { kind: 'community', name: '东湖社区' });
    expect((await call('party.listPlaces', {})).map((p) => p.id)).toContain(place.id);
    const status = await call('system.getStatus', {});
    expect(status.sqliteDriver).toMatchObject({ name: 'fallback', label: expect.stringContaining('node:sqlite') as unknown });
    expect(status.schemaVersion).toBeGreaterThan(0);
  });

  it("falls back by itself when better-sqlite3's native file does not load, and says why; forced native, it refuses", async () => {
    // What a glibc too old for the file looks like to the loader: the require of the .node file throws.
    const broken = path.join(tempDir(), 'better_sqlite3.node');
    fs.writeFileSync(broken, 'not a shared object');
    vi.stubEnv('STREETDESK_SQLITE_NATIVE_BINDING', broken);
    vi.stubEnv('STREETDESK_SQLITE_DRIVER', '');
    vi.resetModules();
    const auto = await import('../../db/driver');
    expect(auto.sqliteDriver()).toMatchObject({ name: 'fallback', reason: expect.stringContaining('better-sqlite3-multiple-ciphers 无法加载') as unknown });
    const db = auto.connect(path.join(tempDir(), 'x.sqlite'));
    expect(db.prepare('SELECT 1 + 1').pluck().get()).toBe(2);
    db.close();
    vi.stubEnv('STREETDESK_SQLITE_DRIVER', 'native');
    vi.resetModules();
    const forced = await import('../../db/driver');
    expect(() => forced.sqliteDriver()).toThrow();
  });

  it('gives the router the codes it answers CONFLICT and BUSY on', async () => {
    vi.stubEnv('STREETDESK_SQLITE_DRIVER', 'fallback');
    const { core, session } = await testCore();
    const handle = openFallback(core.services.dbFile, { timeout: 100 });
    const router = createRouter(
      { 'test.save': write<null>()(z.object({})) },
      {
        'test.save': (_, ctx) => {
          ctx.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('twice', '1', ?)").run(ctx.now);
          return null;
        },
      },
      { db: () => handle, services: { ...core.services, log: quietLog } },
    );
    expect(await router('test.save', {}, session())).toMatchObject({ ok: true });
    expect(await router('test.save', {}, session())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const other = openFallback(core.services.dbFile);
    other.exec('BEGIN IMMEDIATE');
    expect(await router('test.save', {}, session())).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    other.exec('ROLLBACK');
    other.close();
    handle.close();
  }, 15_000);
});
