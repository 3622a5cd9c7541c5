import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { CommitteeMemberFields, CommitteeMemberRow, TermFields, TermRow } from './types';
export type { CommitteeMemberFields, CommitteeMemberRow, CommitteeRole, TermFields, TermRow } from './types';

const SELECT = `
  SELECT t.id, t.estate_id AS estateId, p.name AS estateName, p.parent_id AS communityId, t.term_no AS termNo,
         t.elected_on AS electedOn, t.starts_on AS startsOn, t.ends_on AS endsOn, t.filed_on AS filedOn,
         t.first_meeting_on AS firstMeetingOn, t.note,
         (SELECT COUNT(*) FROM committee_members m WHERE m.term_id = t.id) AS memberCount,
         (SELECT COUNT(*) FROM committee_members m WHERE m.term_id = t.id AND m.is_party_member = 1) AS partyMemberCount,
         EXISTS (SELECT 1 FROM committee_terms s WHERE s.estate_id = t.estate_id AND s.starts_on > t.starts_on) AS succeeded,
         t.created_at AS createdAt, t.updated_at AS updatedAt, t.operator
  FROM committee_terms t JOIN places p ON p.id = t.estate_id`;

const asTerm = (r: TermRow): TermRow => ({ ...r, succeeded: Boolean(r.succeeded) });

export function getTerm(db: Db, id: string): TermRow | undefined {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TermRow | undefined;
  return row && asTerm(row);
}

export function termsOfEstate(db: Db, estateId: string): TermRow[] {
  return (db.prepare(`${SELECT} WHERE t.estate_id = ? ORDER BY t.starts_on DESC`).all(estateId) as TermRow[]).map(asTerm);
}

/**
 * Terms without a successor that end on or before `endsBy`, across the street or one community (the range on
 * committee_terms_ends). The caller passes a bound a little wide and lets termState decide each one exactly.
 */
export function unsucceededTermsEndingBy(db: Db, endsBy: string, communityId: string | null): TermRow[] {
  return (db
    .prepare(`${SELECT} WHERE t.ends_on <= ? AND (? IS NULL OR p.parent_id = ?) AND NOT EXISTS
      (SELECT 1 FROM committee_terms s WHERE s.estate_id = t.estate_id AND s.starts_on > t.starts_on)
      ORDER BY t.ends_on, t.id`)
    .all(endsBy, communityId, communityId) as TermRow[]).map(asTerm);
}

export function findTermByNo(db: Db, estateId: string, termNo: number): { id: string } | undefined {
  return db.prepare('SELECT id FROM committee_terms WHERE estate_id = ? AND term_no = ?').get(estateId, termNo) as { id: string } | undefined;
}

export function membersOfTerm(db: Db, termId: string): CommitteeMemberRow[] {
  const rows = db
    .prepare(
      `SELECT c.member_id AS memberId, COALESCE(c.name, m.name) AS name, c.role, c.is_party_member AS isPartyMember,
              c.on_residents_committee AS onResidentsCommittee
       FROM committee_members c LEFT JOIN members m ON m.id = c.member_id WHERE c.term_id = ? ORDER BY c.seq`,
    )
    .all(termId) as (Omit<CommitteeMemberRow, 'isPartyMember' | 'onResidentsCommittee'> & { isPartyMember: number; onResidentsCommittee: number })[];
  return rows.map((r) => ({ ...r, isPartyMember: r.isPartyMember === 1, onResidentsCommittee: r.onResidentsCommittee === 1 }));
}

/** The roster is written as a whole, like a meeting's attendance: the form shows and saves all of it. */
function writeMembers(db: Db, termId: string, members: CommitteeMemberFields[]) {
  db.prepare('DELETE FROM committee_members WHERE term_id = ?').run(termId);
  const insert = db.prepare(
    `INSERT INTO committee_members (id, term_id, seq, member_id, name, role, is_party_member, on_residents_committee)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  members.forEach((m, i) =>
    insert.run(newId(), termId, i, m.memberId, m.memberId ? null : m.name, m.role, m.isPartyMember ? 1 : 0, m.onResidentsCommittee ? 1 : 0),
  );
}

export function insertTerm(db: Db, f: TermFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO committee_terms (id, estate_id, term_no, elected_on, starts_on, ends_on, filed_on, first_meeting_on, note,
       created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.estateId, f.termNo, f.electedOn, f.startsOn, f.endsOn, f.filedOn, f.firstMeetingOn, f.note,
    s.created_at, s.updated_at, operator);
  writeMembers(db, id, f.members);
  return id;
}

export function updateTerm(db: Db, id: string, f: TermFields, operator: string): void {
  db.prepare(
    `UPDATE committee_terms SET term_no = ?, elected_on = ?, starts_on = ?, ends_on = ?, filed_on = ?, first_meeting_on = ?,
       note = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(f.termNo, f.electedOn, f.startsOn, f.endsOn, f.filedOn, f.firstMeetingOn, f.note, nowIso(), operator, id);
  writeMembers(db, id, f.members);
}

export function deleteTerm(db: Db, id: string): void {
  db.prepare('DELETE FROM committee_terms WHERE id = ?').run(id);
}
