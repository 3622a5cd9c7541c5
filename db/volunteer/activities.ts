import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { prefixRange } from '../pinyin';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { ActivityFields, ActivityListRow, ActivityRecord, ActivityStatus, Application, Attendance, Participant } from './types';
export type { ActivityFields, ActivityListRow, ActivityRecord, ActivityStatus, Application, Attendance, Participant } from './types';

/** Volunteer activities: planned, signed up for, then recorded (attendance and hours) by the organising unit. */

const FIELDS = `a.title, a.post_id AS postId, a.on_date AS onDate, a.start_time AS startTime, a.end_time AS endTime,
  a.place, a.organiser_org_id AS organiserOrgId, a.capacity, a.description`;

export function insertActivity(db: Db, f: ActivityFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO volunteer_activities (id, title, post_id, on_date, start_time, end_time, place, organiser_org_id,
                                       capacity, description, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.title, f.postId, f.onDate, f.startTime, f.endTime, f.place, f.organiserOrgId, f.capacity, f.description,
    s.created_at, s.updated_at, operator);
  return id;
}

export function updateActivity(db: Db, id: string, f: ActivityFields, operator: string): void {
  db.prepare(
    `UPDATE volunteer_activities SET title = ?, post_id = ?, on_date = ?, start_time = ?, end_time = ?, place = ?,
       organiser_org_id = ?, capacity = ?, description = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(f.title, f.postId, f.onDate, f.startTime, f.endTime, f.place, f.organiserOrgId, f.capacity, f.description,
    nowIso(), operator, id);
}

export function deleteActivity(db: Db, id: string): void {
  db.prepare('DELETE FROM volunteer_activities WHERE id = ?').run(id);
}

export function participantsOf(db: Db, activityId: string): Participant[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.volunteer_id AS volunteerId, CASE WHEN v.member_id IS NULL THEN 'resident' ELSE 'member' END AS kind,
              CASE WHEN v.member_id IS NULL THEN v.name ELSE m.name END AS name, o.id AS orgId, o.name AS orgName,
              p.signed_up AS signedUp, p.walk_in AS walkIn, p.attendance, p.hours_tenths AS hours, p.note
       FROM activity_participants p JOIN volunteers v ON v.id = p.volunteer_id JOIN orgs o ON o.id = v.org_id
       LEFT JOIN members m ON m.id = v.member_id
       WHERE p.activity_id = ? ORDER BY p.seq`,
    )
    .all(activityId) as (Omit<Participant, 'signedUp' | 'walkIn'> & { signedUp: number; walkIn: number })[];
  return rows.map((r) => ({ ...r, signedUp: r.signedUp === 1, walkIn: r.walkIn === 1 }));
}

export function getActivity(db: Db, id: string): ActivityRecord | undefined {
  const a = db
    .prepare(
      `SELECT a.id, ${FIELDS}, p.name AS postName, o.name AS organiserName, a.recorder_org_id AS recorderOrgId,
              r.name AS recorderOrgName, a.recorded_by AS recordedBy, a.recorded_at AS recordedAt,
              a.created_at AS createdAt, a.updated_at AS updatedAt, a.operator
       FROM volunteer_activities a JOIN orgs o ON o.id = a.organiser_org_id
       LEFT JOIN volunteer_posts p ON p.id = a.post_id LEFT JOIN orgs r ON r.id = a.recorder_org_id
       WHERE a.id = ?`,
    )
    .get(id) as Omit<ActivityRecord, 'participants'> | undefined;
  return a && { ...a, participants: participantsOf(db, id) };
}

export function addParticipant(db: Db, activityId: string, volunteerId: string, walkIn: boolean): void {
  const seq = (db.prepare('SELECT COALESCE(MAX(seq), -1) + 1 AS s FROM activity_participants WHERE activity_id = ?').get(activityId) as { s: number }).s;
  insertParticipant(db, { activityId, volunteerId, walkIn, attendance: 'pending', hours: 0, seq });
}

