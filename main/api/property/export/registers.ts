import type { Period } from '../../../export/period';
import { quarterLabel } from '../../../export/period';
import { hundredthsText } from '../../../export/format';
import type { Register } from '../../../export/types';
import { zhCompare } from '../../party/export/org-index';
import { cardStanding, DEFAULT_CARD_RULE } from '../cards';
import { cardBases, cardColours, cardStandings, jointParties, managementTypes, partyOrgForms, residentRatings, resolutionStatuses, standings, termStates } from '../labels';
import { DEFAULT_PROPERTY_SETTINGS, termState } from '../rules';
import { periodText } from '../scoring';
import { asOfDay } from './summary';
import type { CompanyExport, EstateExport, MeetingExport, QuarterExport, ResolutionExport, TermExport } from '../../../../db/property/export';
import { assessmentsTable, cardsTable, companiesTable, estatesTable, meetingsTable, quartersTable, resolutionsTable, termsTable, type AssessmentExport, type CardExport } from './tables';

/**
 * Rows in Chinese order, local or copied alike (a copy comes back in id order, and SQL orders names by their
 * bytes): the tables are small, so the same register reads the same at the source and at the street.
 */
const inOrder = <R>(rows: R[], compare: (a: R, b: R) => number): R[] => rows.sort(compare);
const byPlace = (a: { community: string; estateName: string }, b: { community: string; estateName: string }) =>
  zhCompare(a.community, b.community) || zhCompare(a.estateName, b.estateName);

