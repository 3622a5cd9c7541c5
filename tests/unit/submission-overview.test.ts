import { describe, expect, it } from 'vitest';
import type { OverviewFigures } from '../../main/api/submission/types';
import { today } from './helpers';
import { sheetRows, workbookOf } from './workbook-read';
import { communityInstall, DISTRICT, districtInstall, STREET, streetInstall, thisMonth } from './submission-fixture';
import { orgCount } from '../orgs';

type Community = Awaited<ReturnType<typeof communityInstall>>;
type Call = Community['call'];
const MODULES = ['party', 'volunteer', 'requests'];

async function monthly(t: { call: Call }, level: 'community' | 'street') {
  const out = await t.call('submission.buildMonthly', { level, period: thisMonth(), modules: MODULES, outputs: ['package'] });
  return { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 };
}

/**
 * A community as the fixture makes it (3 members: 2 正式, 1 预备; 3 organisations; one branch with this month's
 * 支委会), with volunteers earning points and serving hours, and 民呼必应 requests: `done` closed today and rated.
 */
async function community(unit: { name: string; code: string; parent: { name: string; code: string } }, people: [string, number][], requests: { open: number; done: string[] }) {
  const c = await communityInstall(unit);
  for (const [who, n] of people) {
    const v = await c.call('volunteer.createResident', { name: who, phone: '13912345678', orgId: c.root.id, registeredOn: today() });
    await c.call('volunteer.addEntry', { person: { volunteerId: v.id }, onDate: today(), category: 'contribution', amount: n * 10, reason: '捐赠图书', sourceKind: 'manual' });
  }
  const report = async () =>
    (await c.call('requests.report', { reportedOn: today(), source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId: c.estate.id, content: '楼道灯不亮' })).id;
  const step = (id: string, to: string, extra: Record<string, unknown> = {}) => c.call('requests.step', { id, to, ...extra } as never);
  for (let i = 0; i < requests.open; i++) await report();
  for (const rating of requests.done) {
    const id = await report();
    await step(id, 'sorted', { category: 'facilities', urgency: 'normal' });
    await step(id, 'assigned', { handlerKind: 'community', handlerName: '社区居委会' });
    await step(id, 'done', { doneOn: today(), result: '已处理' });
    await step(id, 'publicised', { publicisedOn: today() });
    await step(id, 'evaluated', { rating });
  }
  return c;
}

/** The community's own dashboards' figures, as its secretary reads them there. */
async function ownFigures(c: Community): Promise<Omit<OverviewFigures, 'compliancePending'>> {
  const party = await c.call('party.getDashboard', { orgId: null });
  const vol = await c.call('volunteer.getDashboard', { orgId: null });
  const req = await c.call('requests.getDashboard', {});
  const orgs = await orgCount(c.call);
  return {
    members: party.stats.active, full: party.stats.byStatus.full, probationary: party.stats.byStatus.probationary, orgs,
    branches: party.compliance.branches, compliant: party.compliance.branches - party.compliance.behind,
    volunteers: vol.volunteers.total, hours: vol.thisYear.hours, points: vol.thisYear.earned,
    received: req.month.received, done: req.month.done, rated: req.month.rated, satisfied: req.month.satisfied, overdue: req.overdue,
  };
}

const summed = (parts: Omit<OverviewFigures, 'compliancePending'>[]) => {
  const out = { ...parts[0]! };
  for (const p of parts.slice(1)) for (const k of Object.keys(out) as (keyof typeof out)[]) out[k] += p[k];
  return out;
};

const SOUTH = { name: '南里街道', code: '130104002' };

/** Two communities → 西里街道, one → 南里街道, both streets → the district. */
async function district() {
  const west = await community({ name: '西里社区', code: '130104001001', parent: STREET }, [['赵敏', 3], ['钱多', 1]], { open: 1, done: ['satisfied', 'unsatisfied'] });
  const east = await community({ name: '东里社区', code: '130104001002', parent: STREET }, [['孙丽', 5]], { open: 2, done: ['mostly_satisfied'] });
  const south = await community({ name: '南里社区', code: '130104002001', parent: SOUTH }, [['周强', 2]], { open: 0, done: [] });
  const street = await streetInstall(undefined, { parent: DISTRICT });
  const other = await streetInstall(undefined, { ...SOUTH, parent: DISTRICT });
  const westEarly = await monthly(west, 'community');
  await street.call('submission.importPackage', await monthly(east, 'community'));
  await street.call('submission.importPackage', westEarly);
  await other.call('submission.importPackage', await monthly(south, 'community'));
  const d = await districtInstall();
  return { west, east, south, street, other, westEarly, d };
}

