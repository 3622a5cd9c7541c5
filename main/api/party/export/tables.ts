import { z } from 'zod';
import type { Db } from '../../../../db/open';
import {
  exportMeetings,
  exportMembers,
  exportOrgs,
  exportRatings,
  type MeetingExport,
  type MemberExport,
  type OrgExport,
  type RatingExport,
} from '../../../../db/party/export';
import { getOrg } from '../../../../db/party/orgs';
import type { PackageTable, Scope } from '../../../export/types';
import { id } from '../../common/fields';
import { keysOf } from '../../common/fields';
import { genders, lifecycles, meetingTypes, memberCategories, memberRoles, memberStatuses, orgLevels } from '../labels';

/**
 * The party module's package tables: what a community sends up so the street can rebuild its registers and
 * figures. Each schema is the receiving side's check of every row (masked ID numbers and phones pass).
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const text = (max: number) => z.string().max(max);
const maybe = <T extends z.ZodType>(t: T) => t.nullable();
const stamp = z.iso.datetime({ offset: true });
const count = z.number().int().min(0).max(100_000);

/** The subtree an export covers: one community's, or everything this installation keeps. */
function scopePath(db: Db, scope: Scope): string | null {
  if (!scope.community) return null;
  // An unknown community matches nothing rather than everything.
  return getOrg(db, scope.community.orgId)?.path ?? '/none/';
}

export const orgsTable: PackageTable<OrgExport> = {
  name: 'party.orgs',
  title: '党组织',
  schema: z.object({
    id,
    parentId: maybe(id),
    level: z.enum(keysOf(orgLevels)),
    kind: text(20),
    name: text(60).min(1),
    placeName: maybe(text(60)),
    establishedOn: maybe(day),
    status: z.enum(['active', 'dissolved']),
    dissolvedOn: maybe(day),
    updatedAt: stamp,
  }),
  fields: {
    name: '名称', level: '层级', kind: '类型', parentId: '上级组织', placeName: '所在地点', establishedOn: '成立日期',
    status: '状态', dissolvedOn: '撤销日期', updatedAt: '最后修改',
  },
  listFields: ['name', 'level', 'placeName', 'status'],
  labels: { level: orgLevels, status: { active: '正常', dissolved: '已撤销' } },
  refs: { parentId: 'party.orgs' },
  coverage: () => 'all',
  read: (db, scope) => exportOrgs(db, scopePath(db, scope)),
};

export const membersTable: PackageTable<MemberExport> = {
  name: 'party.members',
  title: '党员',
  schema: z.object({
    id,
    name: text(40).min(1),
    gender: z.enum(['male', 'female']),
    ethnicity: maybe(text(20)),
    education: maybe(text(20)),
    birthDate: maybe(day),
    idNumber: maybe(z.string().regex(/^[0-9X*]{18}$/, '身份证号应为 18 位（可以是脱敏形式）')),
    phone: maybe(z.string().regex(/^[0-9*-]{4,20}$/, '电话号码格式不对')),
    joinedOn: day,
    fullOn: maybe(day),
    status: z.enum(keysOf(memberStatuses)),
    category: z.enum(keysOf(memberCategories)),
    workUnit: maybe(text(100)),
    reportedOn: maybe(day),
    orgId: id,
    buildingName: maybe(text(60)),
    address: maybe(text(200)),
    role: maybe(z.enum(keysOf(memberRoles))),
    isCentreHousehold: z.boolean(),
    lifecycle: z.enum(keysOf(lifecycles)),
    leftOn: maybe(day),
    leftTo: maybe(text(100)),
    transferredInOn: maybe(day),
    transferredFrom: maybe(text(100)),
    updatedAt: stamp,
  }),
  fields: {
    name: '姓名', gender: '性别', ethnicity: '民族', education: '学历', birthDate: '出生日期', idNumber: '身份证号',
    phone: '联系电话', joinedOn: '入党日期', fullOn: '转正日期', status: '党员类别', category: '人员类别',
    workUnit: '工作单位', reportedOn: '报到日期', orgId: '所在党组织', buildingName: '楼栋', address: '住址',
    role: '党内职务', isCentreHousehold: '党员中心户', lifecycle: '在册状态', leftOn: '离开日期', leftTo: '转往',
    transferredInOn: '转入日期', transferredFrom: '转自', updatedAt: '最后修改',
  },
  listFields: ['name', 'gender', 'idNumber', 'status', 'category', 'lifecycle'],
  labels: { gender: genders, status: memberStatuses, category: memberCategories, role: memberRoles, lifecycle: lifecycles },
  refs: { orgId: 'party.orgs' },
  personal: { idNumber: 'idCard', phone: 'phone' },
  coverage: () => 'all',
  read: (db, scope) => exportMembers(db, scopePath(db, scope)),
};

export const meetingsTable: PackageTable<MeetingExport> = {
  name: 'party.meetings',
  title: '会议',
  schema: z.object({
    id,
    orgId: id,
    type: z.enum(keysOf(meetingTypes)),
    heldOn: day,
    topic: text(200).min(1),
    place: maybe(text(100)),
    host: maybe(text(40)),
    recorder: maybe(text(40)),
    present: count,
    absent: count,
    leave: count,
    guest: count,
    resolutions: count,
    updatedAt: stamp,
  }),
  fields: {
    heldOn: '会议日期', type: '会议类型', orgId: '召开组织', topic: '会议名称', place: '地点', host: '主持人',
    recorder: '记录人', present: '出席', absent: '缺席', leave: '请假', guest: '列席', resolutions: '决议数',
    updatedAt: '最后修改',
  },
  listFields: ['heldOn', 'type', 'topic', 'present'],
  labels: { type: meetingTypes },
  refs: { orgId: 'party.orgs' },
  // The quarter so far: each month's package alone carries what the quarter's compliance needs.
  coverage: (p) => ({ field: 'heldOn', from: p.quarterFrom, to: p.to }),
  read: (db, scope, p) => exportMeetings(db, scopePath(db, scope), p.quarterFrom, p.to),
};

export const ratingsTable: PackageTable<RatingExport> = {
  name: 'party.ratings',
  title: '五星支部评定',
  schema: z.object({
    id,
    orgId: id,
    year: z.number().int().min(2000).max(2100),
    stars: z.number().int().min(1).max(5),
    reasons: text(2000),
    ratedOn: day,
    updatedAt: stamp,
  }),
  fields: { year: '评定年度', orgId: '党支部', stars: '星级', reasons: '评定理由', ratedOn: '评定日期', updatedAt: '最后修改' },
  listFields: ['orgId', 'year', 'stars', 'ratedOn'],
  refs: { orgId: 'party.orgs' },
  coverage: () => 'all',
  read: (db, scope) => exportRatings(db, scopePath(db, scope)),
};
