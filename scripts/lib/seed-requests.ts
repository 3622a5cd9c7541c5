import { insertGrid } from '../../db/requests/grids';
import { applyStep, insertRequest, type RequestFacts, type RequestStateCode } from '../../db/requests/requests';
import { insertSteward } from '../../db/requests/stewards';
import { insertWish, moveWish } from '../../db/requests/wishes';
import type { Db } from '../../db/open';
import { chineseName, mobile, pick } from './people';
import { addDays, int, type CommunityPlan, type Rand } from './seed-plan';

/**
 * 民呼必应's generated data (issue 16): each community divided into grids of about 300 households (buildings in
 * order), a 红色小管家 for about one building in three, five years of requests — about 400 a community a year
 * (≈200,000 at district scale) — taken through the cycle as far as their age makes likely (old ones evaluated,
 * this fortnight's still being sorted or handled, some overdue, a few reopened after a 不满意), and two years of
 * 微心愿 and needs, most claimed by 在职党员 and fulfilled.
 */

const PER_YEAR = 400;
const DEADLINE: Record<string, number> = { community: 2, property_company: 5, work_unit: 7, volunteer_post: 5, street: 15 };
const MATTERS: [category: string, handler: string, content: string, result: string][] = [
  ['facilities', 'property_company', '楼道灯不亮', '已更换灯泡'],
  ['facilities', 'property_company', '单元门禁损坏', '已维修门禁'],
  ['facilities', 'community', '健身器材松动', '已加固并张贴提示'],
  ['environment', 'property_company', '垃圾清运不及时', '已增加清运频次'],
  ['environment', 'community', '楼道堆放杂物', '已通知住户清理'],
  ['property_service', 'property_company', '小区车辆乱停放', '已施划车位、安排巡查'],
  ['property_service', 'property_company', '电梯维修后仍有异响', '已请维保单位复查'],
  ['neighbour_dispute', 'community', '楼上漏水影响楼下', '已调解，住户自行维修'],
  ['safety', 'street', '小区外墙瓷砖脱落', '已设置警戒并修复'],
  ['livelihood_service', 'volunteer_post', '独居老人需要助餐', '已纳入助餐服务'],
  ['policy_consult', 'community', '咨询医保缴费', '已解答并帮办'],
  ['facilities', 'work_unit', '窨井盖老化破损', '共建单位协助更换'],
];
const SOURCES = ['visit', 'visit', 'hotline', 'grid_round', 'grid_round', 'suggestion_box', 'problem_wall', 'city_12345'];
const WISHES = ['给独居老人修好楼道扶手', '孩子暑期想学书法', '想要一台助行器', '希望有人陪老人去医院复查', '小花园路灯加装', '四点半课堂缺辅导老师'];

export interface RequestsSeedCounts {
  grids: number;
  stewards: number;
  requests: number;
  wishes: number;
}

export function writeRequests(db: Db, r: Rand, tree: CommunityPlan[], today: string, operator: string): RequestsSeedCounts {
  const counts: RequestsSeedCounts = { grids: 0, stewards: 0, requests: 0, wishes: 0 };
  for (const c of tree) {
    const buildings = c.estates.flatMap((e) => e.buildings.map((b) => ({ ...b, estateId: e.id, branchId: e.branchId })));
    const gridOf = new Map<string, string>();
    for (let i = 0, n = 1; i < buildings.length; n++) {
      const members: typeof buildings = [];
      let households = 0;
      // Buildings in order while the grid stays within the street's 300 households (a building alone may exceed it).
      while (i < buildings.length && (members.length === 0 || households + buildings[i]!.households <= 300)) {
        households += buildings[i]!.households;
        members.push(buildings[i++]!);
      }
      const grid = insertGrid(db, {
        communityId: c.id, name: `第${n}网格`, workerName: chineseName(r), workerPhone: mobile(r), orgId: members[0]!.branchId, note: null,
        buildingIds: members.map((b) => b.id),
      }, operator);
      for (const b of members) gridOf.set(b.id, grid);
      counts.grids++;
    }
    for (const b of buildings) {
      const steward = b.members.find((m) => m.lifecycle === 'active');
      if (!steward || r() >= 0.35) continue;
      insertSteward(db, { memberId: steward.id, duty: pick(r, ['楼栋长', '单元长', '党员中心户', null]), phonePublic: r() < 0.6, buildingIds: [b.id] }, operator);
      counts.stewards++;
    }
    const years = 5;
    const total = PER_YEAR * years;
    for (let k = 0; k < total; k++) {
      const age = Math.floor((r() ** 1.15) * 365 * years);
      const b = pick(r, buildings);
      writeRequest(db, r, { placeId: b.id, gridId: gridOf.get(b.id)!, community: c.name, reportedOn: addDays(today, -age), age, today }, operator);
      counts.requests++;
    }
    const inService = buildings.flatMap((b) => b.members).filter((m) => m.lifecycle === 'active' && m.category === 'in_service');
    for (let k = 0; k < 60; k++) {
      const age = int(r, 0, 730);
      const publishedOn = addDays(today, -age);
      const need = r() < 0.3;
      const id = insertWish(db, {
        kind: need ? 'need' : 'wish', placeId: pick(r, buildings).id, title: pick(r, WISHES), detail: null,
        wisherName: need ? null : chineseName(r), wisherPhone: need ? null : mobile(r), publishedOn,
      }, operator);
      counts.wishes++;
      const claimer = inService.length ? pick(r, inService) : null;
      if (age < 10 || !claimer) continue;
      const claimedOn = addDays(publishedOn, int(r, 0, Math.min(9, age)));
      moveWish(db, id, 'open', { state: 'claimed', claimerMemberId: claimer.id, claimerUnit: claimer.workUnit, claimedOn }, operator);
      if (age < 30) continue;
      moveWish(db, id, 'claimed', { state: 'fulfilled', fulfilledOn: addDays(claimedOn, int(r, 1, 20)), result: '已完成，居民满意', hoursTenths: int(r, 1, 8) * 5 }, operator);
    }
  }
  return counts;
}

