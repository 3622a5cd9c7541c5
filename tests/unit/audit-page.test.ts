import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../db/audit';
import { openDatabase } from '../../db/open';
import { dayStartInstant } from '../../main/api/common/calendar';
import { addDays } from '../../main/api/common/days';
import { auditModules } from '../../main/api/system/labels';
import { auditFields } from '../../renderer/src/system/audit/auditText';
import { partyFixture } from './party-fixture';
import { recorded } from './query-plan';
import { inMoment, tempDir, testCore, today } from './helpers';
import { rootOrg } from '../orgs';

/** Entries by two accounts across two modules: the administrator's places and accounts, the clerk's members. */
async function loggedStreet() {
  const t = await testCore();
  const clerk = await t.signInAs('entry', '李娜');
  const reviewer = await t.signInAs('reviewer', '赵敏');
  for (const name of ['西里社区', '东里社区', '南里社区']) await t.call('party.createPlace', { kind: 'community', name });
  for (const name of ['1号楼', '2号楼']) await t.callAs(clerk, 'party.createPlace', { kind: 'community', name: `${name}社区` });
  return { ...t, clerk, reviewer };
}

describe('the audit page: filters and keyset paging in SQL, for 审核人 and 管理员', () => {
  it('filters by account, action, module and days, and the keyset pages meet without a gap or a repeat', async () => {
    const t = await loggedStreet();
    const all = await t.callAs(t.reviewer, 'system.listAudit', { limit: 500 });
    expect(all.rows.map((r) => r.seq)).toEqual([...all.rows.map((r) => r.seq)].sort((x, y) => y - x));

    const byClerk = await t.call('system.listAudit', { operator: '李娜' });
    expect(byClerk.total).toBe(byClerk.rows.length);
    expect(new Set(byClerk.rows.map((r) => r.operator))).toEqual(new Set(['李娜']));
    expect(byClerk.rows.filter((r) => r.entity === 'place')).toHaveLength(2);

    const party = await t.call('system.listAudit', { module: 'party', action: 'create' });
    expect(party.rows.map((r) => r.entity)).toEqual(['place', 'place', 'place', 'place', 'place']);
    const accounts = await t.call('system.listAudit', { module: 'system' });
    expect(accounts.rows.every((r) => (auditModules.system.entities as readonly string[]).includes(r.entity))).toBe(true);
    expect(accounts.rows.some((r) => r.action === 'sign_in')).toBe(true);

    // Days are the installation's: at the tests' default instant (2026-12-01 20:00 UTC, already 12-02 in Beijing)
    // every entry is stamped on the UTC day before today, and must still be found under today, none under yesterday.
    const yesterday = addDays(today(), -1);
    expect((await t.call('system.listAudit', { from: today(), to: today() })).total).toBe(all.total);
    expect((await t.call('system.listAudit', { to: yesterday })).total).toBe(0);
    await expect(t.call('system.listAudit', { from: today(), to: yesterday })).rejects.toThrow('截止日期不能早于起始日期');

    const seen: number[] = [];
    let beforeSeq: number | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof t.call<'system.listAudit'>>> = await t.call('system.listAudit', { limit: 3, beforeSeq });
      if (page.rows.length === 0) break;
      expect(page.total).toBe(all.total);
      seen.push(...page.rows.map((r) => r.seq));
      beforeSeq = page.rows.at(-1)!.seq;
    }
    expect(seen).toEqual(all.rows.map((r) => r.seq));
  });

  it('is refused to 录入员 and 只读 before anything is read', async () => {
    const t = await loggedStreet();
    const readonly = await t.signInAs('readonly', '钱进');
    for (const token of [t.clerk, readonly]) {
      await expect(t.callAs(token, 'system.listAudit', {})).rejects.toThrow(/审核人|管理员/);
      await expect(t.callAs(token, 'system.listAuditOperators', {})).rejects.toThrow(/审核人|管理员/);
    }
    expect(await t.callAs(t.reviewer, 'system.listAuditOperators', {})).toEqual(expect.arrayContaining(['李娜', '王芳', '赵敏']));
  });

  it('walks the filter\'s own index in seq order, a page and no more', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'audit.sqlite')));
    for (const filter of [{ operator: '李娜' }, { action: 'create' }, { entity: 'place' }, {}]) {
      const { spy, plan } = recorded(db);
      listAudit(spy, { ...filter, beforeSeq: 5, offset: 0, limit: 100 });
      const page = plan(1);
      expect(page, JSON.stringify(filter)).not.toContain('TEMP B-TREE');
      expect(page).toMatch(Object.keys(filter).length ? /INDEX audit_log_(operator|action|entity)_seq \(\w+=\? AND seq<\?\)/ : /INDEX audit_log_seq \(seq<\?\)/);
    }
    // Free text of three characters or more is looked up in the trigram index, not scanned.
    const text = recorded(db);
    listAudit(text.spy, { text: '西里社区', beforeSeq: 5, offset: 0, limit: 100 });
    expect(text.plan(1)).toMatch(/SCAN audit_search VIRTUAL TABLE INDEX \d+:M/);
    // A module: each of its entities read from its own index, a page at most, and only those merged.
    const { spy, plan } = recorded(db);
    listAudit(spy, { entities: auditModules.party.entities, beforeSeq: 5, offset: 0, limit: 100 });
    expect(plan(1)).toContain('MERGE (UNION ALL)');
    expect(plan(1).match(/INDEX audit_log_entity_seq \(entity=\? AND seq<\?\)/g)).toHaveLength(auditModules.party.entities.length);
  });

  it('finds entries by any value they logged, two characters or more, and not by the JSON keys', async () => {
    const t = await loggedStreet();
    const org = await t.call('party.createOrg', { level: 'community_committee', kind: '社区党委', name: '西里社区党委', parentId: (await rootOrg(t.call)).id });
    await t.callAs(t.clerk, 'party.updateOrg', { id: org.id, kind: '社区党委', name: '西里社区党委员会' });
    const found = async (text: string, more = {}) => (await t.callAs(t.reviewer, 'system.listAudit', { text, ...more })).rows.map((r) => `${r.operator}:${r.entity}:${r.action}`);
    expect(await found('西里社区党委员会')).toEqual(['李娜:org:update']);
    expect(await found('西里社区党委')).toEqual(['李娜:org:update', '王芳:org:create']);
    expect(await found('东里', { operator: '王芳' })).toEqual(['王芳:place:create']);
    expect(await found('西里社区党委', { operator: '王芳' })).toEqual(['王芳:org:create']);
    expect(await found(org.id)).toEqual(['李娜:org:update', '王芳:org:create']);
    expect(await found('name')).toEqual([]);
    expect(await found('100%_')).toEqual([]);
    expect((await t.callAs(t.reviewer, 'system.listAudit', { text: '西里社区党委' })).total).toBe(2);
  });

  it('names every field an entry logs in Chinese in its detail', async () => {
    const t = await partyFixture();
    const m = await t.member('张建国');
    await t.call('party.updateMember', { ...m, phone: '13812348001', idNumber: undefined });
    const { rows } = await t.call('system.listAudit', { limit: 500 });
    const unnamed = rows.flatMap((r) => auditFields(r).filter((f) => f.label === f.key).map((f) => `${r.entity}.${f.key}`));
    expect(rows.length).toBeGreaterThan(8);
    expect(unnamed).toEqual([]);
    const member = rows.find((r) => r.entity === 'member')!;
    expect(auditFields(member).find((f) => f.key === 'name')!.label).toBe('姓名');
    expect(auditFields(member).find((f) => f.key === 'joinedOn')!.label).toBe('入党日期');
    // Codes read as the forms show them.
    expect(auditFields(member).find((f) => f.key === 'gender')!.after).toBe('男');
    expect(auditFields(member).find((f) => f.key === 'status')!.after).toBe('正式党员');
    expect(auditFields(member).find((f) => f.key === 'category')!.after).toBe('社区党员');
  });

  it('every entity a handler audits belongs to exactly one module', () => {
    const files = fs.readdirSync('main', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const audited = new Set<string>();
    for (const f of files) {
      const src = fs.readFileSync(path.join('main', f), 'utf8');
      for (const m of src.matchAll(/entity: '([a-z_]+)'/g)) audited.add(m[1]!);
      for (const m of src.matchAll(/removeRow\(db, \w+, '([a-z_]+)'/g)) audited.add(m[1]!);
    }
    expect(audited.size).toBeGreaterThan(40);
    const owners = (e: string) => Object.entries(auditModules).filter(([, m]) => (m.entities as readonly string[]).includes(e)).map(([k]) => k);
    expect([...audited].filter((e) => owners(e).length !== 1)).toEqual([]);
  });

  it('a day begins at its midnight in the installation\'s zone', () => {
    expect(dayStartInstant('2026-12-02', 'Asia/Shanghai')).toBe('2026-12-01T16:00:00.000Z');
    expect(dayStartInstant('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStartInstant('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });
});
