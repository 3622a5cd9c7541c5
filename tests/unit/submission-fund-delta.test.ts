import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { connect } from '../../db/driver';
import { newId } from '../../db/ids';
import { DISTRICT, monthsAgo, ownPackageOf, packageOf, rewritePackage, streetInstall, thisMonth } from './submission-fixture';
import { communityWithPlaces, forged } from './submission-places-fixture';
import { districtInstall } from './submission-fixture';

/**
 * The fund journal travels as a delta (main/api/submission/chain-delta.ts): each account's entries after the head
 * the unit's earlier months' packages carried, with that head as the witness. Real installations, real files.
 */

const UNIT = '130104001001';
const FUND = ['fund'];

const [M2, M1, M0] = [monthsAgo(2), monthsAgo(1), thisMonth()];

type Pkg = { fileName: string; contentBase64: string };
const manifestOf = (pkg: Pkg) => JSON.parse(strFromU8(unzipSync(Buffer.from(pkg.contentBase64, 'base64'))['manifest.json']!));
const journalOf = (pkg: Pkg) => manifestOf(pkg).tables.find((t: { name: string }) => t.name === 'fund.entries');

/** A unit's consolidated journal as stored: id → (seq, hash), and every row with its stamp (order independence). */
function held(file: string, unit = UNIT) {
  const db = connect(file, { readonly: true });
  try {
    const rows = db.prepare(`SELECT record_id, record, package_created_at, removed_at FROM consolidated_rows WHERE unit_code = ? AND table_name = 'fund.entries' ORDER BY record_id`).all(unit) as { record: string }[];
    const chain = rows.map((r) => JSON.parse(r.record) as { seq: number; hash: string }).map((e) => [e.seq, e.hash]).sort((a, b) => Number(a[0]) - Number(b[0]));
    return { chain, rows };
  } finally {
    db.close();
  }
}

/** The community's own chain, from a full package of it. */
async function chainOf(c: Awaited<ReturnType<typeof communityWithPlaces>>) {
  const out = await c.call('submission.buildMonthly', { level: 'community', period: M0, modules: FUND, outputs: ['package'], full: true });
  const files = unzipSync(Buffer.from(out.package!.contentBase64, 'base64'));
  const units = JSON.parse(strFromU8(files['tables/fund.entries.json']!)).units as Record<string, { seq: number; hash: string }[]>;
  return units[UNIT]!.map((e) => [e.seq, e.hash]).sort((a, b) => Number(a[0]) - Number(b[0]));
}

const full = async (c: { call: Awaited<ReturnType<typeof communityWithPlaces>>['call'] }, period: string): Promise<Pkg> => {
  const out = await c.call('submission.buildMonthly', { level: 'community', period, modules: FUND, outputs: ['package'], full: true });
  return { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 };
};

