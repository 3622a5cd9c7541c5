import { connect } from '../../db/driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { write, read } from '../../main/api/common/channel';
import { DomainError } from '../../main/api/common/errors';
import { contract } from '../../main/api/contract';
import { createRouter } from '../../main/api/router';
import { quietLog, testCore } from './helpers';

/** Row count of every table, read through a second connection: what a refused request must leave as it was. */
function rowsInEveryTable(file: string): Record<string, number> {
  const db = connect(file, { readonly: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  const counts = Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  db.close();
  return counts;
}

describe('router', () => {
  it('refuses malformed input on every channel without writing anything', async () => {
    const { core, call } = await testCore();
    const before = rowsInEveryTable(core.services.dbFile);
    const garbage: unknown[] = ['text', 42, [1, 2], true];
    for (const channel of Object.keys(contract)) {
      for (const input of garbage) {
        const env = await core.dispatch(channel, input);
        expect(env.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!env.ok) expect(env.error.code).toBe('VALIDATION');
      }
      const def = contract[channel as keyof typeof contract];
      const shape = (def.input as unknown as { shape?: Record<string, unknown> }).shape;
      if (shape && Object.keys(shape).length > 0) {
        // Every field of the wrong type at once.
        const wrong = Object.fromEntries(Object.keys(shape).map((k) => [k, [[[]]]]));
        const env = await core.dispatch(channel, wrong);
        expect(env.ok, `${channel} accepted wrong types`).toBe(false);
        if (!env.ok) {
          expect(env.error.code).toBe('VALIDATION');
          expect(env.error.fields?.length).toBeGreaterThan(0);
        }
      }
    }
    expect(rowsInEveryTable(core.services.dbFile)).toEqual(before);
    expect(await call('party.listOrgs', {})).toHaveLength(1);
  });

  it('answers an unknown channel with a code, not a crash', async () => {
    const { core } = await testCore();
    const env = await core.dispatch('party.dropEverything', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('asks for the first-start setup before anything else', async () => {
    const { core } = await testCore({ setUp: false });
    const env = await core.dispatch('party.listOrgs', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP' } });
    const status = await core.dispatch('system.getStatus', {});
    expect(status).toMatchObject({ ok: true, data: { installation: null } });
  });

  it('gives validation errors field paths and Chinese messages', async () => {
    const { core } = await testCore();
    const env = await core.dispatch('party.createPlace', { kind: 'estate', name: '   ' });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('VALIDATION');
      expect(env.error.fields).toContainEqual({ path: 'name', message: '请填写名称' });
    }
  });

  it('rolls a write back with its audit entry when the handler fails half way', async () => {
    const { core } = await testCore();
    const file = core.services.dbFile;
    const handle = connect(file);
    const tiny = {
      'test.halfWrite': write<null>()(z.object({})),
      'test.crash': read<null>()(z.object({})),
    };
    const router = createRouter(
      tiny,
      {
        'test.halfWrite': (_, ctx) => {
          ctx.audit({ action: 'create', entity: 'place', entityId: 'x' });
          ctx.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('half', '1', 'now')`).run();
          throw new DomainError('DOMAIN', '第二步失败');
        },
        'test.crash': () => {
          throw new TypeError('secret internals: cannot read x of undefined');
        },
      },
      { db: () => handle, services: { ...core.services, log: quietLog } },
    );
    const auditBefore = handle.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number };
    expect(await router('test.halfWrite', {})).toMatchObject({ ok: false, error: { code: 'DOMAIN', message: '第二步失败' } });
    expect(handle.prepare("SELECT * FROM settings WHERE key = 'half'").get()).toBeUndefined();
    expect(handle.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(auditBefore);

    quietLog.errors.length = 0;
    const crash = await router('test.crash', {});
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!crash.ok) expect(crash.error.message).not.toContain('secret internals');
    expect(quietLog.errors.join()).toContain('test.crash');
    handle.close();
  });

  it('writes what a refusal records on its own, after the rolled-back write, and only for refusals', async () => {
    const { core } = await testCore();
    const handle = connect(core.services.dbFile);
    const tiny = {
      'test.refuse': write<null>()(z.object({ refuse: z.boolean() })),
      'test.read': read<null>()(z.object({})),
    };
    const router = createRouter(
      tiny,
      {
        'test.refuse': ({ refuse }, ctx) => {
          ctx.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('tried', '1', 'now')`).run();
          ctx.recordRefusal(() => {
            ctx.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('refused', '1', 'now')`).run();
            ctx.audit({ action: 'refused', entity: 'test' });
          });
          if (refuse) throw new DomainError('FORBIDDEN', '不行');
          return null;
        },
        'test.read': (_, ctx) => {
          ctx.recordRefusal(() => undefined);
          return null;
        },
      },
      { db: () => handle, services: { ...core.services, log: quietLog } },
    );
    const key = (k: string) => handle.prepare('SELECT key FROM settings WHERE key = ?').get(k);
    expect(await router('test.refuse', { refuse: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(key('tried')).toBeUndefined();
    expect(key('refused')).toBeDefined();
    expect(handle.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'refused'").get()).toEqual({ n: 1 });
    handle.prepare("DELETE FROM settings WHERE key = 'refused'").run();
    expect(await router('test.refuse', { refuse: false })).toMatchObject({ ok: true });
    expect(key('tried')).toBeDefined();
    expect(key('refused')).toBeUndefined();
    expect(await router('test.read', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    handle.close();
  });

  it('records who made each change in the audit log, with before and after', async () => {
    const { call } = await testCore();
    const place = await call('party.createPlace', { kind: 'community', name: '东湖社区' });
    await call('party.updatePlace', { id: place.id, name: '东湖新村社区' });
    const audit = await call('system.listAudit', { entity: 'place', entityId: place.id });
    expect(audit.rows.map((r) => r.action)).toEqual(['update', 'create']);
    expect(audit.rows[0]!.operator).toBe('王芳');
    expect(JSON.parse(audit.rows[0]!.before!).name).toBe('东湖社区');
    expect(JSON.parse(audit.rows[0]!.after!).name).toBe('东湖新村社区');
  });
});
