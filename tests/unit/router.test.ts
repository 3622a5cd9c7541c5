import { connect } from '../../db/driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { needOf, write, read } from '../../main/api/common/channel';
import { mayDo, type Role } from '../../main/api/common/roles';
import { DomainError } from '../../main/api/common/errors';
import { contract } from '../../main/api/contract';
import { createRouter } from '../../main/api/router';
import { idNumber } from '../../scripts/lib/people';
import { quietLog, testCore } from './helpers';
import { rootOrg } from '../orgs';

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
    const { core, call, attempt } = await testCore();
    const before = rowsInEveryTable(core.services.dbFile);
    const garbage: unknown[] = ['text', 42, [1, 2], true];
    for (const channel of Object.keys(contract) as (keyof typeof contract)[]) {
      for (const input of garbage) {
        const env = await attempt(channel, input);
        expect(env.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!env.ok) expect(env.error.code).toBe('VALIDATION');
      }
      const def = contract[channel as keyof typeof contract];
      const shape = (def.input as unknown as { shape?: Record<string, unknown> }).shape;
      if (shape && Object.keys(shape).length > 0) {
        // Every field of the wrong type at once.
        const wrong = Object.fromEntries(Object.keys(shape).map((k) => [k, [[[]]]]));
        const env = await attempt(channel, wrong);
        expect(env.ok, `${channel} accepted wrong types`).toBe(false);
        if (!env.ok) {
          expect(env.error.code).toBe('VALIDATION');
          expect(env.error.fields?.length).toBeGreaterThan(0);
        }
      }
    }
    expect(rowsInEveryTable(core.services.dbFile)).toEqual(before);
    expect(await call('party.orgChildren', {})).toHaveLength(1);
  });

  it('answers an unknown channel with a code, not a crash', async () => {
    const { core } = await testCore();
    const env = await core.dispatch('party.dropEverything', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('asks for the first-start setup before anything else', async () => {
    const { core } = await testCore({ setUp: false });
    const env = await core.dispatch('party.orgChildren', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP' } });
    const status = await core.dispatch('system.getStatus', {});
    expect(status).toMatchObject({ ok: true, data: { installation: null } });
  });

  it('gives validation errors field paths and Chinese messages', async () => {
    const { attempt } = await testCore();
    const env = await attempt('party.createPlace', { kind: 'estate', name: '   ' });
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('VALIDATION');
      expect(env.error.fields).toContainEqual({ path: 'name', message: '请填写名称' });
    }
  });

  it('rolls a write back with its audit entry when the handler fails half way', async () => {
    const { core, session } = await testCore();
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
    expect(await router('test.halfWrite', {}, session())).toMatchObject({ ok: false, error: { code: 'DOMAIN', message: '第二步失败' } });
    expect(handle.prepare("SELECT * FROM settings WHERE key = 'half'").get()).toBeUndefined();
    expect(handle.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual(auditBefore);

    quietLog.errors.length = 0;
    const crash = await router('test.crash', {}, session());
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!crash.ok) expect(crash.error.message).not.toContain('secret internals');
    expect(quietLog.errors.join()).toContain('test.crash');
    handle.close();
  });

  it('writes what a refusal records on its own, after the rolled-back write, and only for refusals', async () => {
    const { core, session } = await testCore();
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
    expect(await router('test.refuse', { refuse: true }, session())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(key('tried')).toBeUndefined();
    expect(key('refused')).toBeDefined();
    expect(handle.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'refused'").get()).toEqual({ n: 1 });
    handle.prepare("DELETE FROM settings WHERE key = 'refused'").run();
    expect(await router('test.refuse', { refuse: false }, session())).toMatchObject({ ok: true });
    expect(key('tried')).toBeDefined();
    expect(key('refused')).toBeUndefined();
    expect(await router('test.read', {}, session())).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
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

const roles: Role[] = ['admin', 'entry', 'reviewer', 'readonly'];

describe('roles in the router', () => {
  it('refuses every channel a role may not call, before reading its input, without writing anything', async () => {
    const { core, signInAs } = await testCore();
    const tokens = Object.fromEntries(await Promise.all(roles.filter((r) => r !== 'admin').map(async (r) => [r, await signInAs(r)] as const)));
    const before = rowsInEveryTable(core.services.dbFile);
    let refused = 0;
    for (const [role, token] of Object.entries(tokens) as [Role, string][]) {
      for (const [channel, def] of Object.entries(contract)) {
        if (mayDo(role, needOf(def))) continue;
        // Valid or not, the input is never looked at: a refusal says so, not "填写的内容有误".
        const env = await core.dispatch(channel, {}, token);
        expect(env, `${role} reached ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'ROLE' } });
        refused++;
      }
    }
    expect(rowsInEveryTable(core.services.dbFile)).toEqual(before);
    expect(refused).toBeGreaterThan(100); // readonly alone is refused every write
  });

  it('refuses every channel but the public ones without a session, and with an ended one', async () => {
    const { core, call, session } = await testCore();
    const before = rowsInEveryTable(core.services.dbFile);
    const token = session()!;
    await call('system.signOut', {});
    for (const given of [undefined, 'made-up-token', token]) {
      for (const [channel, def] of Object.entries(contract)) {
        if (needOf(def) === 'public') continue;
        const env = await core.dispatch(channel, {}, given);
        expect(env, `${channel} answered without a session`).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      }
    }
    const after = rowsInEveryTable(core.services.dbFile);
    // Nothing written but the audit log's entry, its chain head and its search index (audit_search*).
    const rest = (rows: Record<string, number>) => Object.fromEntries(Object.entries(rows).filter(([t]) => t !== 'audit_log' && t !== 'ledger_heads' && !t.startsWith('audit_search')));
    expect(rest(after)).toEqual(rest(before));
    expect(after.audit_log).toBe(before.audit_log! + 1); // the sign-out itself, and nothing after it
  });

  it('lets each role call what it needs: the admin everything, the reviewer a reveal, the readonly a list', async () => {
    const { call, callAs, signInAs } = await testCore({ setUp: 'community' });
    const root = await rootOrg(call);
    const branch = await call('party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
    const entry = await signInAs('entry', '李娜');
    const reviewer = await signInAs('reviewer', '赵审');
    const readonly = await signInAs('readonly', '钱看');
    const member = await callAs(entry, 'party.createMember', {
      name: '张三', gender: 'male', idNumber: idNumber('130104', '1968-05-12', 1, 'male'), joinedOn: '2010-07-01', status: 'full', category: 'community', orgId: branch.id,
    });
    expect((await callAs(readonly, 'party.listMembers', {})).total).toBe(1);
    await expect(callAs(entry, 'party.revealMember', { id: member.id, field: 'idNumber', reason: '核对' })).rejects.toThrow('需要管理员或审核人账号');
    expect((await callAs(reviewer, 'party.revealMember', { id: member.id, field: 'idNumber', reason: '核对组织关系' })).value).toBe(idNumber('130104', '1968-05-12', 1, 'male'));
    await expect(callAs(reviewer, 'party.updateMember', { id: member.id, name: '张叁' } as never)).rejects.toThrow('审核人');
    // Every audit entry names the account that signed in, not the installation's administrator.
    const audit = await call('system.listAudit', { entity: 'member', entityId: member.id });
    expect(audit.rows.map((r) => [r.action, r.operator])).toEqual([['reveal', '赵审'], ['create', '李娜']]);
  });

  it('raises a channel\'s need by its input: an unmasked export needs a reviewer', async () => {
    const { callAs, signInAs } = await testCore({ setUp: 'community' });
    const readonly = await signInAs('readonly');
    const reviewer = await signInAs('reviewer');
    const target = { register: 'party.members', level: 'community', period: '2026-11' } as const;
    expect((await callAs(readonly, 'submission.exportRegister', target)).rows).toBe(0);
    await expect(callAs(readonly, 'submission.exportRegister', { ...target, unmasked: true, reason: '区委组织部核对' })).rejects.toThrow('只读');
    expect((await callAs(reviewer, 'submission.exportRegister', { ...target, unmasked: true, reason: '区委组织部核对' })).rows).toBe(0);
  });
});
