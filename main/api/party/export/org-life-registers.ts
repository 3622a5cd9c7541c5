import type { MeetingExport, OrgExport, RatingExport } from '../../../../db/party/export';
import type { MeetingType } from '../../../../db/party/meetings';
import { quarterLabel } from '../../../export/period';
import type { Column, Register } from '../../../export/types';
import type { ComplianceRow } from '../compliance';
import { meetingTypes } from '../labels';
import { complianceAt, within } from './as-of';
import { OrgIndex, zhCompare } from './org-index';
import { meetingsTable, ratingsTable } from './tables';

const community = <R extends { community: string }>(): Column<R> => ({
  key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community,
});

interface MeetingRow {
  m: MeetingExport;
  orgName: string;
  community: string;
}

/** 三会一课会议台账: the meetings held in the period, with attendance and resolutions counted. */
export const meetingRegister: Register<MeetingRow> = {
  key: 'party.meetings',
  title: '三会一课会议台账',
  columns: [
    community(),
    { key: 'heldOn', header: '会议日期', width: 11, kind: 'date', value: (r) => r.m.heldOn },
    { key: 'org', header: '召开组织', width: 20, kind: 'text', value: (r) => r.orgName },
    { key: 'type', header: '会议类型', width: 12, kind: 'text', value: (r) => meetingTypes[r.m.type], total: { count: '次' } },
    { key: 'topic', header: '会议名称 / 议题', width: 30, kind: 'text', value: (r) => r.m.topic },
    { key: 'place', header: '地点', width: 14, kind: 'text', value: (r) => r.m.place },
    { key: 'host', header: '主持人', width: 8, kind: 'text', value: (r) => r.m.host },
    { key: 'recorder', header: '记录人', width: 8, kind: 'text', value: (r) => r.m.recorder },
    { key: 'present', header: '出席', width: 6, kind: 'int', value: (r) => r.m.present, total: 'sum' },
    { key: 'absent', header: '缺席', width: 6, kind: 'int', value: (r) => r.m.absent, total: 'sum' },
    { key: 'leave', header: '请假', width: 6, kind: 'int', value: (r) => r.m.leave, total: 'sum' },
    { key: 'guest', header: '列席', width: 6, kind: 'int', value: (r) => r.m.guest, total: 'sum' },
    { key: 'resolutions', header: '决议', width: 6, kind: 'int', value: (r) => r.m.resolutions, total: 'sum' },
  ],
  *rows(data, p) {
    const orgs = OrgIndex.of(data);
    const held = [...data.rows(meetingsTable)].filter((m) => within(m.heldOn, p));
    // Local records come in date order from SQL; a consolidated copy is stored as it arrived.
    if (!data.local) held.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : zhCompare(orgs.name(a.orgId), orgs.name(b.orgId))));
    for (const m of held) yield { m, orgName: orgs.label(m.orgId), community: orgs.communityOf(m.orgId) };
  },
};

interface ComplianceRegisterRow {
  row: ComplianceRow;
  community: string;
  held: Partial<Record<MeetingType, number>>;
  due: number;
  done: number;
  missing: string[];
}

const heldColumn = (type: MeetingType): Column<ComplianceRegisterRow> => ({
  key: type, header: `${meetingTypes[type]}（次）`, width: 8, kind: 'int', value: (r) => r.held[type] ?? 0, total: 'sum',
});

/** A missing slot as a clerk would name it: 11月支委会, 第四季度党课. */
const slotName = (type: MeetingType, period: string) =>
  `${period.includes('Q') ? '本季度' : `${Number(period.slice(5, 7))}月`}${meetingTypes[type]}`;

