import { z } from 'zod';
import type { Db } from '../../../../db/open';
import {
  exportAssessments,
  exportCompanies,
  exportEstates,
  exportMeetings,
  exportQuarters,
  exportResolutions,
  exportTerms,
  type AssessmentBase,
  type CompanyExport,
  type EstateExport,
  type MeetingExport,
  type QuarterExport,
  type ResolutionExport,
  type TermExport,
} from '../../../../db/property/export';
import { exportCards, type CardRow } from '../../../../db/property/cards';
import { count, day, fen, maybe, placed, stamp, text } from '../../../export/record-fields';
import type { PackageTable, Scope } from '../../../export/types';
import { id, keysOf } from '../../common/fields';
import { ranking } from '../handlers/red-black-list';
import { cardBases, cardColours, jointParties, managementTypes, partyOrgForms, residentRatings, resolutionStatuses, standings } from '../labels';

/**
 * The red-property module's package tables: what a community sends up so that the street rebuilds its registers
 * and figures. Records carry names (estate, community, company), not only ids: the street has no places or
 * companies of the community's to look them up in. Registers keep history, so every table covers everything.
 */

/** The estates of one community kept at a street (an unknown place matches nothing), or everything here. */
export const communityOf = (scope: Scope): string | null => (scope.community ? (scope.community.placeId ?? '-') : null);

const tenths = z.number().int().min(0).max(100_000);

export const estatesTable: PackageTable<EstateExport> = {
  name: 'property.estates',
  title: '小区（院落）',
  schema: z.object({
    id,
    name: text(100).min(1),
    community: text(100),
    management: z.enum(keysOf(managementTypes)),
    households: maybe(count),
    floorAreaHundredths: maybe(z.number().int().min(0).max(100_000_000_000)),
    companyId: maybe(id),
    companyName: maybe(text(200)),
    contractStartsOn: maybe(day),
    contractEndsOn: maybe(day),
    note: maybe(text(1000)),
    updatedAt: stamp,
  }),
  fields: {
    name: '小区名称', community: '所属社区', management: '管理类型', households: '户数', floorAreaHundredths: '建筑面积（百分之一平方米）',
    companyId: '物业服务企业', companyName: '物业服务企业名称', contractStartsOn: '合同起始', contractEndsOn: '合同截止', note: '备注',
    updatedAt: '最后修改',
  },
  listFields: ['name', 'management', 'households', 'companyName'],
  labels: { management: managementTypes },
  refs: { companyId: 'property.companies' },
  coverage: () => 'all',
  read: (db, scope, p) => exportEstates(db, communityOf(scope), p.to),
};

export const companiesTable: PackageTable<CompanyExport> = {
  name: 'property.companies',
  title: '物业服务企业',
  schema: z.object({
    id,
    name: text(200).min(1),
    creditCode: z.string().regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为 18 位'),
    contactPerson: maybe(text(40)),
    contactPhone: maybe(z.string().regex(/^[0-9*-]{4,20}$/, '电话号码格式不对')),
    address: maybe(text(200)),
    partyOrgForm: maybe(z.enum(keysOf(partyOrgForms))),
    partyMembers: maybe(count),
    estates: text(10_000),
    estatesServed: count,
    updatedAt: stamp,
  }),
  fields: {
    name: '企业名称', creditCode: '统一社会信用代码', contactPerson: '联系人', contactPhone: '联系电话', address: '地址',
    partyOrgForm: '党组织组建方式', partyMembers: '党员人数', estates: '服务小区', estatesServed: '服务小区数', updatedAt: '最后修改',
  },
  listFields: ['name', 'creditCode', 'contactPerson', 'estatesServed'],
  labels: { partyOrgForm: partyOrgForms },
  personal: { contactPhone: 'phone' },
  coverage: () => 'all',
  read: (db, scope, p) => exportCompanies(db, communityOf(scope), p.to),
};

export const termsTable: PackageTable<TermExport> = {
  name: 'property.committees',
  title: '业委会（物管会）届次',
  schema: z.object({
    id,
    estateId: id,
    ...placed,
    termNo: z.number().int().min(1).max(99),
    electedOn: day,
    startsOn: day,
    endsOn: day,
    filedOn: maybe(day),
    firstMeetingOn: maybe(day),
    memberCount: count,
    partyMemberCount: count,
    crossPosts: count,
    chair: maybe(text(40)),
    roster: text(2000),
    succeeded: z.boolean(),
    updatedAt: stamp,
  }),
  fields: {
    estateId: '小区', estateName: '小区名称', community: '所属社区', termNo: '届次', electedOn: '选举日期', startsOn: '任期起始',
    endsOn: '任期截止', filedOn: '备案日期', firstMeetingOn: '首次会议日期', memberCount: '成员人数', partyMemberCount: '党员人数',
    crossPosts: '交叉任职人数', chair: '主任', roster: '成员', succeeded: '已换届', updatedAt: '最后修改',
  },
  listFields: ['estateName', 'termNo', 'startsOn', 'endsOn', 'memberCount'],
  refs: { estateId: 'property.estates' },
  coverage: () => 'all',
  read: (db, scope) => exportTerms(db, communityOf(scope)),
};