describe('the fund journal sent as a delta against what was sent up before', () => {
  it('carries only the new entries with the head as witness; the street continues its chain to equal the community’s', async () => {
    const c = await communityWithPlaces();
    const street = await streetInstall();
    const first = await packageOf(c, M2, FUND);
    expect(journalOf(first)).toMatchObject({ rows: 2, coverage: 'all' });
    // A version-2 package (a community not yet upgraded) is a whole one, and is still read.
    const v2 = rewritePackage(first.contentBase64, (_files, manifest) => (manifest.formatVersion = 2), c.dir);
    expect((await street.call('submission.inspectPackage', { fileName: first.fileName, contentBase64: v2 })).refusal).toBeNull();
    await street.call('submission.importPackage', first);

    await c.income('500.00');
    await c.spend('20.00');
    const delta = await packageOf(c, M1, FUND);
    const journal = journalOf(delta);
    expect(journal.rows).toBe(2);
    expect(journal.coverage).toEqual({ field: 'seq', per: 'accountId', after: { [c.account.id]: { seq: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
    const inspected = await street.call('submission.inspectPackage', delta);
    expect(inspected.refusal).toBeNull();
    expect((await street.call('submission.importPackage', delta)).counts).toMatchObject({ new: 2, removed: 0, conflicts: 0 });
    expect(held(street.core.services.dbFile).chain).toEqual(await chainOf(c));
    expect(held(street.core.services.dbFile).chain).toHaveLength(4);

    // The same delta again changes nothing.
    const before = held(street.core.services.dbFile).rows;
    expect((await street.call('submission.importPackage', delta)).counts).toMatchObject({ new: 0, updated: 0, removed: 0, conflicts: 0 });
    expect(held(street.core.services.dbFile).rows).toEqual(before);

    // Rebuilt for the same month, the package starts from the same base (the first build may never have gone out).
    await c.income('1.00');
    const rebuilt = await packageOf(c, M1, FUND);
    expect(journalOf(rebuilt)).toMatchObject({ rows: 3, coverage: journal.coverage });
  });

  it('refuses a delta whose base the street does not hold, asking for a 完整包, which then imports', async () => {
    const c = await communityWithPlaces();
    await packageOf(c, M2, FUND);
    await c.income('500.00');
    const delta = await packageOf(c, M1, FUND);
    const street = await streetInstall();
    const env = await street.attempt('submission.importPackage', delta);
    expect(env).toMatchObject({ ok: false, error: { reason: 'PACKAGE_BASE_MISSING', message: expect.stringContaining('本机没有此前的第 2 笔') } });
    expect(env.ok ? '' : env.error.message).toContain('勾选“完整上报”');
    expect(await street.call('submission.listUnits', {})).toEqual([]);

    const whole = await full(c, M1);
    expect(journalOf(whole)).toMatchObject({ rows: 3, coverage: 'all' });
    await street.call('submission.importPackage', whole);
    expect(held(street.core.services.dbFile).chain).toEqual(await chainOf(c));
    // The next month continues from the full package's heads.
    await c.income('7.00');
    const next = await packageOf(c, M0, FUND);
    expect(journalOf(next).rows).toBe(1);
    expect((await street.call('submission.importPackage', next)).counts).toMatchObject({ new: 1, removed: 0 });
    expect(held(street.core.services.dbFile).chain).toEqual(await chainOf(c));
  });

  it('refuses a tampered entry in a delta, and a delta whose witness hash is not the one held', async () => {
    const c = await communityWithPlaces();
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(c, M2, FUND));
    await c.income('500.00');
    const delta = await packageOf(c, M1, FUND);

    const raised = forged(delta.contentBase64, c.dir, (t) => {
      t['fund.entries']!.units[UNIT]![0]!.amount = 50_001;
    });
    expect(await street.attempt('submission.importPackage', { fileName: delta.fileName, contentBase64: raised }))
      .toMatchObject({ ok: false, error: { reason: 'PACKAGE_TAMPERED', message: expect.stringContaining('第 3 笔的内容与其校验码不符') } });

    const witness = rewritePackage(delta.contentBase64, (_files, manifest) => {
      const entries = (manifest.tables as { name: string; coverage: { after: Record<string, { hash: string }> } }[]).find((t) => t.name === 'fund.entries')!;
      entries.coverage.after[c.account.id]!.hash = 'f'.repeat(64);
    }, c.dir);
    expect(await street.attempt('submission.importPackage', { fileName: delta.fileName, contentBase64: witness }))
      .toMatchObject({ ok: false, error: { reason: 'PACKAGE_TAMPERED', message: expect.stringContaining('第 2 笔与本机导入过的校验码不同：历史被改写') } });
    expect(held(street.core.services.dbFile).chain).toHaveLength(2);
  });

  it('gives the same copies whatever order full packages and deltas arrive in', async () => {
    const c = await communityWithPlaces();
    const p1 = await packageOf(c, M2, FUND);
    await c.income('500.00');
    const p2 = await packageOf(c, M1, FUND);
    const p2full = await full(c, M1);
    await c.income('9.00');
    await c.call('fund.reverseEntry', { id: newId(), entryId: (await c.income('3.00')).id, reason: '录错' });
    const p3 = await packageOf(c, M0, FUND);
    expect(journalOf(p3).rows).toBe(3);

    const inOrder = await streetInstall();
    for (const p of [p1, p2, p2full, p3]) await inOrder.call('submission.importPackage', p);
    const shuffled = await streetInstall();
    // The newest first on a full base, then the older ones late: a late full package is older, changes nothing.
    for (const p of [p2full, p3, p1, p2]) await shuffled.call('submission.importPackage', p);
    expect(held(shuffled.core.services.dbFile).rows).toEqual(held(inOrder.core.services.dbFile).rows);
    expect(held(shuffled.core.services.dbFile).chain).toEqual(await chainOf(c));
  });

  it('passes on through the street to the district the same way: the street sends what it did not send before', async () => {
    const c = await communityWithPlaces();
    const street = await streetInstall(undefined, { parent: DISTRICT });
    const district = await districtInstall();
    await street.call('submission.importPackage', await packageOf(c, M2, FUND));
    const s1 = await ownPackageOf(street, 'street', M2, FUND);
    expect(journalOf(s1)).toMatchObject({ rows: 2, coverage: 'all' });
    await district.call('submission.importPackage', s1);

    await c.income('500.00');
    await c.spend('30.00');
    await street.call('submission.importPackage', await packageOf(c, M1, FUND));
    const s2 = await ownPackageOf(street, 'street', M1, FUND);
    expect(journalOf(s2)).toMatchObject({ rows: 2, coverage: { per: 'accountId', after: { [c.account.id]: { seq: 2 } } } });
    expect((await district.call('submission.importPackage', s2)).counts).toMatchObject({ removed: 0, conflicts: 0 });
    expect(held(district.core.services.dbFile).chain).toEqual(await chainOf(c));

    // A district that lacks the street's base is told to ask for a full package; the street's 完整上报 imports.
    const fresh = await districtInstall();
    expect(await fresh.attempt('submission.importPackage', s2)).toMatchObject({ ok: false, error: { reason: 'PACKAGE_BASE_MISSING' } });
    const out = await street.call('submission.buildMonthly', { level: 'street', period: M1, modules: FUND, outputs: ['package'], full: true });
    await fresh.call('submission.importPackage', { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 });
    expect(held(fresh.core.services.dbFile).chain).toEqual(await chainOf(c));
  });
});