/** 组织生活落实情况: per branch, the quarter's required meetings held so far and what is missing. */
export const complianceRegister: Register<ComplianceRegisterRow> = {
  key: 'party.compliance',
  title: '组织生活落实情况',
  periodNote: (p) => `（按${quarterLabel(p)}统计，截至 ${p.to}）`,
  columns: [
    community(),
    { key: 'branch', header: '党支部', width: 22, kind: 'text', value: (r) => r.row.name, total: { count: '个' } },
    { key: 'groups', header: '党小组数', width: 6, kind: 'int', value: (r) => r.row.groups, total: 'sum' },
    ...(['general', 'committee', 'group', 'lecture', 'theme_day'] as const).map(heldColumn),
    { key: 'due', header: '应落实项', width: 6, kind: 'int', value: (r) => r.due, total: 'sum' },
    { key: 'done', header: '已落实项', width: 6, kind: 'int', value: (r) => r.done, total: 'sum' },
    { key: 'missing', header: '缺项', width: 5, kind: 'int', value: (r) => r.row.missing, total: 'sum' },
    { key: 'rate', header: '落实率', width: 7, kind: 'percent', value: (r) => (r.due ? r.done / r.due : 1), total: { ratio: ['done', 'due'] } },
    { key: 'missingList', header: '未落实', width: 30, kind: 'text', value: (r) => r.missing.join('、') },
  ],
  *rows(data, p) {
    const orgs = OrgIndex.of(data);
    const report = complianceAt(orgs, data.rows(meetingsTable), p);
    const rows = report.rows.map((row): ComplianceRegisterRow => {
      const slots = row.items.flatMap((i) => i.slots.map((s) => ({ type: i.type, ...s })));
      const held: ComplianceRegisterRow['held'] = {};
      for (const s of slots) held[s.type] = (held[s.type] ?? 0) + s.held;
      return {
        row,
        community: row.parentName ?? '',
        held,
        due: slots.filter((s) => s.state !== 'pending').length,
        done: slots.filter((s) => s.state === 'held').length,
        missing: slots.filter((s) => s.state === 'missing').map((s) => slotName(s.type, s.period)),
      };
    });
    rows.sort((a, b) => zhCompare(a.community, b.community) || zhCompare(a.row.name, b.row.name));
    yield* rows;
  },
};

interface RatingRegisterRow {
  org: OrgExport;
  community: string;
  rating: RatingExport | undefined;
  year: number | null;
}

/** 五星支部评定: each branch's stars in the latest year rated (ratings are made after the year ends). */
export const ratingRegister: Register<RatingRegisterRow> = {
  key: 'party.ratings',
  title: '五星支部评定',
  periodNote: () => '（按最近一次评定年度）',
  columns: [
    community(),
    { key: 'branch', header: '党支部', width: 22, kind: 'text', value: (r) => r.org.name, total: { count: '个' } },
    { key: 'year', header: '评定年度', width: 8, kind: 'int', value: (r) => r.year },
    { key: 'stars', header: '星级', width: 5, kind: 'int', value: (r) => r.rating?.stars ?? null, total: 'average' },
    { key: 'result', header: '评定结果', width: 9, kind: 'text', value: (r) => (r.rating ? `${'一二三四五'[r.rating.stars - 1]}星支部` : '未评定') },
    { key: 'reasons', header: '评定理由', width: 40, kind: 'text', value: (r) => r.rating?.reasons ?? null },
    { key: 'ratedOn', header: '评定日期', width: 11, kind: 'date', value: (r) => r.rating?.ratedOn ?? null },
  ],
  *rows(data, p) {
    const orgs = OrgIndex.of(data);
    const ratings = [...data.rows(ratingsTable)].filter((r) => r.year <= p.year);
    const year = ratings.reduce<number | null>((y, r) => (y === null || r.year > y ? r.year : y), null);
    const byOrg = new Map(ratings.filter((r) => r.year === year).map((r) => [r.orgId, r]));
    const rows = orgs.branchesAt(p.to).map(({ org }) => ({ org, community: orgs.communityOf(org.id), rating: byOrg.get(org.id), year }));
    rows.sort((a, b) => zhCompare(a.community, b.community) || zhCompare(a.org.name, b.org.name));
    yield* rows;
  },
};
