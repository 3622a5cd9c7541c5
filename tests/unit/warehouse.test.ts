import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackage, prepareWarehouse, type LoadResult } from '../../scripts/lib/warehouse/load';
import { tempDir, today } from './helpers';
import { noPostgres, startPostgres, type TestPostgres } from './postgres-fixture';
import { communityWithPlaces } from './submission-places-fixture';
import { communityInstall, monthsAgo, packageOf, rewritePackage, streetInstall } from './submission-fixture';

/**
 * `npm run warehouse`: packages loaded into a REAL PostgreSQL (a throwaway cluster, postgres-fixture.ts) — the 12
 * communities of a street and the street's own package, twice; newer exports winning whatever the order; and
 * the refusals a street makes (a forged file, a changed key, a community of another street). Where PostgreSQL is
 * not installed the tests are reported as skipped, with the reason in their names.
 */

const MODULES = ['party', 'property', 'fund', 'elevator'];
const codeOf = (i: number) => `1301040010${String(i).padStart(2, '0')}`;
type Pkg = { fileName: string; contentBase64: string };
const fileOf = (p: Pkg) => ({ name: p.fileName, bytes: Buffer.from(p.contentBase64, 'base64') });

const named = (title: string) => (noPostgres ? `${title} — SKIPPED: ${noPostgres}` : title);
if (noPostgres) console.warn(`跳过 PostgreSQL 数据仓库测试：${noPostgres}`);

