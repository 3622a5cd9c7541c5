import { labelOrgNames } from '../../party/org-names';
import { getMeeting } from '../../../../db/party/meetings';
import { closeApplication, insertApplication, liveApplication } from '../../../../db/volunteer/activities';
import { getEntryRow, listEntries } from '../../../../db/volunteer/entries';
import { appendEntry, getEntry, liveEntriesOf } from '../../../../db/volunteer/ledger';
import { getRule, insertRule, listRules, ruleOn } from '../../../../db/volunteer/rules';
import { BASE_POINT_MEETINGS, pendingMeetings, pendingSince, presentMembers } from '../../../../db/volunteer/service-record';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { todayIso } from '../../common/calendar';
import { meetingTypes } from '../../party/labels';
import type { Handlers } from '../../router';
import type { volunteerContract } from '../contract';
import { tenthsText } from '../tenths';
import { activityDetail } from './activities';
import { alreadyApplied, creditActivity } from './credit';
import { assertNotNegative, memberVolunteer, resolvePerson, reverse, scopePath } from './common';
import { meetingCredit } from './meeting-credit';

type C = typeof volunteerContract;

export const pointHandlers: Pick<
  Handlers<C>,
  | 'volunteer.applyActivity'
  | 'volunteer.reverseActivity'
  | 'volunteer.listPendingMeetings'
  | 'volunteer.applyMeeting'
  | 'volunteer.meetingCredit'
  | 'volunteer.listRules'
  | 'volunteer.addRule'
  | 'volunteer.listEntries'
  | 'volunteer.addEntry'
  | 'volunteer.reverseEntry'
> = {
  'volunteer.applyActivity': ({ activityId }, ctx) => creditActivity(ctx, activityId),

  /** Reverses every live entry of the activity and reopens its record for correction. */
  'volunteer.reverseActivity': ({ activityId, reason }, ctx) => {
    const a = activityDetail(ctx.db, activityId);
    if (!a.application) throw new DomainError('DOMAIN', `“${a.title}”还没有计入积分`, 'NOT_APPLIED');
    const entries = liveEntriesOf(ctx.db, 'activity', activityId);
    for (const e of entries) reverse(ctx, e, `撤销活动计分：${reason}`);
    closeApplication(ctx.db, a.application.id, ctx.operator);
    ctx.audit({ action: 'reverse_points', entity: 'volunteer_activity', entityId: a.id, after: { title: a.title, reason, reversed: entries.length } });
    return { reversed: entries.length };
  },

  'volunteer.listPendingMeetings': ({ limit }, { db }) => {
    const page = pendingMeetings(db, pendingSince(todayIso()), limit);
    return { ...page, rows: labelOrgNames(db, page.rows) };
  },

  /** Base points for the members present at a party meeting, under the rule of the meeting's date, once. */
  'volunteer.applyMeeting': ({ meetingId }, ctx) => {
    const m = getMeeting(ctx.db, meetingId);
    if (!m) throw notFound('会议记录');
    if (!(BASE_POINT_MEETINGS as readonly string[]).includes(m.type)) {
      throw new DomainError('DOMAIN', `${meetingTypes[m.type]}不计参会基础分（只有支部党员大会、党课、主题党日计入）`, 'NOT_BASE_POINT_MEETING');
    }
    const live = liveApplication(ctx.db, 'meeting', meetingId);
    if (live) throw alreadyApplied(`“${m.topic}”`, live.appliedAt, live.operator);
    const rule = ruleOn(ctx.db, m.heldOn);
    if (rule.meetingBasePoints === 0) throw new DomainError('DOMAIN', `第 ${rule.version} 版积分规则没有设参加组织生活的基础分`, 'NO_MEETING_POINTS');
    const present = presentMembers(ctx.db, meetingId);
    if (present.length === 0) throw new DomainError('DOMAIN', '这次会议没有登记出席的党员', 'NOBODY_PRESENT');
    for (const p of present) {
      const v = memberVolunteer(ctx, p.memberId, m.heldOn);
      appendEntry(ctx.db, {
        volunteerId: v.id, orgId: v.orgId, onDate: m.heldOn, category: 'base', amount: rule.meetingBasePoints, hours: 0,
        reason: `参加${meetingTypes[m.type]}“${m.topic}”`, sourceKind: 'meeting', sourceId: m.id, ruleId: rule.id, reversesId: null,
      }, ctx.operator);
    }
    insertApplication(ctx.db, 'meeting', m.id, rule.id, present.length, ctx.operator);
    const points = rule.meetingBasePoints * present.length;
    ctx.audit({ action: 'apply_points', entity: 'meeting', entityId: m.id, after: { rule: rule.version, entries: present.length, points: tenthsText(points) } });
    return { entries: present.length, points, ruleVersion: rule.version };
  },

  'volunteer.meetingCredit': ({ meetingId }, { db }) => meetingCredit(db, meetingId),

  'volunteer.listRules': (_input, { db }) => listRules(db),

  'volunteer.addRule': (input, { db, operator, audit }) => {
    const current = listRules(db)[0];
    if (current && input.effectiveFrom < current.effectiveFrom) {
      throw fieldError('effectiveFrom', `生效日期不能早于现行第 ${current.version} 版规则（${current.effectiveFrom}）`);
    }
    const id = insertRule(db, input, operator);
    const row = getRule(db, id)!;
    audit({ action: 'create', entity: 'points_rule', entityId: id, before: current ?? null, after: row });
    return row;
  },

  'volunteer.listEntries': (input, { db }) => {
    const page = listEntries(db, { ...input, orgPath: scopePath(db, input.orgId) });
    return { ...page, rows: labelOrgNames(db, page.rows) };
  },

  'volunteer.addEntry': ({ person, onDate, category, amount, reason, sourceKind }, ctx) => {
    const v = resolvePerson(ctx, person, onDate, { active: amount > 0, path: 'person' });
    const id = appendEntry(ctx.db, {
      volunteerId: v.id, orgId: v.orgId, onDate, category, amount, hours: 0, reason, sourceKind, sourceId: null,
      ruleId: null, reversesId: null,
    }, ctx.operator);
    if (amount < 0) assertNotNegative(ctx.db, v, Number(onDate.slice(0, 4)), '扣分');
    const row = getEntryRow(ctx.db, id)!;
    ctx.audit({ action: 'create', entity: 'points_entry', entityId: id, after: row });
    return row;
  },

  'volunteer.reverseEntry': ({ entryId, reason }, ctx) => {
    const original = getEntry(ctx.db, entryId);
    if (!original) throw notFound('积分记录');
    const id = reverse(ctx, original, `冲正：${reason}`);
    const row = getEntryRow(ctx.db, id)!;
    ctx.audit({ action: 'reverse', entity: 'points_entry', entityId: entryId, after: { name: row.name, reversal: id, reason, amount: tenthsText(row.amount) } });
    return row;
  },
};