describe('汇总概览', () => {
  it('a district’s overview is its communities’ own dashboards summed: per street, per community, in total, each as of its package', async () => {
    const { west, east, south, street, other, d } = await district();
    await d.call('submission.importPackage', await monthly(street, 'street'));
    await d.call('submission.importPackage', await monthly(other, 'street'));
    const [w, e, s] = [await ownFigures(west), await ownFigures(east), await ownFigures(south)];
    // The fixture's figures are what they seem: not all zeros that would sum to anything.
    expect(w).toMatchObject({ members: 3, full: 2, probationary: 1, orgs: 3, branches: 1, volunteers: 2, points: 40, received: 3, done: 2, rated: 2, satisfied: 1 });

    const o = await d.call('submission.getOverview', {});
    expect(o.rowLevel).toBe('street');
    expect(o.rows.map((r) => [r.name, r.children.map((c) => c.name)])).toEqual([['南里街道', ['南里社区']], ['西里街道', ['东里社区', '西里社区']]]);
    const [southRow, westStreet] = o.rows;
    const pick = ({ compliancePending: _, ...f }: OverviewFigures) => f;
    expect(pick(westStreet!.children.find((c) => c.name === '西里社区')!.figures)).toEqual(w);
    expect(pick(westStreet!.children.find((c) => c.name === '东里社区')!.figures)).toEqual(e);
    // A street's row is its own data (its 党工委, no members) and its communities'.
    expect(pick(westStreet!.figures)).toEqual({ ...summed([w, e]), orgs: w.orgs + e.orgs + 1 });
    expect(pick(southRow!.figures)).toEqual({ ...s, orgs: s.orgs + 1 });
    expect(pick(o.total)).toEqual({ ...summed([w, e, s]), orgs: w.orgs + e.orgs + s.orgs + 2 });
    expect(o.total.compliancePending).toBe(0);
    // Each figure is as of its unit's latest package: the community's own export time, carried up by its street.
    const westUnit = westStreet!.children.find((c) => c.name === '西里社区')!;
    expect(westUnit).toMatchObject({ period: thisMonth(), stale: false, exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(westStreet!.oldestExport <= westStreet!.newestExport).toBe(true);
    expect(o.oldestExport).toBe([...o.rows.flatMap((r) => [r, ...r.children])].map((u) => u.exportedAt).sort()[0]);

    // A correction made here counts as the registers read it (the source's version stays beside it).
    await d.call('submission.correctRecord', { unitCode: '130104001001', table: 'party.members', recordId: west.members.li.id, changes: { status: 'full' } });
    const corrected = (await d.call('submission.getOverview', {})).total;
    expect([corrected.full, corrected.probationary, corrected.members]).toEqual([o.total.full + 1, o.total.probationary - 1, o.total.members]);
  });

  it('a late older package changes nothing: the overview is the newest export’s, whatever order they arrive in', async () => {
    const { west, street, other, westEarly, d } = await district();
    const streetEarly = await monthly(street, 'street');
    // West registers a new member and exports again; the street takes it, then the older one arrives late.
    await west.member('钱七');
    await street.call('submission.importPackage', await monthly(west, 'community'));
    const streetOverview = await street.call('submission.getOverview', {});
    await street.call('submission.importPackage', westEarly);
    expect(await street.call('submission.getOverview', {})).toEqual(streetOverview);
    expect(streetOverview.rowLevel).toBe('community');
    expect(streetOverview.rows.find((r) => r.name === '西里社区')!.figures.members).toBe(4);

    await d.call('submission.importPackage', await monthly(street, 'street'));
    await d.call('submission.importPackage', await monthly(other, 'street'));
    const before = await d.call('submission.getOverview', {});
    await d.call('submission.importPackage', streetEarly);
    expect(await d.call('submission.getOverview', {})).toEqual(before);
    expect(before.rows.find((r) => r.name === '西里街道')!.figures.members).toBe(7);
  });

  it('is empty where nothing was consolidated', async () => {
    const d = await districtInstall();
    expect(await d.call('submission.getOverview', {})).toMatchObject({ rows: [], total: { members: 0 }, oldestExport: null });
  });

  it('the district’s 积分排行 is one ranking over every consolidated person, each with 所属街道 and 所属社区', async () => {
    const { street, other, d } = await district();
    await d.call('submission.importPackage', await monthly(street, 'street'));
    await d.call('submission.importPackage', await monthly(other, 'street'));
    const out = await d.call('submission.exportRegister', { register: 'volunteer.ranking', level: 'district', period: thisMonth() });
    const rows = sheetRows((await workbookOf(out.file.contentBase64)).worksheets[0]!);
    expect(rows.slice(0, -1).map((r) => [r['名次'], r['姓名'], r['所属街道'], r['所属社区'], r['获得积分']])).toEqual([
      [1, '孙丽', '西里街道', '东里社区', 5], [2, '赵敏', '西里街道', '西里社区', 3], [3, '周强', '南里街道', '南里社区', 2], [4, '钱多', '西里街道', '西里社区', 1],
    ]);
    // The same ranking on the overview's screen, with the same 所属街道.
    const o = await d.call('submission.getOverview', {});
    expect(o.leaders.map((l) => [l.rank, l.name, l.street, l.community, l.earned / 10])).toEqual(
      rows.slice(0, -1).map((r) => [r['名次'], r['姓名'], r['所属街道'], r['所属社区'], r['获得积分']]),
    );
    // A street's ranking has no 所属街道: it groups nothing.
    const own = await street.call('submission.exportRegister', { register: 'volunteer.ranking', level: 'street', period: thisMonth() });
    expect(Object.keys(sheetRows((await workbookOf(own.file.contentBase64)).worksheets[0]!)[0]!)).not.toContain('所属街道');
  });
});
