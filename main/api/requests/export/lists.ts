import { z } from 'zod';
import { exportCareHouseholds, type CareRow } from '../../../../db/requests/care';
import { listGrids } from '../../../../db/requests/grids';
import { listStewards } from '../../../../db/requests/stewards';
import { exportWishes, type WishRow } from '../../../../db/requests/wishes';
import type { PackageTable } from '../../../export/types';
import { id, keysOf } from '../../common/fields';
import { maskName } from '../../common/identifiers';
import { careCategories, careColourShort, wishKinds, wishStates } from '../labels';
import { communityPlace, day, maybe, phone, text } from './tables';

/**
 * 民呼必应's registers beside the ledger in a package: grids, 红色小管家, 微心愿 and 重点关爱户, so the street holds its
 * communities' lists as it holds their requests. Each names its places, organisations and members in words: a
 * package may carry this module without the party one, and the receiver has no places register. Every list is
 * small (tens to a few hundred rows a community) and travels whole, so a removal or a close reaches the street.
 */

const stamp = z.iso.datetime({ offset: true });
const count = z.number().int().min(0).max(1_000_000);

/** Buildings in words, 阳光小区 3号楼、阳光小区 5号楼. */
const buildingNames = (bs: readonly { name: string; estateName: string }[]) => bs.map((b) => `${b.estateName} ${b.name}`).join('、');

export interface GridRecord {
  id: string;
  community: string;
  name: string;
  workerName: string;
  workerPhone: string | null;
  orgName: string | null;
  buildings: string;
  households: number;
  note: string | null;
  updatedAt: string;
}

export const gridsTable: PackageTable<GridRecord> = {
  name: 'requests.grids',
  title: '网格',
  schema: z.object({
    id,
    community: text(60),
    name: text(40).min(1),
    workerName: text(40).min(1),
    workerPhone: maybe(phone),
    orgName: maybe(text(60)),
    buildings: text(20_000),
    households: count,
    note: maybe(text(500)),
    updatedAt: stamp,
  }),
  fields: {
    community: '所属社区', name: '网格名称', workerName: '网格员', workerPhone: '网格员电话', orgName: '党组织',
    buildings: '楼栋', households: '户数', note: '备注', updatedAt: '最后修改',
  },
  listFields: ['community', 'name', 'workerName', 'households'],
  personal: { workerPhone: 'phone' },
  coverage: () => 'all',
  *read(db, scope) {
    const place = communityPlace(scope);
    if (place === undefined) return;
    for (const g of listGrids(db, place)) {
      yield {
        id: g.id, community: g.communityName, name: g.name, workerName: g.workerName, workerPhone: g.workerPhone,
        orgName: g.orgName, buildings: buildingNames(g.buildings), households: g.households, note: g.note, updatedAt: g.updatedAt,
      };
    }
  },
};

export interface StewardRecord {
  id: string;
  memberId: string;
  name: string;
  orgName: string;
  phone: string | null;
  phonePublic: boolean;
  duty: string | null;
  active: boolean;
  community: string;
  buildings: string;
  updatedAt: string;
}

export const stewardsTable: PackageTable<StewardRecord> = {
  name: 'requests.stewards',
  title: '红色小管家',
  schema: z.object({
    id,
    memberId: id,
    name: text(40).min(1),
    orgName: text(60),
    phone: maybe(phone),
    phonePublic: z.boolean(),
    duty: maybe(text(40)),
    active: z.boolean(),
    community: text(200),
    buildings: text(20_000),
    updatedAt: stamp,
  }),
  fields: {
    name: '姓名', memberId: '党员', orgName: '所在党组织', phone: '联系电话', phonePublic: '公示完整电话', duty: '职责',
    active: '在册', community: '所属社区', buildings: '联系楼栋', updatedAt: '最后修改',
  },
  listFields: ['name', 'orgName', 'duty', 'buildings'],
  refs: { memberId: 'party.members' },
  personal: { phone: 'phone' },
  coverage: () => 'all',
  *read(db, scope) {
    const place = communityPlace(scope);
    if (place === undefined) return;
    for (const s of listStewards(db, place)) {
      yield {
        id: s.id, memberId: s.memberId, name: s.name, orgName: s.orgName, phone: s.phone, phonePublic: s.phonePublic, duty: s.duty,
        active: s.active, community: [...new Set(s.buildings.map((b) => b.communityName))].join('、'),
        buildings: buildingNames(s.buildings), updatedAt: s.updatedAt,
      };
    }
  },
};

export type WishRecord = Omit<WishRow, 'placeId' | 'activityId' | 'createdAt' | 'operator'> & { community: string };

