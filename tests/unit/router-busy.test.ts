import { connect } from '../../db/driver';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { write } from '../../main/api/common/channel';
import { createRouter } from '../../main/api/router';
import { quietLog, testCore } from './helpers';

/** Another connection holds the write lock for `holdMs`; resolves once it has it, with a promise of its release. */
async function anotherWriter(file: string, holdMs: number) {
  const w = new Worker(new URL('./write-lock-worker.ts', import.meta.url), { workerData: { file, holdMs }, execArgv: ['--import', 'tsx'] });
  const released = new Promise<void>((resolve, reject) => {
    w.on('message', (m) => m === 'released' && resolve());
    w.once('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    w.on('message', (m) => m === 'locked' && resolve());
    w.once('error', reject);
  });
  return { released };
}

describe('writes against another writer on the same file', () => {
  it('wait for the other writer and then save, even when they read before they write', async () => {
    const { core, call, session } = await testCore();
    const place = await call('party.createPlace', { kind: 'community', name: '东湖社区' });
    const other = await anotherWriter(core.services.dbFile, 400);
    // updatePlace reads the place, then writes: in a deferred transaction its read snapshot went stale while it
    // waited, and it failed with "数据文件正忙"; BEGIN IMMEDIATE waits for the lock before reading.
    const env = await core.dispatch('party.updatePlace', { id: place.id, name: '东湖新村社区' }, session());
    await other.released;
    expect(env).toMatchObject({ ok: true, data: { name: '东湖新村社区' } });
  });

  it('answer BUSY after a bounded wait, write nothing, and succeed once the file is free', async () => {
    const { core, session } = await testCore();
    const handle = connect(core.services.dbFile);
    handle.pragma('busy_timeout = 100'); // the core waits 5 s; a shorter wait keeps the test quick
    const router = createRouter(
      { 'test.save': write<null>()(z.object({})) },
      {
        'test.save': (_, ctx) => {
          ctx.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('mine', '1', ?)").run(ctx.now);
          return null;
        },
      },
      { db: () => handle, services: { ...core.services, log: quietLog } },
    );
    const other = await anotherWriter(core.services.dbFile, 3_000);
    const started = performance.now();
    const env = await router('test.save', {}, session());
    const waited = performance.now() - started;
    expect(env).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    if (!env.ok) expect(env.error.message).toContain('未保存');
    expect(waited).toBeLessThan(2_500); // bounded: three tries, not forever
    await other.released;
    expect(handle.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'mine'").get()).toEqual({ n: 0 });
    expect(await router('test.save', {}, session())).toMatchObject({ ok: true });
    handle.close();
  }, 15_000);
});
