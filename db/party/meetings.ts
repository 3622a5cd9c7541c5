import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { prefixRange, subtreeRange } from '../pinyin';
import { nearerEnd } from '../paging';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { Attendance, MeetingFields, MeetingListRow, MeetingRecord, MeetingType, OpenResolution, Resolution } from './types';
export type { Attendance, AttendanceStatus, MeetingFields, MeetingListRow, MeetingRecord, MeetingType, OpenResolution, Resolution } from './types';

function writeChildren(db: Db, meetingId: string, f: Pick<MeetingFields, 'attendance' | 'resolutions'>) {
  db.prepare('DELETE FROM meeting_attendance WHERE meeting_id = ?').run(meetingId);
  db.prepare('DELETE FROM meeting_resolutions WHERE meeting_id = ?').run(meetingId);
  const att = db.prepare(
    `INSERT INTO meeting_attendance (id, meeting_id, member_id, name, status, reason, seq) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  f.attendance.forEach((a, i) => att.run(newId(), meetingId, a.memberId, a.name, a.status, a.reason, i));
  const res = db.prepare(
    `INSERT INTO meeting_resolutions (id, meeting_id, seq, content, owner, due_on, status, done_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Resolution ids are kept across edits so that follow-up elsewhere can point at them.
  f.resolutions.forEach((r, i) =>
    res.run(r.id ?? newId(), meetingId, i, r.content, r.owner, r.dueOn, r.status, r.doneOn),
  );
}

export function insertMeeting(db: Db, f: MeetingFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO meetings (id, org_id, type, held_on, start_time, topic, place, host, recorder, minutes,
                           created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.orgId, f.type, f.heldOn, f.startTime, f.topic, f.place, f.host, f.recorder, f.minutes,
    s.created_at, s.updated_at, operator);
  writeChildren(db, id, f);
  return id;
}

export function updateMeeting(db: Db, id: string, f: MeetingFields, operator: string): void {
  db.prepare(
    `UPDATE meetings SET org_id = ?, type = ?, held_on = ?, start_time = ?, topic = ?, place = ?, host = ?,
       recorder = ?, minutes = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(f.orgId, f.type, f.heldOn, f.startTime, f.topic, f.place, f.host, f.recorder, f.minutes, nowIso(), operator, id);
  writeChildren(db, id, f);
}

export function deleteMeeting(db: Db, id: string): void {
  db.prepare('DELETE FROM meetings WHERE id = ?').run(id);
}

export function getMeeting(db: Db, id: string): MeetingRecord | undefined {
  const m = db
    .prepare(
      `SELECT m.id, m.org_id AS orgId, o.name AS orgName, m.type, m.held_on AS heldOn, m.start_time AS startTime,
              m.topic, m.place, m.host, m.recorder, m.minutes, m.created_at AS createdAt,
              m.updated_at AS updatedAt, m.operator
       FROM meetings m JOIN orgs o ON o.id = m.org_id WHERE m.id = ?`,
    )
    .get(id) as Omit<MeetingRecord, 'attendance' | 'resolutions'> | undefined;
  if (!m) return undefined;
  const attendance = db
    .prepare(
      `SELECT member_id AS memberId, name, status, reason FROM meeting_attendance WHERE meeting_id = ? ORDER BY seq`,
    )
    .all(id) as Attendance[];
  const resolutions = db
    .prepare(
      `SELECT id, content, owner, due_on AS dueOn, status, done_on AS doneOn
       FROM meeting_resolutions WHERE meeting_id = ? ORDER BY seq`,
    )
    .all(id) as (Resolution & { id: string })[];
  return { ...m, attendance, resolutions };
}

export interface MeetingFilter {
  orgPath: string | null;
  type: MeetingType | null;
  from: string | null;
  to: string | null;
  offset: number;
  limit: number;
}

/** Newest first; the id orders a day's meetings, so every page is stable. */
const ORDER = 'm.held_on DESC, m.id DESC';

/**
 * A page of 三会一课. The page is chosen on the meetings alone and only its rows are counted and named: sorted
 * with the attendance counts, the last page of a street's 3,900 meetings counted all of them (34 ms, 1 ms this way).
 */
export function listMeetings(db: Db, f: MeetingFilter): { rows: MeetingListRow[]; total: number } {
  const where = new Where();
  if (f.orgPath) where.add('m.org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)', ...prefixRange(f.orgPath));
  if (f.type) where.add('m.type = ?', f.type);
  if (f.from) where.add('m.held_on >= ?', f.from);
  if (f.to) where.add('m.held_on <= ?', f.to);
  const { sql: w, args } = where;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM meetings m ${w}`).get(...args) as { n: number }).n;
  // The page from the nearer end of the order (db/paging.ts): a jump to the end of a district's meetings.
  const p = nearerEnd(ORDER, total, f.offset, f.limit);
  const rows = db
    .prepare(
      `SELECT m.id, m.org_id AS orgId, o.name AS orgName, m.type, m.held_on AS heldOn, m.topic, m.place, m.host,
         (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'present') AS present,
         (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'absent') AS absent,
         (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'leave') AS leave,
         (SELECT COUNT(*) FROM meeting_resolutions r WHERE r.meeting_id = m.id) AS resolutions
       FROM (SELECT m.rowid AS rid FROM meetings m ${w} ORDER BY ${p.order} LIMIT ? OFFSET ?) page
       CROSS JOIN meetings m ON m.rowid = page.rid JOIN orgs o ON o.id = m.org_id
       ORDER BY ${ORDER}`,
    )
    .all(...args, p.limit, p.offset) as MeetingListRow[];
  return { rows, total };
}

/** Resolutions not yet done whose deadline has passed (the home page; the dashboard's within a unit's subtree). */
export function overdueResolutions(db: Db, today: string, limit: number, orgPath: string | null = null): OpenResolution[] {
  const [lo, hi] = subtreeRange(orgPath);
  return db
    .prepare(
      `SELECT r.id, r.meeting_id AS meetingId, o.id AS orgId, o.name AS orgName, m.held_on AS heldOn, r.content, r.owner,
              r.due_on AS dueOn
       FROM meeting_resolutions r JOIN meetings m ON m.id = r.meeting_id JOIN orgs o ON o.id = m.org_id
       WHERE r.status = 'open' AND r.due_on < ? AND o.path >= ? AND o.path < ? ORDER BY r.due_on LIMIT ?`,
    )
    .all(today, lo, hi, limit) as OpenResolution[];
}