/** 小区（院落）基本情况台账: every estate with its management, size and the company serving it at the period's end. */
export const estateRegister: Register<EstateExport> = {
  key: 'property.estates',
  title: '小区（院落）基本情况台账',
  periodNote: (p) => `（截至 ${p.to}）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'name', header: '小区（院落）名称', width: 20, kind: 'text', value: (r) => r.name, total: { count: '个' } },
    { key: 'management', header: '管理类型', width: 12, kind: 'text', value: (r) => managementTypes[r.management] },
    { key: 'households', header: '户数', width: 8, kind: 'int', value: (r) => r.households, total: 'sum' },
    { key: 'area', header: '建筑面积（㎡）', width: 12, kind: 'text', value: (r) => hundredthsText(r.floorAreaHundredths) },
    { key: 'company', header: '物业服务企业', width: 24, kind: 'text', value: (r) => r.companyName },
    { key: 'contractStartsOn', header: '合同起始', width: 11, kind: 'date', value: (r) => r.contractStartsOn },
    { key: 'contractEndsOn', header: '合同截止', width: 11, kind: 'date', value: (r) => r.contractEndsOn },
    { key: 'note', header: '备注', width: 20, kind: 'text', value: (r) => r.note },
  ],
  rows: (data) => inOrder([...data.rows(estatesTable)], (a, b) => zhCompare(a.community, b.community) || zhCompare(a.name, b.name)),
};

type CompanyRegisterRow = CompanyExport & { standingText: string; cardsText: string };

/** One card as a line of the register: day, colour, basis and reason; a withdrawn one says so, with why. */
const cardText = (c: CardExport) =>
  `${c.issuedOn} ${cardColours[c.colour]}（${cardBases[c.basis]}：${c.resolutionContent ? `${c.resolutionContent}；` : ''}${c.reason}）${c.withdrawnReason === null ? '' : `，已撤销：${c.withdrawnReason}`}`;

/** The cards issued by the period's end, by company, oldest first. */
function cardsByCompany(cards: Iterable<CardExport>, p: Period): Map<string, CardExport[]> {
  const by = new Map<string, CardExport[]>();
  for (const c of cards) if (c.issuedOn <= p.to) by.set(c.companyId, [...(by.get(c.companyId) ?? []), c]);
  for (const list of by.values()) list.sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0));
  return by;
}

/**
 * 物业企业台账: the companies with their party organisation, the estates they serve at the period's end and their
 * yellow and red cards — the standing at the period's end and every card issued by then (withdrawn ones marked).
 */
export const companyRegister: Register<CompanyRegisterRow> = {
  key: 'property.companies',
  title: '物业企业台账',
  periodNote: (p) => `（截至 ${p.to}）`,
  columns: [
    { key: 'name', header: '企业名称', width: 28, kind: 'text', value: (r) => r.name, total: { count: '家' } },
    { key: 'creditCode', header: '统一社会信用代码', width: 20, kind: 'text', value: (r) => r.creditCode },
    { key: 'contactPerson', header: '联系人', width: 8, kind: 'text', value: (r) => r.contactPerson },
    { key: 'contactPhone', header: '联系电话', width: 13, kind: 'text', personal: 'phone', value: (r) => r.contactPhone },
    { key: 'partyOrgForm', header: '党组织组建方式', width: 12, kind: 'text', value: (r) => (r.partyOrgForm ? partyOrgForms[r.partyOrgForm] : '未组建') },
    { key: 'partyMembers', header: '党员人数', width: 8, kind: 'int', value: (r) => r.partyMembers, total: 'sum' },
    { key: 'estatesServed', header: '服务小区数', width: 8, kind: 'int', value: (r) => r.estatesServed, total: 'sum' },
    { key: 'estates', header: '服务小区', width: 30, kind: 'text', value: (r) => r.estates },
    { key: 'address', header: '地址', width: 24, kind: 'text', value: (r) => r.address },
    { key: 'cardStanding', header: '黄红牌情况', width: 16, kind: 'text', value: (r) => r.standingText },
    { key: 'cards', header: '黄红牌记录', width: 40, kind: 'text', value: (r) => r.cardsText },
  ],
  rows(data, p) {
    const cards = cardsByCompany(data.rows(cardsTable), p);
    const rows = [...data.rows(companiesTable)].map((c): CompanyRegisterRow => {
      const own = cards.get(c.id) ?? [];
      // The rule is a setting of the street's own installation; a register of copies reads the default.
      const s = cardStanding(own, p.to, DEFAULT_CARD_RULE);
      const standingText = s.state === 'none' ? '无' : s.state === 'red' ? `红牌（${s.redIssuedOn}）` : `${cardStandings[s.state]}（有效黄牌 ${s.yellows} 张）`;
      return { ...c, standingText, cardsText: own.map(cardText).join('\n') };
    });
    return inOrder(rows, (a, b) => zhCompare(a.name, b.name));
  },
};

/** The term of each estate serving at the period's end: the latest one elected by then. */
function currentTerms(terms: Iterable<TermExport>, p: Period): TermExport[] {
  const latest = new Map<string, TermExport>();
  for (const t of terms) {
    if (t.electedOn > p.to) continue;
    const seen = latest.get(t.estateId);
    if (!seen || t.startsOn > seen.startsOn) latest.set(t.estateId, t);
  }
  return [...latest.values()];
}

type CommitteeRow = TermExport & { stateText: string };

/** 业委会（物管会）台账: each estate's current term, its roster, the party-member share and where the term stands. */
export const committeeRegister: Register<CommitteeRow> = {
  key: 'property.committees',
  title: '业委会（物管会）台账',
  periodNote: (p) => `（截至 ${p.to} 的现任届次）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'estate', header: '小区', width: 18, kind: 'text', value: (r) => r.estateName, total: { count: '个' } },
    { key: 'termNo', header: '届次', width: 5, kind: 'int', value: (r) => r.termNo },
    { key: 'electedOn', header: '选举日期', width: 11, kind: 'date', value: (r) => r.electedOn },
    { key: 'startsOn', header: '任期起始', width: 11, kind: 'date', value: (r) => r.startsOn },
    { key: 'endsOn', header: '任期截止', width: 11, kind: 'date', value: (r) => r.endsOn },
    { key: 'filedOn', header: '备案日期', width: 11, kind: 'date', value: (r) => r.filedOn },
    { key: 'members', header: '成员人数', width: 8, kind: 'int', value: (r) => r.memberCount, total: 'sum' },
    { key: 'party', header: '党员人数', width: 8, kind: 'int', value: (r) => r.partyMemberCount, total: 'sum' },
    { key: 'ratio', header: '党员占比', width: 8, kind: 'percent', value: (r) => (r.memberCount ? r.partyMemberCount / r.memberCount : null), total: { ratio: ['party', 'members'] } },
    { key: 'cross', header: '交叉任职', width: 8, kind: 'int', value: (r) => r.crossPosts, total: 'sum' },
    { key: 'chair', header: '主任', width: 8, kind: 'text', value: (r) => r.chair },
    { key: 'state', header: '任期状态', width: 10, kind: 'text', value: (r) => r.stateText },
    { key: 'roster', header: '成员名单', width: 40, kind: 'text', value: (r) => r.roster },
  ],
  rows(data, p) {
    const terms = currentTerms(data.rows(termsTable), p).map((t): CommitteeRow => ({
      ...t,
      // The street's lead time is a setting of its own installation; a register of copies reads the default.
      stateText: termStates[termState(t, p.to, DEFAULT_PROPERTY_SETTINGS.reelectionLeadMonths, false)],
    }));
    return terms.sort(byPlace);
  },
};