interface Filed {
  placeId: string;
  gridId: string;
  community: string;
  reportedOn: string;
  age: number;
  today: string;
}

/** How far a request of this age has come: old ones are closed and evaluated, this fortnight's are still moving. */
function targetState(r: Rand, age: number): RequestStateCode {
  const x = r();
  if (age > 60) return x < 0.06 ? 'not_accepted' : x < 0.96 ? 'evaluated' : 'publicised';
  if (age > 14) return x < 0.05 ? 'not_accepted' : x < 0.55 ? 'evaluated' : x < 0.75 ? 'publicised' : x < 0.93 ? 'done' : x < 0.98 ? 'assigned' : 'supervised';
  return x < 0.25 ? 'reported' : x < 0.35 ? 'sorted' : x < 0.7 ? 'assigned' : x < 0.78 ? 'supervised' : x < 0.92 ? 'done' : 'publicised';
}

const ORDER: RequestStateCode[] = ['reported', 'sorted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated'];

function writeRequest(db: Db, r: Rand, f: Filed, operator: string): void {
  const [category, handlerKind, content, result] = pick(r, MATTERS);
  const anonymous = r() < 0.15;
  const id = insertRequest(db, {
    reportedOn: f.reportedOn, source: pick(r, SOURCES), anonymous, reporterName: anonymous ? null : chineseName(r),
    reporterPhone: anonymous ? null : mobile(r), placeId: f.placeId, gridId: f.gridId, content: `${content}（${f.community}）`,
  }, operator);
  const target = targetState(r, f.age);
  const step = (from: RequestStateCode, to: RequestStateCode, onDay: string, facts: Partial<RequestFacts>, reopening = false) =>
    applyStep(db, id, { from, to, onDay: onDay > f.today ? f.today : onDay, facts, detail: facts, note: null, reopening }, operator);
  if (target === 'reported') return;
  if (target === 'not_accepted') {
    step('reported', 'not_accepted', f.reportedOn, { category: 'private_contract', answer: '已告知可申请人民调解', reason: '私人之间的经济合同纠纷' });
    return;
  }
  const until = ORDER.indexOf(target);
  const dueOn = addDays(f.reportedOn, DEADLINE[handlerKind]! + 1);
  step('reported', 'sorted', f.reportedOn, { category, urgency: r() < 0.1 ? 'urgent' : 'normal' });
  if (until < 2) return;
  step('sorted', 'assigned', addDays(f.reportedOn, 1), { handlerKind, handlerName: handlerName(handlerKind, f.community), dueOn });
  let state: RequestStateCode = 'assigned';
  if (target === 'supervised' || (until > 3 && r() < 0.1)) {
    step('assigned', 'supervised', addDays(f.reportedOn, 2), {});
    state = 'supervised';
  }
  if (until < 4) return;
  // Most are done within the deadline; one in eight takes longer.
  const doneOn = addDays(f.reportedOn, r() < 0.88 ? int(r, 1, DEADLINE[handlerKind]! + 1) : int(r, DEADLINE[handlerKind]! + 2, 30));
  if (doneOn > f.today && target !== 'done') return;
  step(state, 'done', doneOn, { doneOn: doneOn > f.today ? f.today : doneOn, result });
  if (until < 5) return;
  const publicisedOn = addDays(doneOn, int(r, 0, 3));
  step('done', 'publicised', publicisedOn, { publicisedOn: publicisedOn > f.today ? f.today : publicisedOn });
  if (until < 6) return;
  const x = r();
  step('publicised', 'evaluated', addDays(publicisedOn, int(r, 1, 5)), { rating: x < 0.9 ? 'satisfied' : x < 0.97 ? 'mostly_satisfied' : 'unsatisfied' });
}

function handlerName(kind: string, community: string): string {
  return { community: `${community}居委会`, property_company: '物业服务中心', work_unit: '共建单位', volunteer_post: '志愿服务岗', street: '街道城管科' }[kind]!;
}