/** The resident who made a wish leaves masked always, as a request's reporter (no export names who asked for help). */
export const wishesTable: PackageTable<WishRecord> = {
  name: 'requests.wishes',
  title: '微心愿和社区需求',
  schema: z.object({
    id,
    kind: z.enum(keysOf(wishKinds)),
    community: text(60),
    placeName: text(200).min(1),
    title: text(60).min(1),
    detail: maybe(text(1000)),
    wisherName: maybe(text(40)),
    wisherPhone: maybe(phone),
    publishedOn: day,
    state: z.enum(keysOf(wishStates)),
    claimerMemberId: maybe(id),
    claimerName: maybe(text(40)),
    claimerUnit: maybe(text(100)),
    claimedOn: maybe(day),
    fulfilledOn: maybe(day),
    result: maybe(text(1000)),
    hoursTenths: maybe(z.number().int().min(1).max(240)),
    withdrawnReason: maybe(text(200)),
    updatedAt: stamp,
  }),
  fields: {
    kind: '类型', community: '所属社区', placeName: '地点', title: '心愿或需求', detail: '详细说明', wisherName: '许愿居民',
    wisherPhone: '联系电话', publishedOn: '发布日期', state: '状态', claimerMemberId: '认领党员', claimerName: '认领人',
    claimerUnit: '认领单位', claimedOn: '认领日期', fulfilledOn: '完成日期', result: '完成情况', hoursTenths: '服务时长',
    withdrawnReason: '撤回原因', updatedAt: '最后修改',
  },
  listFields: ['publishedOn', 'kind', 'title', 'state', 'claimerName'],
  labels: { kind: wishKinds, state: wishStates },
  refs: { claimerMemberId: 'party.members' },
  personal: { wisherPhone: 'phone' },
  coverage: () => 'all',
  *read(db, scope) {
    const place = communityPlace(scope);
    if (place === undefined) return;
    for (const { placeId: _p, activityId: _a, createdAt: _c, operator: _o, ...w } of exportWishes(db, place)) {
      yield { ...w, wisherName: w.wisherName === null ? null : maskName(w.wisherName) };
    }
  },
};

export type CareRecord = Omit<CareRow, 'buildingId' | 'communityId' | 'communityName' | 'createdAt' | 'operator'> & { community: string };

/**
 * 重点关爱户 travel as the party register's members do: the name in full (the street follows the 分类分色 care of its
 * communities and must know whom), the phone and ID number masked unless the clerk exports full values (logged);
 * the paired member named. The visits stay at the community: the last standing visit and their count travel, which
 * is what a street checks a pairing by.
 */
export const careTable: PackageTable<CareRecord> = {
  name: 'requests.care',
  title: '重点关爱户',
  schema: z.object({
    id,
    community: text(60),
    estateName: text(60),
    buildingName: text(60),
    room: maybe(text(40)),
    category: z.enum(keysOf(careCategories)),
    colour: z.enum(keysOf(careColourShort)),
    personName: text(40).min(1),
    personPhone: maybe(phone),
    idNumber: maybe(z.string().regex(/^[0-9X*]{18}$/, '身份证号应为 18 位（可以是脱敏形式）')),
    situation: maybe(text(500)),
    memberId: maybe(id),
    memberName: maybe(text(40)),
    memberOrgName: maybe(text(60)),
    registeredOn: day,
    closedOn: maybe(day),
    closedReason: maybe(text(200)),
    lastVisitOn: maybe(day),
    visitCount: count,
    updatedAt: stamp,
  }),
  fields: {
    community: '所属社区', estateName: '小区', buildingName: '楼栋', room: '门牌', category: '关爱类别', colour: '关注等级',
    personName: '姓名', personPhone: '联系电话', idNumber: '身份证号', situation: '基本情况', memberId: '结对党员',
    memberName: '结对党员姓名', memberOrgName: '结对党员所在党组织', registeredOn: '登记日期', closedOn: '停止关爱日期',
    closedReason: '停止关爱原因', lastVisitOn: '最近走访', visitCount: '走访次数', updatedAt: '最后修改',
  },
  listFields: ['community', 'buildingName', 'personName', 'category', 'colour', 'lastVisitOn'],
  labels: { category: careCategories, colour: careColourShort },
  refs: { memberId: 'party.members' },
  personal: { personPhone: 'phone', idNumber: 'idCard' },
  coverage: () => 'all',
  *read(db, scope) {
    const place = communityPlace(scope);
    if (place === undefined) return;
    for (const { buildingId: _b, communityId: _i, communityName, createdAt: _c, operator: _o, ...h } of exportCareHouseholds(db, place)) {
      yield { ...h, community: communityName };
    }
  },
};