const partiesText = (codes: string) =>
  codes.split(',').filter(Boolean).map((c) => jointParties[c as keyof typeof jointParties] ?? c).join('、');

/** 三方联席会议台账: the period's meetings, who attended, the topics and how their resolutions stand at its end. */
export const meetingRegister: Register<MeetingExport> = {
  key: 'property.meetings',
  title: '三方联席会议台账',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'heldOn', header: '会议日期', width: 11, kind: 'date', value: (r) => r.heldOn },
    { key: 'estate', header: '小区', width: 18, kind: 'text', value: (r) => r.estateName, total: { count: '次' } },
    { key: 'convener', header: '召集人', width: 10, kind: 'text', value: (r) => r.convener },
    { key: 'parties', header: '参会方', width: 24, kind: 'text', value: (r) => partiesText(r.parties) },
    { key: 'attendees', header: '参会人数', width: 8, kind: 'int', value: (r) => r.attendees, total: 'sum' },
    { key: 'topics', header: '议题', width: 36, kind: 'text', value: (r) => r.topics },
    { key: 'resolutions', header: '议定事项', width: 8, kind: 'int', value: (r) => r.resolutions, total: 'sum' },
    { key: 'done', header: '已办结', width: 8, kind: 'int', value: (r) => r.done, total: 'sum' },
    { key: 'unfinished', header: '未办结', width: 8, kind: 'int', value: (r) => r.unfinished, total: 'sum' },
  ],
  rows(data, p) {
    const rows = [...data.rows(meetingsTable)].filter((m) => m.heldOn >= p.from && m.heldOn <= p.to);
    return inOrder(rows, (a, b) => a.heldOn.localeCompare(b.heldOn) || byPlace(a, b) || a.id.localeCompare(b.id));
  },
};

/**
 * A resolution belongs to a period's register when its meeting was held by the period's end and it was still owed at
 * some time in the period: unfinished now, done on or after the period's first day, or dropped at a meeting of the
 * period (a drop has no day of its own). Status, 公示 and rating are as they stand now, as the meetings register's.
 */
const owedIn = (r: ResolutionExport, p: Period) =>
  r.heldOn <= p.to && (r.status === 'done' ? r.doneOn! >= p.from : r.status === 'dropped' ? r.heldOn >= p.from : true);

const extensionText = (r: ResolutionExport) => (r.extensions === 0 ? null : `${r.extensions} 次（原定 ${r.firstDueOn}）`);
const statusText = (r: ResolutionExport, p: Period) =>
  r.status === 'dropped' ? `已撤销：${r.droppedReason}`
    : (r.status === 'open' || r.status === 'in_progress') && r.dueOn < asOfDay(p) ? `${resolutionStatuses[r.status]}（逾期）` : resolutionStatuses[r.status];