/** One participant row as given (a bulk load knows the order and the attendance already). */
export function insertParticipant(
  db: Db,
  p: { activityId: string; volunteerId: string; walkIn: boolean; attendance: Attendance; hours: number; seq: number },
): void {
  db.prepare(
    `INSERT INTO activity_participants (id, activity_id, volunteer_id, signed_up, walk_in, attendance, hours_tenths, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), p.activityId, p.volunteerId, p.walkIn ? 0 : 1, p.walkIn ? 1 : 0, p.attendance, p.hours, p.seq);
}

export function removeParticipant(db: Db, activityId: string, volunteerId: string): void {
  db.prepare('DELETE FROM activity_participants WHERE activity_id = ? AND volunteer_id = ?').run(activityId, volunteerId);
}

export interface AttendanceRow {
  volunteerId: string;
  attendance: Attendance;
  hours: number;
  note: string | null;
}

/** Records attendance and hours; people not signed up are added as walk-ins. Keeps who recorded, for which unit. */
export function recordAttendance(db: Db, activityId: string, rows: AttendanceRow[], recorderOrgId: string, operator: string): void {
  const known = new Set(participantsOf(db, activityId).map((p) => p.volunteerId));
  const update = db.prepare(
    `UPDATE activity_participants SET attendance = ?, hours_tenths = ?, note = ? WHERE activity_id = ? AND volunteer_id = ?`,
  );
  for (const r of rows) {
    if (!known.has(r.volunteerId)) addParticipant(db, activityId, r.volunteerId, true);
    update.run(r.attendance, r.attendance === 'present' ? r.hours : 0, r.note, activityId, r.volunteerId);
  }
  markRecorded(db, activityId, recorderOrgId, operator, nowIso());
}

/** Who recorded the activity's hours, for which unit, when ("谁组织谁记录"). */
export function markRecorded(db: Db, activityId: string, recorderOrgId: string, operator: string, at: string): void {
  db.prepare(
    `UPDATE volunteer_activities SET recorder_org_id = ?, recorded_by = ?, recorded_at = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(recorderOrgId, operator, at, at, operator, activityId);
}

// ---------------------------------------------------------------- applications of the points rules

export function liveApplication(db: Db, sourceKind: 'activity' | 'meeting', sourceId: string): Application | null {
  return (
    (db
      .prepare(
        `SELECT a.id, a.rule_id AS ruleId, r.version AS ruleVersion, a.entries, a.applied_at AS appliedAt, a.operator
         FROM points_applications a JOIN points_rules r ON r.id = a.rule_id
         WHERE a.source_kind = ? AND a.source_id = ? AND a.reversed_at IS NULL`,
      )
      .get(sourceKind, sourceId) as Application | undefined) ?? null
  );
}

export function insertApplication(db: Db, sourceKind: 'activity' | 'meeting', sourceId: string, ruleId: string, entries: number, operator: string): void {
  db.prepare(
    `INSERT INTO points_applications (id, source_kind, source_id, rule_id, entries, applied_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), sourceKind, sourceId, ruleId, entries, nowIso(), operator);
}

export function closeApplication(db: Db, id: string, operator: string): void {
  db.prepare('UPDATE points_applications SET reversed_at = ?, reversed_by = ? WHERE id = ?').run(nowIso(), operator, id);
}

// ---------------------------------------------------------------- list

export interface ActivityFilter {
  orgPath: string | null;
  from: string | null;
  to: string | null;
  status: ActivityStatus | null;
  /** Soonest first (what is coming up) instead of the newest first. */
  ascending?: boolean;
  offset: number;
  limit: number;
}

const STATUS = `CASE WHEN EXISTS (SELECT 1 FROM points_applications x WHERE x.source_kind = 'activity'
    AND x.source_id = a.id AND x.reversed_at IS NULL) THEN 'credited'
  WHEN a.recorded_at IS NOT NULL THEN 'recorded' ELSE 'planned' END`;

export function listActivities(db: Db, f: ActivityFilter): { rows: ActivityListRow[]; total: number } {
  const where = new Where();
  if (f.orgPath) where.add('a.organiser_org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)', ...prefixRange(f.orgPath));
  if (f.from) where.add('a.on_date >= ?', f.from);
  if (f.to) where.add('a.on_date <= ?', f.to);
  if (f.status) where.add(`(${STATUS}) = ?`, f.status);
  const { sql, args } = where;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM volunteer_activities a ${sql}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.on_date AS onDate, a.start_time AS startTime, p.name AS postName, o.name AS organiserName,
              a.place, a.capacity,
              (SELECT COUNT(*) FROM activity_participants x WHERE x.activity_id = a.id AND x.signed_up = 1) AS signedUp,
              (SELECT COUNT(*) FROM activity_participants x WHERE x.activity_id = a.id AND x.attendance = 'present') AS present,
              (SELECT COALESCE(SUM(hours_tenths), 0) FROM activity_participants x WHERE x.activity_id = a.id) AS hours,
              ${STATUS} AS status
       FROM volunteer_activities a JOIN orgs o ON o.id = a.organiser_org_id LEFT JOIN volunteer_posts p ON p.id = a.post_id
       ${sql} ORDER BY a.on_date ${f.ascending ? '' : 'DESC'}, a.id LIMIT ? OFFSET ?`,
    )
    .all(...args, f.limit, f.offset) as ActivityListRow[];
  return { rows, total };
}
