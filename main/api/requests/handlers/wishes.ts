import { getMember } from '../../../../db/party/members';
import { getPlace } from '../../../../db/party/places';
import { communityOrgOfPlace, getWish, insertWish, listWishes, moveWish, updateWish, type WishRow, type WishState } from '../../../../db/requests/wishes';
import { insertActivity, recordAttendance } from '../../../../db/volunteer/activities';
import { ensureMemberVolunteer } from '../../../../db/volunteer/people';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { maskName, maskPhone } from '../../common/identifiers';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import { creditActivity } from '../../volunteer/handlers/credit';
import { tenthsText } from '../../volunteer/tenths';
import type { requestsContract, WishView } from '../contract';
import { wishStates } from '../labels';

type C = typeof requestsContract;

/** Every answer masks the resident behind a wish, as it masks a request's reporter. */
const view = (w: WishRow): WishView => ({ ...w, wisherName: w.wisherName && maskName(w.wisherName), wisherPhone: maskPhone(w.wisherPhone) || null });

function load(db: Db, id: string): WishRow {
  const w = getWish(db, id);
  if (!w) throw notFound('心愿');
  return w;
}

/** A wish in one of `states`, or a refusal naming where it stands. */
function inState(db: Db, id: string, states: readonly WishState[], action: string): WishRow {
  const w = load(db, id);
  if (!states.includes(w.state)) throw new DomainError('CONFLICT', `这条心愿${wishStates[w.state]}，不能${action}`, 'WISH_STATE');
  return w;
}

function move(ctx: Ctx, w: WishRow, m: Parameters<typeof moveWish>[3], action: string, note?: string): WishView {
  if (!moveWish(ctx.db, w.id, w.state, m, ctx.operator)) throw new DomainError('CONFLICT', '这条心愿刚被别人改过，请刷新后再试', 'WISH_STATE');
  const after = view(load(ctx.db, w.id));
  ctx.audit({ action, entity: 'wish', entityId: w.id, before: view(w), after: note ? { ...after, note } : after });
  return after;
}

const checkPlace = (db: Db, placeId: string) => {
  if (!getPlace(db, placeId)) throw fieldError('placeId', '所选地点不存在');
};

const notBefore = (day: string, earlier: string, path: string, what: string) => {
  if (day < earlier) throw fieldError(path, `${what}不能早于 ${earlier}`);
};

/**
 * Records the member's service as an activity of the community with the member present for the hours, and credits
 * it through the volunteer module's one path (creditActivity), so it appears in 志愿活动 and 积分台账 as any service.
 */
function creditService(ctx: Ctx, w: WishRow, memberId: string, onDate: string, hours: number) {
  const member = getMember(ctx.db, memberId)!;
  const organiserOrgId = communityOrgOfPlace(ctx.db, w.placeId) ?? member.orgId;
  const volunteer = ensureMemberVolunteer(ctx.db, memberId, onDate, ctx.operator);
  const activityId = insertActivity(ctx.db, {
    title: `微心愿：${w.title}`.slice(0, 100), postId: null, onDate, startTime: null, endTime: null, place: w.placeName,
    organiserOrgId, capacity: null, description: `认领人：${member.name}${w.claimerUnit ? `（${w.claimerUnit}）` : ''}`,
  }, ctx.operator);
  recordAttendance(ctx.db, activityId, [{ volunteerId: volunteer.id, attendance: 'present', hours, note: null }], organiserOrgId, ctx.operator);
  const credited = creditActivity(ctx, activityId);
  return { activityId, points: credited.points };
}

export const wishHandlers: Pick<
  Handlers<C>,
  'requests.listWishes' | 'requests.getWish' | 'requests.createWish' | 'requests.updateWish' | 'requests.claimWish' | 'requests.releaseWish' | 'requests.fulfilWish' | 'requests.withdrawWish'
