import type { Period } from '../../../export/period';
import type { Register, UnitData, Within } from '../../../export/types';
import { zhCompare } from '../../party/export/org-index';
import { pointCategories, volunteerKinds } from '../labels';
import { activitiesTable, entriesTable, volunteersTable, type ActivityRecord, type EntryRecord, type VolunteerRecord } from './tables';

const within = (d: string, p: Period) => d >= p.from && d <= p.to;
/** The ledger's entries dated in the period (read from the index locally, filtered in a copy). */
export const monthOf = (p: Period): Within => ({ field: 'onDate', from: p.from, to: p.to });

/** A copy comes back in id order: sort it as local rows come from SQL (the local order is already right). */
function ordered<R>(data: UnitData, rows: Iterable<R>, compare: (a: R, b: R) => number): Iterable<R> {
  return data.local ? rows : [...rows].sort(compare);
}

/** 志愿者花名册: volunteers registered by the period's end and not left by then; ID and phone masked unless asked. */
export const volunteerRegister: Register<VolunteerRecord> = {
  key: 'volunteer.people',
  title: '志愿者花名册',
  periodNote: (p) => `（在册志愿者截至 ${p.to}）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'name', header: '姓名', width: 8, kind: 'text', value: (r) => r.name, total: { count: '人' } },
    { key: 'gender', header: '性别', width: 4, kind: 'text', value: (r) => (r.gender ? { male: '男', female: '女' }[r.gender] : null) },
    { key: 'kind', header: '志愿者类别', width: 10, kind: 'text', value: (r) => volunteerKinds[r.isMember ? 'member' : 'resident'] },
    { key: 'idNumber', header: '身份证号', width: 20, kind: 'text', personal: 'idCard', value: (r) => r.idNumber },
    { key: 'phone', header: '联系电话', width: 13, kind: 'text', personal: 'phone', value: (r) => r.phone },
    { key: 'org', header: '所在组织', width: 20, kind: 'text', value: (r) => r.orgName },
    { key: 'post', header: '服务岗位', width: 14, kind: 'text', value: (r) => r.postName },
    { key: 'team', header: '服务队', width: 12, kind: 'text', value: (r) => r.team },
    { key: 'skills', header: '特长', width: 14, kind: 'text', value: (r) => r.skills },
    { key: 'registeredOn', header: '注册日期', width: 11, kind: 'date', value: (r) => r.registeredOn },
  ],
  rows(data, p) {
    const onRegister = function* () {
      for (const v of data.rows(volunteersTable)) if (v.registeredOn <= p.to && (v.leftOn === null || v.leftOn > p.to)) yield v;
    };
    return ordered(data, onRegister(), (a, b) => zhCompare(a.community, b.community) || zhCompare(a.orgName, b.orgName) || zhCompare(a.name, b.name));
  },
};

/** 志愿活动及服务时长: the period's activities, who was present and the hours they served. */
export const activityRegister: Register<ActivityRecord> = {
  key: 'volunteer.activities',
  title: '志愿活动及服务时长',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'onDate', header: '日期', width: 11, kind: 'date', value: (r) => r.onDate },
    { key: 'title', header: '活动名称', width: 24, kind: 'text', value: (r) => r.title, total: { count: '次' } },
    { key: 'org', header: '组织单位', width: 20, kind: 'text', value: (r) => r.orgName },
    { key: 'post', header: '服务岗位', width: 14, kind: 'text', value: (r) => r.postName },
    { key: 'place', header: '地点', width: 14, kind: 'text', value: (r) => r.place },
    { key: 'participants', header: '参与人数', width: 8, kind: 'int', value: (r) => r.participants, total: 'sum' },
    { key: 'hours', header: '服务时长（小时）', width: 10, kind: 'tenths', value: (r) => r.hoursTenths, total: 'sum' },
  ],
  rows(data, p) {
    const rows = [...data.rows(activitiesTable)].filter((a) => within(a.onDate, p));
    return ordered(data, rows, (a, b) => a.onDate.localeCompare(b.onDate) || a.id.localeCompare(b.id));
  },
};

const byDate = (a: EntryRecord, b: EntryRecord) => a.onDate.localeCompare(b.onDate) || a.id.localeCompare(b.id);

/** 积分台账: every entry dated in the period (reversals included, so the 合计 is the period's net change). */
export const ledgerRegister: Register<EntryRecord> = {
  key: 'volunteer.entries',
  title: '积分台账',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'onDate', header: '日期', width: 11, kind: 'date', value: (r) => r.onDate },
    { key: 'name', header: '姓名', width: 8, kind: 'text', value: (r) => r.volunteerName, total: { count: '笔' } },
    { key: 'org', header: '所在组织', width: 20, kind: 'text', value: (r) => r.orgName },
    { key: 'category', header: '类别', width: 8, kind: 'text', value: (r) => pointCategories[r.category] + (r.reversal ? '（冲正）' : '') },
    { key: 'reason', header: '事由', width: 24, kind: 'text', value: (r) => r.reason },
    { key: 'amount', header: '积分', width: 8, kind: 'tenths', value: (r) => r.amount, total: 'sum' },
    { key: 'hours', header: '服务时长（小时）', width: 10, kind: 'tenths', value: (r) => r.hoursTenths, total: 'sum' },
  ],
  // The month alone: the package carries the year so far (a district's: 1.3 million entries), the month a few thousand.
  rows: (data, p) => ordered(data, data.rows(entriesTable, monthOf(p)), byDate),
};

interface RankRow {
  rank: number;
  /** At a district: the street the person's package came through (its own or one of its communities'). */
  group: string;
  name: string;
  orgName: string;
  community: string;
  earned: number;
  hours: number;
}

/** Per volunteer: points earned and hours, as the entries are read (a ranking never holds the entries themselves). */
type Tally = Map<string, Omit<RankRow, 'rank'>>;

/** Points earned (spending is not a merit) and hours over the year up to the period's end. */
function tally(people: Tally, e: Grouped, p: Period): void {
  if (e.onDate > p.to || e.onDate < `${p.year}-01-01`) return;
  let r = people.get(e.volunteerId);
  if (!r) people.set(e.volunteerId, (r = { group: e.group ?? '', name: e.volunteerName, orgName: e.orgName, community: e.community, earned: 0, hours: 0 }));
  if (e.category !== 'redeem') r.earned += e.amount;
  r.hours += e.hoursTenths;
}

/** Highest first. */
function ranked(people: Tally): RankRow[] {
  const sorted = [...people.values()].filter((r) => r.earned > 0 || r.hours > 0).sort((a, b) => b.earned - a.earned || b.hours - a.hours || zhCompare(a.name, b.name));
  // Equal points share a place (1, 1, 3): a clerk should not have to explain who of two equals is second.
  let rank = 0;
  return sorted.map((r, i) => ({ ...r, rank: i > 0 && sorted[i - 1]!.earned === r.earned ? rank : (rank = i + 1) }));
}

function ranking(entries: Iterable<Grouped>, p: Period): RankRow[] {
  const people: Tally = new Map();
  for (const e of entries) tally(people, e, p);
  return ranked(people);
}

const rankingColumns: Register<RankRow>['columns'] = [
  // One ranking over every source has no source's group column from the engine (build-workbook.ts): its own.
  { key: 'group', header: '所属街道', width: 14, kind: 'text', byGroup: true, value: (r) => r.group },
  { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
  { key: 'rank', header: '名次', width: 6, kind: 'int', value: (r) => r.rank },
  { key: 'name', header: '姓名', width: 8, kind: 'text', value: (r) => r.name, total: { count: '人' } },
  { key: 'org', header: '所在组织', width: 20, kind: 'text', value: (r) => r.orgName },
  { key: 'earned', header: '获得积分', width: 10, kind: 'tenths', value: (r) => r.earned, total: 'sum' },
  { key: 'hours', header: '服务时长（小时）', width: 10, kind: 'tenths', value: (r) => r.hours, total: 'sum' },
];

const periodNote = (p: Period) => `（${p.year}年1月1日至 ${p.to} 累计）`;

/** An entry with the group of the source it came from (a district's: its street). */
type Grouped = EntryRecord & { group?: string };

/**
 * Both rankings of a multi-unit export — one over everyone, one per community — tallied in one pass over the year's
 * entries of every source, once per export: the two sheets of a street's submission used to read a district's ledger
 * (1.3 million entries) twice. Kept per sources list (one export's) and period; the entries themselves are not held.
 */
interface Tallies {
  everyone: Tally;
  byCommunity: Map<string, { community: string; group: string; people: Tally }>;
}
const talliesOf = new WeakMap<readonly UnitData[], Map<string, Tallies>>();

function tallies(sources: readonly UnitData[], p: Period): Tallies {
  let perPeriod = talliesOf.get(sources);
  if (!perPeriod) talliesOf.set(sources, (perPeriod = new Map()));
  const done = perPeriod.get(p.key);
  if (done) return done;
  const t: Tallies = { everyone: new Map(), byCommunity: new Map() };
  for (const s of sources) {
    for (const row of s.rows(entriesTable)) {
      const e: Grouped = s.group === undefined ? row : { ...row, group: s.group };
      tally(t.everyone, e, p);
      // A source is one unit (a consolidated community, or a street's own data, which may hold several communities
      // it keeps itself): a community is told by its source and its name there.
      const key = `${s.unit.code}\u0000${e.community}`;
      let c = t.byCommunity.get(key);
      if (!c) t.byCommunity.set(key, (c = { community: e.community, group: e.group ?? '', people: new Map() }));
      tally(c.people, e, p);
    }
  }
  perPeriod.set(p.key, t);
  return t;
}

/**
 * 积分排行: the period's year so far, **one ranking over everyone** the export covers — at a street, its own
 * volunteers and every consolidated community's (ids are ULIDs, unique across installations), so there is one
 * first place, not one per community.
 */
export const rankingRegister: Register<RankRow> = {
  key: 'volunteer.ranking',
  title: '积分排行',
  periodNote,
  columns: rankingColumns,
  rows: (data, p) => ranking(data.rows(entriesTable), p),
  across: (sources, p) => ranked(tallies(sources, p).everyone),
};

/**
 * 积分排行（分社区）: a street's (or a district's) view of each community's own ranking, community by community.
 * A community is told by the unit its data came from and its name there, never by its name alone: two streets
 * of a district may each have a 幸福社区, ranked apart, each with its 所属街道 beside it.
 */
export const rankingByCommunityRegister: Register<RankRow> = {
  key: 'volunteer.rankingByCommunity',
  title: '积分排行（分社区）',
  periodNote,
  columns: rankingColumns,
  multiUnitOnly: true,
  rows: (data, p) => ranking(data.rows(entriesTable), p),
  *across(sources, p) {
    const byCommunity = tallies(sources, p).byCommunity;
    const ordered = [...byCommunity.values()].sort((a, b) => zhCompare(a.community, b.community) || zhCompare(a.group, b.group));
    for (const c of ordered) yield* ranked(c.people);
  },
};
