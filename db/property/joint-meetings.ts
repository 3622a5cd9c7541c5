import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import { Where } from '../where';
import { resolutionsOfMeeting, writeResolutions } from './resolutions';
import type { Attendee, JointMeetingFields, JointMeetingListRow, JointMeetingRecord } from './types';
export type { Attendee, JointMeetingFields, JointMeetingListRow, JointMeetingRecord } from './types';

function writeChildren(db: Db, meetingId: string, f: JointMeetingFields, operator: string) {
  db.prepare('DELETE FROM joint_meeting_attendees WHERE meeting_id = ?').run(meetingId);
  db.prepare('DELETE FROM joint_meeting_topics WHERE meeting_id = ?').run(meetingId);
  const attendee = db.prepare('INSERT INTO joint_meeting_attendees (id, meeting_id, seq, party, name, title) VALUES (?, ?, ?, ?, ?, ?)');
  f.attendees.forEach((a, i) => attendee.run(newId(), meetingId, i, a.party, a.name, a.title));
  const topic = db.prepare('INSERT INTO joint_meeting_topics (id, meeting_id, seq, title) VALUES (?, ?, ?, ?)');
  f.topics.forEach((t, i) => topic.run(newId(), meetingId, i, t));
  writeResolutions(db, meetingId, f.resolutions, operator);
}

export function insertJointMeeting(db: Db, f: JointMeetingFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO joint_meetings (id, estate_id, held_on, convener, place, minutes, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.estateId, f.heldOn, f.convener, f.place, f.minutes, s.created_at, s.updated_at, operator);
  writeChildren(db, id, f, operator);
  return id;
}

export function updateJointMeeting(db: Db, id: string, f: JointMeetingFields, operator: string): void {
  db.prepare(
    `UPDATE joint_meetings SET estate_id = ?, held_on = ?, convener = ?, place = ?, minutes = ?, updated_at = ?, operator = ?
     WHERE id = ?`,
  ).run(f.estateId, f.heldOn, f.convener, f.place, f.minutes, nowIso(), operator, id);
  writeChildren(db, id, f, operator);
}

export function deleteJointMeeting(db: Db, id: string): void {
  db.prepare('DELETE FROM joint_meetings WHERE id = ?').run(id);
}

export function getJointMeeting(db: Db, id: string): JointMeetingRecord | undefined {
  const m = db
    .prepare(
      `SELECT j.id, j.estate_id AS estateId, p.name AS estateName, j.held_on AS heldOn, j.convener, j.place, j.minutes,
              j.created_at AS createdAt, j.updated_at AS updatedAt, j.operator
       FROM joint_meetings j JOIN places p ON p.id = j.estate_id WHERE j.id = ?`,
    )
    .get(id) as Omit<JointMeetingRecord, 'attendees' | 'topics' | 'resolutions'> | undefined;
  if (!m) return undefined;
  const attendees = db
    .prepare('SELECT party, name, title FROM joint_meeting_attendees WHERE meeting_id = ? ORDER BY seq')
    .all(id) as Attendee[];
  const topics = (db.prepare('SELECT title FROM joint_meeting_topics WHERE meeting_id = ? ORDER BY seq').all(id) as { title: string }[])
    .map((t) => t.title);
  return { ...m, attendees, topics, resolutions: resolutionsOfMeeting(db, id) };
}

export function listJointMeetings(
  db: Db,
  f: { estateId: string | null; communityId: string | null; from: string | null; to: string | null; offset: number; limit: number },
): { rows: JointMeetingListRow[]; total: number } {
  const where = new Where();
  if (f.estateId) where.add('j.estate_id = ?', f.estateId);
  if (f.communityId) where.add('p.parent_id = ?', f.communityId);
  if (f.from) where.add('j.held_on >= ?', f.from);
  if (f.to) where.add('j.held_on <= ?', f.to);
  const from = 'FROM joint_meetings j JOIN places p ON p.id = j.estate_id';
  const rows = db
    .prepare(
      `SELECT j.id, j.estate_id AS estateId, p.name AS estateName, j.held_on AS heldOn, j.convener,
         (SELECT COUNT(*) FROM joint_meeting_topics t WHERE t.meeting_id = j.id) AS topics,
         (SELECT COUNT(*) FROM joint_resolutions r WHERE r.meeting_id = j.id) AS resolutions,
         (SELECT COUNT(*) FROM joint_resolutions r WHERE r.meeting_id = j.id AND r.status IN ('open', 'in_progress')) AS unfinished
       ${from} ${where.sql} ORDER BY j.held_on DESC, j.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...where.args, f.limit, f.offset) as JointMeetingListRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n ${from} ${where.sql}`).get(...where.args) as { n: number }).n;
  return { rows, total };
}
