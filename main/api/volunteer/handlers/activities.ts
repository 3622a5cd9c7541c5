import { labelOrgNames } from '../../party/org-names';
import type { Db } from '../../../../db/open';
import {
  addParticipant,
  deleteActivity,
  getActivity,
  insertActivity,
  listActivities,
  liveApplication,
  recordAttendance,
  removeParticipant,
  updateActivity,
  type ActivityFields,
} from '../../../../db/volunteer/activities';
import { getPost } from '../../../../db/volunteer/posts';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { todayIso } from '../../common/calendar';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { ActivityDetail, volunteerContract } from '../contract';
import { tenthsText } from '../tenths';
import { mustUnit, resolvePerson, scopePath } from './common';

type C = typeof volunteerContract;

export function activityDetail(db: Db, id: string): ActivityDetail {
  const a = getActivity(db, id);
  if (!a) throw notFound('志愿活动');
  return { ...a, participants: labelOrgNames(db, a.participants), application: liveApplication(db, 'activity', id) };
}

/** Once points are written the record is closed: changes go through reversing the points first. */
function mustBeOpen(a: ActivityDetail, doing: string) {
  if (a.application) {
    throw new DomainError('DOMAIN', `“${a.title}”的积分已计入，不能${doing}；如需更正，请先撤销本次计分`, 'ACTIVITY_CREDITED');
  }
}

function checkActivity(db: Db, f: ActivityFields) {
  mustUnit(db, f.organiserOrgId, 'organiserOrgId', '组织单位');
  if (f.postId) {
    const post = getPost(db, f.postId);
    if (!post || post.status !== 'active') throw fieldError('postId', '服务岗位不存在或已停用');
  }
}

function audited(ctx: Ctx, before: ActivityDetail | null, id: string, action: string, extra?: Record<string, unknown>): ActivityDetail {
  const after = activityDetail(ctx.db, id);
  const summary = (a: ActivityDetail | null) => a && { ...a, participants: a.participants.length, ...extra };
  ctx.audit({ action, entity: 'volunteer_activity', entityId: id, before: summary(before), after: summary(after) });
  return after;
}

export const activityHandlers: Pick<
  Handlers<C>,
  | 'volunteer.listActivities'
  | 'volunteer.getActivity'
  | 'volunteer.createActivity'
  | 'volunteer.updateActivity'
  | 'volunteer.deleteActivity'
  | 'volunteer.signUp'
  | 'volunteer.cancelSignUp'
  | 'volunteer.recordHours'
> = {
  'volunteer.listActivities': (input, { db }) => listActivities(db, { ...input, orgPath: scopePath(db, input.orgId) }),

  'volunteer.getActivity': ({ id }, { db }) => activityDetail(db, id),

  'volunteer.createActivity': (input, ctx) => {
    checkActivity(ctx.db, input);
    const id = insertActivity(ctx.db, input, ctx.operator);
    return audited(ctx, null, id, 'create');
  },

  'volunteer.updateActivity': ({ id, activity }, ctx) => {
    const before = activityDetail(ctx.db, id);
    mustBeOpen(before, '修改');
    checkActivity(ctx.db, activity);
    if (activity.capacity !== null && before.participants.filter((p) => p.signedUp).length > activity.capacity) {
      throw fieldError('activity.capacity', '已报名人数超过新的人数上限');
    }
    updateActivity(ctx.db, id, activity, ctx.operator);
    return audited(ctx, before, id, 'update');
  },

  'volunteer.deleteActivity': ({ id }, ctx) => {
    const before = activityDetail(ctx.db, id);
    if (before.recordedAt) {
      throw new DomainError('DOMAIN', `“${before.title}”已登记工时，服务记录不能删除`, 'ACTIVITY_RECORDED');
    }
    deleteActivity(ctx.db, id);
    ctx.audit({ action: 'delete', entity: 'volunteer_activity', entityId: id, before: { ...before, participants: before.participants.length } });
    return null;
  },

  'volunteer.signUp': ({ activityId, people }, ctx) => {
    const before = activityDetail(ctx.db, activityId);
    mustBeOpen(before, '报名');
    const signed = new Set(before.participants.map((p) => p.volunteerId));
    let count = before.participants.filter((p) => p.signedUp).length;
    people.forEach((ref, i) => {
      const v = resolvePerson(ctx, ref, todayIso(), { active: true, path: `people.${i}` });
      if (signed.has(v.id)) return;
      if (before.capacity !== null && count >= before.capacity) {
        throw new DomainError('DOMAIN', `报名人数已满（上限 ${before.capacity} 人），${v.name}未能报名`, 'ACTIVITY_FULL');
      }
      addParticipant(ctx.db, activityId, v.id, false);
      signed.add(v.id);
      count++;
    });
    return audited(ctx, before, activityId, 'sign_up');
  },

  'volunteer.cancelSignUp': ({ activityId, volunteerId }, ctx) => {
    const before = activityDetail(ctx.db, activityId);
    mustBeOpen(before, '取消报名');
    if (!before.participants.some((p) => p.volunteerId === volunteerId)) throw notFound('报名记录');
    removeParticipant(ctx.db, activityId, volunteerId);
    return audited(ctx, before, activityId, 'cancel_sign_up', { volunteerId });
  },

  /** "谁组织谁记录": the recording unit and operator are kept with the hours. */
  'volunteer.recordHours': ({ activityId, recorderOrgId, rows }, ctx) => {
    const before = activityDetail(ctx.db, activityId);
    mustBeOpen(before, '修改工时');
    if (before.onDate > todayIso()) throw new DomainError('DOMAIN', '活动还没有举行，不能登记工时', 'ACTIVITY_IN_FUTURE');
    mustUnit(ctx.db, recorderOrgId, 'recorderOrgId', '记录单位');
    const seen = new Set<string>();
    const resolved = rows.map((r, i) => {
      const v = resolvePerson(ctx, r.person, before.onDate, { path: `rows.${i}.person` });
      if (seen.has(v.id)) throw fieldError(`rows.${i}.person`, `${v.name}重复登记`);
      seen.add(v.id);
      return { volunteerId: v.id, attendance: r.attendance, hours: r.hours, note: r.note };
    });
    recordAttendance(ctx.db, activityId, resolved, recorderOrgId, ctx.operator);
    const present = resolved.filter((r) => r.attendance === 'present');
    return audited(ctx, before, activityId, 'record_hours', {
      present: present.length,
      hours: tenthsText(present.reduce((s, r) => s + r.hours, 0)),
    });
  },
};