export const meetingsTable: PackageTable<MeetingExport> = {
  name: 'property.meetings',
  title: '三方联席会议',
  schema: z.object({
    id,
    estateId: id,
    ...placed,
    heldOn: day,
    convener: text(100),
    place: maybe(text(200)),
    attendees: count,
    parties: text(200),
    topics: text(10_000),
    resolutions: count,
    done: count,
    unfinished: count,
    unfinishedDueOns: z.string().regex(/^(\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*)?$/, '办结期限应为逗号分隔的日期'),
    updatedAt: stamp,
  }),
  fields: {
    estateId: '小区', estateName: '小区名称', community: '所属社区', heldOn: '会议日期', convener: '召集人', place: '地点',
    attendees: '参会人数', parties: '参会方', topics: '议题', resolutions: '议定事项', done: '已办结', unfinished: '未办结',
    unfinishedDueOns: '未办结事项的办结期限', updatedAt: '最后修改',
  },
  listFields: ['heldOn', 'estateName', 'convener', 'resolutions', 'unfinished'],
  refs: { estateId: 'property.estates' },
  coverage: () => 'all',
  read: (db, scope) => exportMeetings(db, communityOf(scope)),
};

export const resolutionsTable: PackageTable<ResolutionExport> = {
  name: 'property.resolutions',
  title: '三方联席会议决议事项',
  schema: z.object({
    id,
    meetingId: id,
    estateId: id,
    ...placed,
    heldOn: day,
    seq: count,
    content: text(2000).min(1),
    responsibleParty: z.enum(keysOf(jointParties)),
    responsiblePerson: maybe(text(100)),
    dueOn: day,
    firstDueOn: day,
    extensions: count,
    status: z.enum(keysOf(resolutionStatuses)),
    doneOn: maybe(day),
    droppedReason: maybe(text(500)),
    noticedOn: maybe(day),
    rating: maybe(z.enum(keysOf(residentRatings))),
    updatedAt: stamp,
  }),
  fields: {
    meetingId: '会议', estateId: '小区', estateName: '小区名称', community: '所属社区', heldOn: '会议日期', seq: '序号', content: '决议事项',
    responsibleParty: '责任方', responsiblePerson: '责任人', dueOn: '完成时限', firstDueOn: '原定时限', extensions: '延期次数', status: '状态',
    doneOn: '办结日期', droppedReason: '撤销原因', noticedOn: '公示日期', rating: '群众评价', updatedAt: '最后修改',
  },
  listFields: ['heldOn', 'estateName', 'content', 'dueOn', 'status'],
  labels: { responsibleParty: jointParties, status: resolutionStatuses, rating: residentRatings },
  refs: { meetingId: 'property.meetings', estateId: 'property.estates' },
  coverage: () => 'all',
  read: (db, scope) => exportResolutions(db, communityOf(scope)),
};

/** An assessment with its weighted score as scored now, and its place on the period's latest published list. */
export type AssessmentExport = AssessmentBase & {
  scoreTenths: number | null;
  vetoed: boolean;
  /** The latest published revision of the period's list (红黑榜), and this assessment's rank and standing on it. */
  listRevision: number | null;
  rank: number | null;
  standing: 'red' | 'black' | 'none' | null;
};

/** Scores and standings from the street's list of each period (the red and black list is the street's). */
function* withStandings(db: Db, rows: AssessmentBase[]): Iterable<AssessmentExport> {
  const periods = new Map<string, ReturnType<typeof ranking>>();
  for (const a of rows) {
    let r = periods.get(a.period);
    if (!r) periods.set(a.period, (r = ranking(db, a.period)));
    const now = r.entries.find((e) => e.assessmentId === a.id);
    const latest = r.published[r.published.length - 1];
    const listed = latest?.entries.find((e) => e.assessmentId === a.id);
    yield {
      ...a,
      scoreTenths: now?.scoreTenths ?? null,
      vetoed: now?.vetoed ?? false,
      listRevision: latest?.revision ?? null,
      rank: listed?.rank ?? null,
      standing: listed?.standing ?? null,
    };
  }
}

