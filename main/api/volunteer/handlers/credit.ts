import { insertApplication } from '../../../../db/volunteer/activities';
import { appendEntry } from '../../../../db/volunteer/ledger';
import { pointsForHours, ruleOn } from '../../../../db/volunteer/rules';
import { DomainError } from '../../common/errors';
import type { Ctx } from '../../context';
import type { ApplyResult } from '../contract';
import { tenthsText } from '../tenths';
import { activityDetail } from './activities';
import { mustVolunteer } from './common';

export function alreadyApplied(what: string, at: string, operator: string): DomainError {
  return new DomainError('CONFLICT', `${what}的积分已于 ${at.slice(0, 10)} 由${operator}计入，不会重复计分`, 'ALREADY_APPLIED');
}

/**
 * Writes each present participant's service points under the rule in force on the activity's date, once — the one
 * path by which service hours reach the points ledger, whether the activity was organised as such or recorded for
 * a fulfilled 微心愿 (main/api/requests/handlers/wishes.ts).
 */
export function creditActivity(ctx: Ctx, activityId: string): ApplyResult {
  const a = activityDetail(ctx.db, activityId);
  if (a.application) throw alreadyApplied(`“${a.title}”`, a.application.appliedAt, a.application.operator);
  if (!a.recordedAt) throw new DomainError('DOMAIN', '请先登记到场人员和服务时长，再计入积分', 'NOT_RECORDED');
  const present = a.participants.filter((p) => p.attendance === 'present' && p.hours > 0);
  if (present.length === 0) throw new DomainError('DOMAIN', '没有登记到场的人员，无可计入的积分', 'NOBODY_PRESENT');
  const rule = ruleOn(ctx.db, a.onDate);
  let points = 0;
  for (const p of present) {
    const v = mustVolunteer(ctx.db, p.volunteerId);
    const credit = pointsForHours(rule, p.hours);
    const capped = credit.credited < p.hours ? `，按规则计 ${tenthsText(credit.credited)} 小时` : '';
    appendEntry(ctx.db, {
      volunteerId: v.id, orgId: v.orgId, onDate: a.onDate, category: 'service', amount: credit.points, hours: p.hours,
      reason: `参加“${a.title}”服务 ${tenthsText(p.hours)} 小时${capped}`, sourceKind: 'activity', sourceId: a.id,
      ruleId: rule.id, reversesId: null,
    }, ctx.operator);
    points += credit.points;
  }
  insertApplication(ctx.db, 'activity', a.id, rule.id, present.length, ctx.operator);
  ctx.audit({ action: 'apply_points', entity: 'volunteer_activity', entityId: a.id, after: { rule: rule.version, entries: present.length, points: tenthsText(points) } });
  return { entries: present.length, points, ruleVersion: rule.version };
}
