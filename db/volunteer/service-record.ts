import type { Db } from '../open';
import type { PendingMeeting, ServiceLine } from './types';
export type { PendingMeeting, ServiceLine } from './types';

/** A person's recorded service (the certificate, the record drawer) and the meetings still awaiting base points. */

/** Activities a person attended with the hours the organising unit recorded, oldest first within the period. */
export function serviceLines(db: Db, volunteerId: string, from: string, to: string, newestFirst = false, limit = 1000): ServiceLine[] {
  return db
    .prepare(
      `SELECT a.id AS activityId, a.title, a.on_date AS onDate, a.start_time AS startTime, a.end_time AS endTime,
              po.name AS postName, a.place, o.name AS organiserName, r.name AS recorderOrgName, a.recorded_by AS recordedBy,
              p.hours_tenths AS hours
       FROM activity_participants p JOIN volunteer_activities a ON a.id = p.activity_id
       JOIN orgs o ON o.id = a.organiser_org_id LEFT JOIN orgs r ON r.id = a.recorder_org_id
       LEFT JOIN volunteer_posts po ON po.id = a.post_id
       WHERE p.volunteer_id = ? AND p.attendance = 'present' AND a.recorded_at IS NOT NULL AND a.on_date BETWEEN ? AND ?
       ORDER BY a.on_date ${newestFirst ? 'DESC' : ''}, a.id LIMIT ?`,
    )
    .all(volunteerId, from, to, limit) as ServiceLine[];
}

/**
 * The meetings that earn base points: the branch's meetings of all its members (支部党员大会, 党课, 主题党日).
 * 支委会 and 党小组会 do not — a branch's members are at the first three whatever their group or role.
 */
export const BASE_POINT_MEETINGS = ['general', 'lecture', 'theme_day'] as const;
const BASE_POINT_SQL = BASE_POINT_MEETINGS.map((t) => `'${t}'`).join(', ');

const PENDING = `FROM meetings mt
  WHERE mt.held_on >= ? AND mt.type IN (${BASE_POINT_SQL})
    AND NOT EXISTS (SELECT 1 FROM points_applications x WHERE x.source_kind = 'meeting' AND x.source_id = mt.id
                      AND x.reversed_at IS NULL)
    AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.status = 'present' AND a.member_id IS NOT NULL)`;
// The cheap test first: most meetings were credited, and then their attendance is never read.

/**
 * How far back a meeting still counts as awaiting its base points: a quarter. Older ones are taken as left
 * uncredited on purpose (or from before the rule was in use), so the to-do list does not grow forever.
 */
export const pendingSince = (today: string): string => new Date(Date.parse(`${today}T00:00:00Z`) - 92 * 86_400_000).toISOString().slice(0, 10);

/** Meetings held since `since` with members present whose base points have not been written yet. */
export function pendingMeetings(db: Db, since: string, limit: number): { rows: PendingMeeting[]; total: number } {
  const total = (db.prepare(`SELECT COUNT(*) AS n ${PENDING}`).get(since) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT mt.id AS meetingId, o.id AS orgId, o.name AS orgName, mt.type, mt.held_on AS heldOn, mt.topic,
              (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = mt.id AND a.status = 'present'
                 AND a.member_id IS NOT NULL) AS present
       ${PENDING.replace('FROM meetings mt', 'FROM meetings mt JOIN orgs o ON o.id = mt.org_id')} ORDER BY mt.held_on DESC, mt.id LIMIT ?`,
    )
    .all(since, limit) as PendingMeeting[];
  return { rows, total };
}

/** Members marked present at a meeting (the people a meeting's base points go to). */
export function presentMembers(db: Db, meetingId: string): { memberId: string; name: string }[] {
  return db
    .prepare(
      `SELECT member_id AS memberId, name FROM meeting_attendance
       WHERE meeting_id = ? AND status = 'present' AND member_id IS NOT NULL ORDER BY seq`,
    )
    .all(meetingId) as { memberId: string; name: string }[];
}