export const assessmentsTable: PackageTable<AssessmentExport> = {
  name: 'property.assessments',
  title: '物业服务质量考评',
  schema: z.object({
    id,
    period: z.string().regex(/^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$/, '考评期间格式不对'),
    estateId: id,
    ...placed,
    companyId: id,
    companyName: text(200),
    templateName: text(200),
    templateVersion: z.number().int().min(1),
    sheets: count,
    scoreTenths: maybe(tenths),
    vetoed: z.boolean(),
    listRevision: maybe(z.number().int().min(1)),
    rank: maybe(count),
    standing: maybe(z.enum(keysOf(standings))),
    updatedAt: stamp,
  }),
  fields: {
    period: '考评期间', estateId: '小区', estateName: '小区名称', community: '所属社区', companyId: '物业服务企业', companyName: '企业名称',
    templateName: '考评表', templateVersion: '考评表版本', sheets: '评分单位数', scoreTenths: '综合得分（十分之一分）', vetoed: '一票否决',
    listRevision: '红黑榜版次', rank: '名次', standing: '红黑榜', updatedAt: '最后修改',
  },
  listFields: ['period', 'estateName', 'companyName', 'scoreTenths', 'standing'],
  labels: { standing: standings },
  refs: { estateId: 'property.estates', companyId: 'property.companies' },
  coverage: () => 'all',
  read: (db, scope) => withStandings(db, exportAssessments(db, communityOf(scope))),
};

export const quartersTable: PackageTable<QuarterExport> = {
  name: 'property.quarters',
  title: '物业费收缴及满意度调查',
  schema: z.object({
    id,
    estateId: id,
    ...placed,
    period: z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式不对'),
    receivableFen: maybe(fen.min(0)),
    unpaidFen: maybe(fen.min(0)),
    arrearsCollectedFen: maybe(fen.min(0)),
    households: maybe(count),
    sampleSize: maybe(count),
    reached: maybe(count),
    satisfied: maybe(count),
    mostlySatisfied: maybe(count),
    unsatisfied: maybe(count),
    updatedAt: stamp,
  }),
  fields: {
    estateId: '小区', estateName: '小区名称', community: '所属社区', period: '季度', receivableFen: '应收物业费（分）',
    unpaidFen: '未收物业费（分）', arrearsCollectedFen: '清欠（分）', households: '户数', sampleSize: '抽样户数', reached: '有效问卷',
    satisfied: '满意', mostlySatisfied: '基本满意', unsatisfied: '不满意', updatedAt: '最后修改',
  },
  listFields: ['period', 'estateName', 'receivableFen', 'reached'],
  refs: { estateId: 'property.estates' },
  coverage: () => 'all',
  read: (db, scope) => exportQuarters(db, communityOf(scope)),
};

/** A card as sent up: the record as issued and its withdrawal; `updatedAt` is the later of the two. */
export type CardExport = CardRow & { updatedAt: string };

export const cardsTable: PackageTable<CardExport> = {
  name: 'property.cards',
  title: '物业企业黄红牌',
  schema: z.object({
    id,
    companyId: id,
    companyName: text(200).min(1),
    colour: z.enum(keysOf(cardColours)),
    basis: z.enum(keysOf(cardBases)),
    resolutionId: maybe(id),
    resolutionContent: maybe(text(2000)),
    dueOn: maybe(day),
    reason: text(500).min(1),
    issuedOn: day,
    createdAt: stamp,
    operator: text(40),
    withdrawnAt: maybe(stamp),
    withdrawnReason: maybe(text(500)),
    withdrawnBy: maybe(text(40)),
    updatedAt: stamp,
  }),
  fields: {
    companyId: '物业服务企业', companyName: '企业名称', colour: '牌色', basis: '发牌依据', resolutionId: '决议编号', resolutionContent: '决议事项',
    dueOn: '完成时限', reason: '理由', issuedOn: '发牌日期', createdAt: '登记时间', operator: '经办人', withdrawnAt: '撤销时间',
    withdrawnReason: '撤销原因', withdrawnBy: '撤销人', updatedAt: '最后修改',
  },
  listFields: ['issuedOn', 'companyName', 'colour', 'basis', 'withdrawnAt'],
  labels: { colour: cardColours, basis: cardBases },
  refs: { companyId: 'property.companies' },
  coverage: () => 'all',
  read: (db, scope) => exportCards(db, communityOf(scope)).map((c) => ({ ...c, updatedAt: c.withdrawnAt ?? c.createdAt })),
};