describe.skipIf(noPostgres)('the PostgreSQL warehouse', () => {
  let server: TestPostgres;
  let db: pg.Client;
  beforeAll(async () => {
    server = startPostgres();
    db = await server.connect();
  }, 60_000);
  afterAll(() => server?.stop());

  const load = async (schema: string, pkg: Pkg, acceptKeyChange: string[] = []) => loadPackage(db, fileOf(pkg), { schema, acceptKeyChange });
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows[0]!;
  const count = async (sql: string) => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`)).n);

  describe('a street\'s 12 communities and the street', () => {
    let communities: Pkg[];
    let street: Pkg;
    let first: Awaited<ReturnType<typeof communityWithPlaces>>;
    beforeAll(async () => {
      first = await communityWithPlaces({ name: '第1社区', code: codeOf(1) });
      const rest = [];
      for (let i = 2; i <= 12; i++) rest.push(await communityInstall({ name: `第${i}社区`, code: codeOf(i) }));
      communities = [await packageOf(first, first.month, MODULES), ...(await Promise.all(rest.map((c) => packageOf(c, first.month, MODULES))))];
      const s = await streetInstall();
      for (const p of communities) await s.call('submission.importPackage', p);
      const out = await s.call('submission.buildMonthly', { level: 'street', period: first.month, modules: MODULES, outputs: ['package'] });
      street = { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 };
    }, 120_000);

    it(named('loads them twice: the second time changes nothing; counts and values are as sent'), async () => {
      await prepareWarehouse(db, 'streetdesk');
      const loaded: LoadResult[] = [];
      for (const p of [...communities, street]) loaded.push(await load('streetdesk', p));
      expect(loaded.map((r) => r.status)).toEqual(Array(13).fill('loaded'));
      const members = loaded[0]!.status === 'loaded' ? loaded[0]!.tables['party.members'] : null;
      expect(members).toEqual({ new: 3, updated: 0, older: 0, removed: 0 });
      // The street's package carries each community's rows with that community's own export time: the same version.
      const fromStreet = loaded[12]!.status === 'loaded' ? loaded[12]!.tables['party.members'] : null;
      expect(fromStreet).toEqual({ new: 0, updated: 36, older: 0, removed: 0 });

      const snapshot = async () => ({
        units: await count('streetdesk.units'), packages: await count('streetdesk.packages'), periods: await count('streetdesk.unit_periods'),
        members: await count('streetdesk.party_members'), meetings: await count('streetdesk.party_meetings'), entries: await count('streetdesk.fund_entries'),
        refused: await count('streetdesk.refused'),
      });
      const before = await snapshot();
      expect(before).toEqual({ units: 13, packages: 13, periods: 12 + 13, members: 36, meetings: 12, entries: 2, refused: 0 });

      await prepareWarehouse(db, 'streetdesk');
      const again = [];
      for (const p of [...communities, street]) again.push((await load('streetdesk', p)).status);
      expect(again).toEqual(Array(13).fill('already'));
      expect(await snapshot()).toEqual(before);

      const zhang = await one(
        `SELECT m.name, m.joined_on::text AS joined, m.id_number, m.is_centre_household, m.status, u.name AS unit, u.parent_code
         FROM streetdesk.party_members m JOIN streetdesk.units u ON u.code = m.unit_code WHERE m.id = $1`,
        [first.members.zhang.id],
      );
      expect(zhang).toEqual({
        name: '张三', joined: '1995-07-01', id_number: expect.stringMatching(/^130104\*{8}\d{3}[\dX]$/), is_centre_household: false, status: 'full',
        unit: '第1社区', parent_code: '130104001',
      });
      const income = await one<{ amount: string; on_date: string }>(`SELECT amount, on_date::text FROM streetdesk.fund_entries WHERE direction = 'income' AND unit_code = $1`, [codeOf(1)]);
      expect(income).toEqual({ amount: '1234567', on_date: today() });
      expect(await one(`SELECT code, level, parent_code FROM streetdesk.units WHERE level = 'street'`)).toEqual({ code: '130104001', level: 'street', parent_code: null });
      const comment = await one<{ c: string }>(`SELECT col_description('streetdesk.party_members'::regclass, (SELECT attnum FROM pg_attribute WHERE attrelid = 'streetdesk.party_members'::regclass AND attname = 'joined_on')) AS c`);
      expect(comment.c).toContain('入党日期');
    });

    it(named('answers the queries docs/warehouse.md shows a city'), async () => {
      const doc = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'warehouse.md'), 'utf8');
      const queries = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split(';').map((q) => q.trim()).filter((q) => q && !/^--[^\n]*$/.test(q)));
      expect(queries).toHaveLength(3);
      const answers: pg.QueryResultRow[][] = [];
      for (const q of queries) answers.push((await db.query(q)).rows);
      const [perCommunity, late, balances] = answers;
      expect(perCommunity).toHaveLength(12);
      expect(perCommunity![0]).toEqual({ street: '西里街道', community: '第10社区', members: '3' });
      expect(late).toEqual([]);
      // ¥10,000.00 opened, ¥12,345.67 in, ¥1,000.50 out.
      expect(balances!.map((b) => b.yuan)).toEqual(['21345.17']);
    });

    it(named('runs as `npm run warehouse -- --pg … <folder>`, and again without change'), () => {
      const dir = tempDir();
      for (const p of [...communities, street]) fs.writeFileSync(path.join(dir, `${p.fileName.replace('.sdpkg', '')}-${p.contentBase64.length}.sdpkg`), Buffer.from(p.contentBase64, 'base64'));
      const repo = path.join(import.meta.dirname, '..', '..');
      const run = () => execFileSync('npm', ['run', '--silent', 'warehouse', '--', '--pg', server.url, '--schema', 'cli', dir], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
      const out = run();
      expect(out.match(/^✓ /gm)).toHaveLength(13);
      expect(out).toContain('共 13 个文件，全部已处理（模式 cli）');
      expect(run().match(/此前已装入/g)).toHaveLength(13);
    }, 120_000);
  });

  it(named('takes a newer export over an older one whatever the order, and marks what the source removed'), async () => {
    const community = await communityInstall();
    const older = await packageOf(community);
    await community.call('party.becomeFull', { id: community.members.li.id, on: today() });
    await community.call('party.deleteMeeting', { id: community.meeting.id });
    const newer = await packageOf(community);
    const li = `SELECT status, full_on::text AS full_on FROM %s.party_members WHERE id = '${community.members.li.id}'`;

    await prepareWarehouse(db, 'late');
    const taken = await load('late', newer);
    const late = await load('late', older);
    expect(late.status === 'loaded' && late.tables['party.members']).toEqual({ new: 0, updated: 0, older: 3, removed: 0 });
    expect(await one(li.replace('%s', 'late'))).toEqual({ status: 'full', full_on: today() });
    // The unit stays at the newer export too.
    expect(taken.status === 'loaded' && (await one(`SELECT package_id FROM late.units`)).package_id).toBe(taken.status === 'loaded' && taken.manifest.packageId);

    await prepareWarehouse(db, 'inorder');
    await load('inorder', older);
    const next = await load('inorder', newer);
    expect(next.status === 'loaded' && next.tables['party.meetings']).toEqual({ new: 0, updated: 0, older: 0, removed: 1 });
    expect(await one(li.replace('%s', 'inorder'))).toEqual({ status: 'full', full_on: today() });
    expect(await one(`SELECT removed FROM inorder.party_meetings WHERE id = $1`, [community.meeting.id])).toEqual({ removed: true });
  }, 60_000);

  it(named('checks a fund journal sent as a delta against what it holds: its base must be here with the hash it names'), async () => {
    const c = await communityWithPlaces();
    const first = await packageOf(c, monthsAgo(2), ['fund']);
    await c.income('500.00');
    const delta = await packageOf(c, monthsAgo(1), ['fund']);
    const entries = `SELECT seq FROM %s.fund_entries WHERE NOT removed ORDER BY seq`;

    // Nothing of the account held yet: a 完整包 is asked for, and nothing is written.
    await prepareWarehouse(db, 'nobase');
    expect(await load('nobase', delta)).toMatchObject({ status: 'refused', reason: 'PACKAGE_BASE_MISSING', message: expect.stringContaining('本机没有此前的第 2 笔') });
    expect(await count('nobase.packages')).toBe(0);
    expect(await count('nobase.fund_entries')).toBe(0);

    // The base held, but the witness names another hash for it (re-signed with the community's own key): refused.
    await prepareWarehouse(db, 'delta');
    expect(await load('delta', first)).toMatchObject({ status: 'loaded' });
    const rewritten = rewritePackage(delta.contentBase64, (_files, manifest) => {
      const journal = (manifest.tables as { name: string; coverage: { after: Record<string, { hash: string }> } }[]).find((t) => t.name === 'fund.entries')!;
      journal.coverage.after[c.account.id]!.hash = 'f'.repeat(64);
    }, c.dir);
    expect(await load('delta', { ...delta, contentBase64: rewritten })).toMatchObject({ status: 'refused', reason: 'PACKAGE_TAMPERED', message: expect.stringContaining('历史被改写') });

    // The genuine delta continues the chain: entries 1–2 stay, 3 is added, none marked removed.
    expect(await load('delta', delta)).toMatchObject({ status: 'loaded', tables: { 'fund.entries': { new: 1, updated: 0, older: 0, removed: 0 } } });
    expect((await db.query(entries.replace('%s', 'delta'))).rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
  }, 60_000);

  it(named('refuses a forged package, a changed key (until accepted) and a community of another street, writing nothing else'), async () => {
    await prepareWarehouse(db, 'checks');
    const community = await communityInstall();
    const genuine = await packageOf(community);
    const forged = rewritePackage(genuine.contentBase64, (files) => {
      const body = JSON.parse(strFromU8(files['tables/party.members.json']!));
      body.units['130104001001'][0].name = '赵六';
      files['tables/party.members.json'] = strToU8(JSON.stringify(body));
    });
    expect(await load('checks', { ...genuine, contentBase64: forged })).toMatchObject({ status: 'refused', reason: 'PACKAGE_SIGNATURE' });
    expect(await load('checks', genuine)).toMatchObject({ status: 'loaded' });

    // The same community reinstalled: another key.
    const reinstalled = await packageOf(await communityInstall());
    const changed = await load('checks', reinstalled);
    expect(changed).toMatchObject({ status: 'refused', reason: 'PACKAGE_KEY_CHANGED', message: expect.stringContaining('--accept-key-change 130104001001') });
    expect(await load('checks', reinstalled, ['130104001001'])).toMatchObject({ status: 'loaded', keyChanged: true });

    const elsewhere = await packageOf(await communityInstall({ parent: { name: '东花市街道', code: '110101002' } }));
    expect(await load('checks', elsewhere)).toMatchObject({ status: 'refused', reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringContaining('已登记属于代码 130104001') });

    const refused = (await db.query('SELECT reason FROM checks.refused ORDER BY at')).rows.map((r) => r.reason);
    expect(refused).toEqual(['PACKAGE_SIGNATURE', 'PACKAGE_KEY_CHANGED', 'PACKAGE_NOT_ACCEPTED']);
    expect(await count('checks.packages')).toBe(2);
    expect((await one<{ names: string[] }>(`SELECT array_agg(name ORDER BY name) AS names FROM checks.party_members`)).names).not.toContain('赵六');
  }, 60_000);
});