/** 三方联席会议决议事项台账: one resolution per row, with its deadline's history, status, 公示 and residents' rating. */
export const resolutionRegister: Register<ResolutionExport & { statusText: string }> = {
  key: 'property.resolutions',
  title: '三方联席会议决议事项台账',
  periodNote: (p) => `（截至 ${p.to}）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'heldOn', header: '会议日期', width: 11, kind: 'date', value: (r) => r.heldOn },
    { key: 'estate', header: '小区', width: 16, kind: 'text', value: (r) => r.estateName },
    { key: 'content', header: '决议事项', width: 36, kind: 'text', value: (r) => r.content, total: { count: '项' } },
    { key: 'party', header: '责任方', width: 12, kind: 'text', value: (r) => jointParties[r.responsibleParty] },
    { key: 'person', header: '责任人', width: 10, kind: 'text', value: (r) => r.responsiblePerson },
    { key: 'dueOn', header: '完成时限', width: 11, kind: 'date', value: (r) => r.dueOn },
    { key: 'extensions', header: '延期', width: 16, kind: 'text', value: extensionText },
    { key: 'status', header: '办理状态', width: 14, kind: 'text', value: (r) => r.statusText },
    { key: 'doneOn', header: '办结日期', width: 11, kind: 'date', value: (r) => r.doneOn },
    { key: 'noticedOn', header: '公示日期', width: 11, kind: 'date', value: (r) => r.noticedOn },
    { key: 'rating', header: '群众评价', width: 10, kind: 'text', value: (r) => (r.rating ? residentRatings[r.rating] : null) },
  ],
  rows(data, p) {
    const rows = [...data.rows(resolutionsTable)].filter((r) => owedIn(r, p)).map((r) => ({ ...r, statusText: statusText(r, p) }));
    return inOrder(rows, (a, b) => a.heldOn.localeCompare(b.heldOn) || byPlace(a, b) || a.meetingId.localeCompare(b.meetingId) || a.seq - b.seq);
  },
};

/** 考评结果/红黑榜: the year's assessments, their weighted score and their place on the published list. */
export const assessmentRegister: Register<AssessmentExport> = {
  key: 'property.assessments',
  title: '物业服务质量考评结果及红黑榜',
  periodNote: (p) => `（${p.year}年度各考评期）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'period', header: '考评期间', width: 14, kind: 'text', value: (r) => periodText(r.period) },
    { key: 'estate', header: '小区', width: 18, kind: 'text', value: (r) => r.estateName, total: { count: '个' } },
    { key: 'company', header: '物业服务企业', width: 24, kind: 'text', value: (r) => r.companyName },
    { key: 'template', header: '考评表', width: 20, kind: 'text', value: (r) => `${r.templateName}（第 ${r.templateVersion} 版）` },
    { key: 'score', header: '综合得分', width: 8, kind: 'tenths', value: (r) => r.scoreTenths, total: 'average' },
    { key: 'vetoed', header: '一票否决', width: 8, kind: 'text', value: (r) => (r.vetoed ? '是' : '') },
    { key: 'rank', header: '名次', width: 6, kind: 'int', value: (r) => r.rank },
    { key: 'standing', header: '红黑榜', width: 8, kind: 'text', value: (r) => (r.listRevision === null ? '未公布' : r.standing ? standings[r.standing] : '未上榜') },
    { key: 'revision', header: '榜单版次', width: 8, kind: 'text', value: (r) => (r.listRevision === null ? '' : r.listRevision === 1 ? '首次公布' : `第 ${r.listRevision - 1} 次更正`) },
  ],
  rows(data, p) {
    const year = String(p.year);
    const rows = [...data.rows(assessmentsTable)].filter((a) => a.period.slice(0, 4) === year);
    return inOrder(rows, (a, b) => a.period.localeCompare(b.period) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || byPlace(a, b));
  },
};

/** The quarter the period's month falls in, as the surveys and fees are kept: 2026-Q4. */
export const quarterKey = (p: Period): string => `${p.year}-Q${p.quarter}`;

/**
 * 物业费收缴及满意度台账: each estate's figures for the quarter the month is in. Rates come from sums in 合计 (Σ
 * collected / Σ receivable, never the mean of the estates' rates: 10,000 fen at 90% and 1,000,000 at 50% is 50.4%).
 */
export const quarterRegister: Register<QuarterExport> = {
  key: 'property.quarters',
  title: '物业费收缴及满意度台账',
  periodNote: (p) => `（${quarterLabel(p)}）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'estate', header: '小区', width: 18, kind: 'text', value: (r) => r.estateName, total: { count: '个' } },
    { key: 'receivable', header: '应收（元）', width: 14, kind: 'money', value: (r) => r.receivableFen, total: 'sum' },
    { key: 'collected', header: '实收（元）', width: 14, kind: 'money', value: (r) => (r.receivableFen === null ? null : r.receivableFen - r.unpaidFen!), total: 'sum' },
    { key: 'collectionRate', header: '收缴率', width: 8, kind: 'percent', value: (r) => (r.receivableFen ? (r.receivableFen - r.unpaidFen!) / r.receivableFen : null), total: { ratio: ['collected', 'receivable'] } },
    { key: 'arrears', header: '清欠（元）', width: 12, kind: 'money', value: (r) => r.arrearsCollectedFen, total: 'sum' },
    { key: 'reached', header: '有效问卷', width: 8, kind: 'int', value: (r) => r.reached, total: 'sum' },
    { key: 'content', header: '满意及基本满意', width: 10, kind: 'int', value: (r) => (r.reached === null ? null : r.satisfied! + r.mostlySatisfied!), total: 'sum' },
    { key: 'satisfactionRate', header: '满意度', width: 8, kind: 'percent', value: (r) => (r.reached ? (r.satisfied! + r.mostlySatisfied!) / r.reached : null), total: { ratio: ['content', 'reached'] } },
  ],
  rows(data, p) {
    const key = quarterKey(p);
    const rows = [...data.rows(quartersTable)].filter((q) => q.period === key);
    return inOrder(rows, byPlace);
  },
};
