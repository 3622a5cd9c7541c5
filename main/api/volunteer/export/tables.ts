import { z } from 'zod';
import type { Db } from '../../../../db/open';
import { exportOrgs } from '../../../../db/party/export';
import { getOrg } from '../../../../db/party/orgs';
import {
  exportActivities,
  exportEntries,
  exportVolunteers,
  type ActivityExport,
  type EntryExport,
  type VolunteerExport,
} from '../../../../db/volunteer/export';
import type { PackageTable, Scope } from '../../../export/types';
import { id } from '../../common/fields';
import { OrgIndex } from '../../party/export/org-index';
import { keysOf } from '../../common/fields';
import { pointCategories, sourceKinds } from '../labels';

/**
 * The volunteer module's package tables. Each record names its unit and community in words: a submission may
 * carry the volunteer module without the party one, so the receiver cannot count on `party.orgs` to look them up.
 */

/** Where a record sits: its unit's name and its community (the party tree's rule, OrgIndex.communityOf). */
export interface Located {
  orgName: string;
  community: string;
}
export type VolunteerRecord = VolunteerExport & Located;
export type ActivityRecord = ActivityExport & Located;
export type EntryRecord = EntryExport & Located;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const text = (max: number) => z.string().max(max);
const maybe = <T extends z.ZodType>(t: T) => t.nullable();
const stamp = z.iso.datetime({ offset: true });
/** Tenths of an hour or a point: integers, signed for ledger amounts (spending, reversals). */
const tenths = z.number().int().min(-10_000_000).max(10_000_000);
const located = { orgName: text(60), community: text(60) };

function scopePath(db: Db, scope: Scope): string | null {
  if (!scope.community) return null;
  // An unknown community matches nothing rather than everything.
  return getOrg(db, scope.community.orgId)?.path ?? '/none/';
}

/** Adds unit and community names from the same subtree's organisation tree. */
function* locate<T>(db: Db, path: string | null, rows: Iterable<T>, orgOf: (r: T) => string): Iterable<T & Located> {
  const orgs = new OrgIndex(exportOrgs(db, path));
  for (const r of rows) yield { ...r, orgName: orgs.name(orgOf(r)), community: orgs.communityOf(orgOf(r)) };
}

/** The year so far: the ranking needs the whole year, and the month's ledger is a part of it. */
const yearFrom = (p: { year: number }) => `${p.year}-01-01`;
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

export const volunteersTable: PackageTable<VolunteerRecord> = {
  name: 'volunteer.people',
  title: '志愿者',
  schema: z.object({
    id,
    isMember: z.boolean(),
    name: text(40).min(1),
    gender: maybe(z.enum(['male', 'female'])),
    idNumber: maybe(z.string().regex(/^[0-9X*]{18}$/, '身份证号应为 18 位（可以是脱敏形式）')),
    phone: maybe(z.string().regex(/^[0-9*-]{4,20}$/, '电话号码格式不对')),
    orgId: id,
    postName: maybe(text(60)),
    team: maybe(text(100)),
    skills: maybe(text(200)),
    registeredOn: day,
    leftOn: maybe(day),
    updatedAt: stamp,
    ...located,
  }),
  fields: {
    name: '姓名', isMember: '党员', gender: '性别', idNumber: '身份证号', phone: '联系电话', orgId: '所在组织',
    orgName: '所在组织名称', community: '所属社区', postName: '服务岗位', team: '服务队', skills: '特长',
    registeredOn: '注册日期', leftOn: '退出日期', updatedAt: '最后修改',
  },
  listFields: ['name', 'isMember', 'orgName', 'postName', 'registeredOn'],
  labels: { gender: { male: '男', female: '女' } },
  personal: { idNumber: 'idCard', phone: 'phone' },
  coverage: () => 'all',
  read: (db, scope) => {
    const path = scopePath(db, scope);
    return locate(db, path, exportVolunteers(db, path), (v) => v.orgId);
  },
};

export const activitiesTable: PackageTable<ActivityRecord> = {
  name: 'volunteer.activities',
  title: '志愿活动',
  schema: z.object({
    id,
    title: text(200).min(1),
    onDate: day,
    organiserOrgId: id,
    postName: maybe(text(60)),
    place: maybe(text(200)),
    participants: z.number().int().min(0).max(100_000),
    hoursTenths: tenths.min(0),
    updatedAt: stamp,
    ...located,
  }),
  fields: {
    title: '活动名称', onDate: '日期', organiserOrgId: '组织单位', orgName: '组织单位名称', community: '所属社区',
    postName: '服务岗位', place: '地点', participants: '参与人数', hoursTenths: '服务时长（十分之一小时）', updatedAt: '最后修改',
  },
  listFields: ['onDate', 'title', 'orgName', 'participants'],
  coverage: (p) => ({ field: 'onDate', from: p.from, to: p.to }),
  read: (db, scope, p) => {
    const path = scopePath(db, scope);
    return locate(db, path, exportActivities(db, path, p.from, p.to), (a) => a.organiserOrgId);
  },
};

export const entriesTable: PackageTable<EntryRecord> = {
  name: 'volunteer.entries',
  title: '积分记录',
  schema: z.object({
    id,
    volunteerId: id,
    volunteerName: text(40).min(1),
    orgId: id,
    onDate: day,
    category: z.enum(keysOf(pointCategories)),
    amount: tenths,
    hoursTenths: tenths,
    reason: text(500),
    sourceKind: z.enum(keysOf(sourceKinds)),
    reversal: z.boolean(),
    updatedAt: stamp,
    ...located,
  }),
  fields: {
    onDate: '日期', volunteerId: '志愿者', volunteerName: '姓名', orgId: '所在组织', orgName: '所在组织名称',
    community: '所属社区', category: '类别', amount: '积分（十分之一分）', hoursTenths: '服务时长（十分之一小时）',
    reason: '事由', sourceKind: '来源', reversal: '冲正', updatedAt: '记账时间',
  },
  listFields: ['onDate', 'volunteerName', 'category', 'amount'],
  labels: { category: pointCategories, sourceKind: sourceKinds },
  refs: { volunteerId: 'volunteer.people' },
  // The year so far, so each month's package alone carries what the year's ranking needs.
  coverage: (p) => ({ field: 'onDate', from: yearFrom(p), to: p.to }),
  read: (db, scope, p, within) => {
    const path = scopePath(db, scope);
    // A reader of the month alone (积分台账, 汇总) reads the month from the index, not the year and a filter.
    const [from, to] = within?.field === 'onDate' ? [max(within.from, yearFrom(p)), min(within.to, p.to)] : [yearFrom(p), p.to];
    return locate(db, path, exportEntries(db, path, from, to), (e) => e.orgId);
  },
};