> = {
  'requests.listWishes': (f, { db }) => {
    const page = listWishes(db, f);
    return { rows: page.rows.map(view), total: page.total };
  },

  'requests.getWish': ({ id }, { db }) => view(load(db, id)),

  'requests.createWish': (f, ctx) => {
    checkPlace(ctx.db, f.placeId);
    const id = insertWish(ctx.db, f, ctx.operator);
    const after = view(load(ctx.db, id));
    ctx.audit({ action: 'create', entity: 'wish', entityId: id, after });
    return after;
  },

  /** The form sees the resident masked and leaves name and phone blank to keep them; a wish keeps its resident. */
  'requests.updateWish': ({ id, ...f }, ctx) => {
    const before = inState(ctx.db, id, ['open'], '修改（只能修改待认领的心愿）');
    checkPlace(ctx.db, f.placeId);
    const fields = f.kind === 'wish' ? { ...f, wisherName: f.wisherName ?? before.wisherName, wisherPhone: f.wisherPhone ?? (f.wisherName ? null : before.wisherPhone) } : f;
    if (fields.kind === 'wish' && !fields.wisherName) throw fieldError('wisherName', '请填写许愿的居民');
    updateWish(ctx.db, id, fields, ctx.operator);
    const after = view(load(ctx.db, id));
    ctx.audit({ action: 'update', entity: 'wish', entityId: id, before: view(before), after });
    return after;
  },

  /** 认领: a member in the register (their 双报到 work unit taken as the unit when none is typed), or a unit alone. */
  'requests.claimWish': ({ id, memberId, unit, claimedOn }, ctx) => {
    const w = inState(ctx.db, id, ['open'], '认领');
    notBefore(claimedOn, w.publishedOn, 'claimedOn', '认领日期');
    let claimerUnit = unit;
    if (memberId) {
      const m = getMember(ctx.db, memberId);
      if (!m) throw fieldError('memberId', '所选党员不存在');
      if (m.lifecycle !== 'active') throw fieldError('memberId', `${m.name}已不在册，不能认领`);
      claimerUnit ??= m.category === 'in_service' ? m.workUnit : null;
    }
    return move(ctx, w, { state: 'claimed', claimerMemberId: memberId, claimerUnit, claimedOn }, 'claim');
  },

  'requests.releaseWish': ({ id, reason }, ctx) => {
    const w = inState(ctx.db, id, ['claimed'], '取消认领');
    return move(ctx, w, { state: 'open', claimerMemberId: null, claimerUnit: null, claimedOn: null }, 'release', reason);
  },

  /**
   * 完成: the day and what was done, and the hours served. With creditHours (the clerk's one confirmation) the hours
   * go to the volunteer ledger — only for a wish a member claimed; the same transaction, so both or neither.
   */
  'requests.fulfilWish': ({ id, fulfilledOn, result, hours, creditHours }, ctx) => {
    const w = inState(ctx.db, id, ['claimed'], '登记完成');
    notBefore(fulfilledOn, w.claimedOn!, 'fulfilledOn', '完成日期');
    let credit: { activityId: string; points: number } | null = null;
    if (creditHours) {
      if (!w.claimerMemberId) throw fieldError('creditHours', '单位认领的心愿没有具体党员，不能计入志愿服务时长');
      credit = creditService(ctx, w, w.claimerMemberId, fulfilledOn, hours!);
    }
    const note = credit ? `计入志愿服务 ${tenthsText(hours!)} 小时、${tenthsText(credit.points)} 分` : undefined;
    return move(ctx, w, { state: 'fulfilled', fulfilledOn, result, hoursTenths: hours, activityId: credit?.activityId ?? null }, 'fulfil', note);
  },

  'requests.withdrawWish': ({ id, reason }, ctx) => {
    const w = inState(ctx.db, id, ['open', 'claimed'], '撤回');
    return move(ctx, w, { state: 'withdrawn', withdrawnReason: reason }, 'withdraw');
  },
};
