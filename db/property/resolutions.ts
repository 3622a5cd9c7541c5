import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { ExtensionRow, ResidentRating, ResolutionFields, ResolutionRow, ResolutionStatus } from './types';
export type { ExtensionRow, JointParty, ResidentRating, ResolutionFields, ResolutionRow, ResolutionStatus } from './types';

const SELECT = `
  SELECT r.id, r.meeting_id AS meetingId, j.estate_id AS estateId, p.name AS estateName, j.held_on AS heldOn,
         r.content, r.responsible_party AS responsibleParty, r.responsible_person AS responsiblePerson,
         r.due_on AS dueOn, r.status, r.done_on AS doneOn, r.dropped_reason AS droppedReason,
         r.noticed_on AS noticedOn, r.rating,
         (SELECT COUNT(*) FROM resolution_extensions x WHERE x.resolution_id = r.id) AS extensions,
         r.updated_at AS updatedAt, r.operator
  FROM joint_resolutions r JOIN joint_meetings j ON j.id = r.meeting_id JOIN places p ON p.id = j.estate_id`;

export function getResolution(db: Db, id: string): ResolutionRow | undefined {
  return db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ResolutionRow | undefined;
}

export function resolutionsOfMeeting(db: Db, meetingId: string): ResolutionRow[] {
  return db.prepare(`${SELECT} WHERE r.meeting_id = ? ORDER BY r.seq`).all(meetingId) as ResolutionRow[];
}

export function extensionsOf(db: Db, resolutionId: string): ExtensionRow[] {
  return db
    .prepare(
      `SELECT old_due_on AS oldDueOn, new_due_on AS newDueOn, reason, created_at AS createdAt, operator
       FROM resolution_extensions WHERE resolution_id = ? ORDER BY created_at, id`,
    )
    .all(resolutionId) as ExtensionRow[];
}

/**
 * Unfinished resolutions past their deadline across the street (or one community), oldest deadline first. The
 * status condition is written as the partial index joint_resolutions_unfinished states it, so SQLite uses it.
 */
export function overdueResolutions(
  db: Db,
  f: { today: string; communityId: string | null; offset: number; limit: number },
): { rows: ResolutionRow[]; total: number } {
  const where = `WHERE r.status IN ('open', 'in_progress') AND r.due_on < ? AND (? IS NULL OR p.parent_id = ?)`;
  const args = [f.today, f.communityId, f.communityId];
  const rows = db.prepare(`${SELECT} ${where} ORDER BY r.due_on, r.id LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as ResolutionRow[];
  const total = (db
    .prepare(`SELECT COUNT(*) AS n FROM joint_resolutions r JOIN joint_meetings j ON j.id = r.meeting_id
              JOIN places p ON p.id = j.estate_id ${where}`)
    .get(...args) as { n: number }).n;
  return { rows, total };
}

/**
 * A meeting's resolutions as edited in its form: existing ones (by id) change their wording, responsible party
 * and order — their status, history and, once extended, their deadline stay (the handler checks) — new ones start
 * open, and the ones no longer listed go (the handler allows it only for untouched ones).
 */
export function writeResolutions(db: Db, meetingId: string, list: ResolutionFields[], operator: string): void {
  const keep = new Set(list.flatMap((r) => (r.id ? [r.id] : [])));
  const existing = db.prepare('SELECT id FROM joint_resolutions WHERE meeting_id = ?').all(meetingId) as { id: string }[];
  const remove = db.prepare('DELETE FROM joint_resolutions WHERE id = ?');
  for (const { id } of existing) if (!keep.has(id)) remove.run(id);
  const update = db.prepare(
    `UPDATE joint_resolutions SET seq = ?, content = ?, responsible_party = ?, responsible_person = ?, due_on = ?,
       updated_at = ?, operator = ? WHERE id = ? AND meeting_id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO joint_resolutions (id, meeting_id, seq, content, responsible_party, responsible_person, due_on,
       created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const s = newStamps(operator);
  list.forEach((r, i) => {
    if (r.id) update.run(i, r.content, r.responsibleParty, r.responsiblePerson, r.dueOn, s.updated_at, operator, r.id, meetingId);
    else insert.run(newId(), meetingId, i, r.content, r.responsibleParty, r.responsiblePerson, r.dueOn, s.created_at, s.updated_at, operator);
  });
}

/** A step along the allowed path (the handler checks it): the new status and the facts it needs. */
export function setResolutionStatus(
  db: Db,
  id: string,
  step: { status: ResolutionStatus; doneOn: string | null; droppedReason: string | null },
  operator: string,
): void {
  db.prepare('UPDATE joint_resolutions SET status = ?, done_on = ?, dropped_reason = ?, updated_at = ?, operator = ? WHERE id = ?')
    .run(step.status, step.doneOn, step.droppedReason, nowIso(), operator, id);
}

/** Moves the deadline and keeps the one it replaces, with the reason, in the same transaction. */
export function extendResolution(db: Db, r: ResolutionRow, newDueOn: string, reason: string, operator: string): void {
  const at = nowIso();
  db.prepare(
    `INSERT INTO resolution_extensions (id, resolution_id, old_due_on, new_due_on, reason, created_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), r.id, r.dueOn, newDueOn, reason, at, operator);
  db.prepare('UPDATE joint_resolutions SET due_on = ?, updated_at = ?, operator = ? WHERE id = ?').run(newDueOn, at, operator, r.id);
}

export function setResolutionFeedback(
  db: Db,
  id: string,
  f: { noticedOn: string | null; rating: ResidentRating | null },
  operator: string,
): void {
  db.prepare('UPDATE joint_resolutions SET noticed_on = ?, rating = ?, updated_at = ?, operator = ? WHERE id = ?')
    .run(f.noticedOn, f.rating, nowIso(), operator, id);
}
