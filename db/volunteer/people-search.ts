import type { Db } from '../open';
import { Where } from '../where';
import { memberNameCondition, nameCondition } from './people';
import type { PersonEntry, PersonPick } from './types';

/** Volunteers, then active members not on the volunteer register yet, whose name matches: the person pickers. */
export function searchPeople(db: Db, q: string, limit: number): PersonPick[] {
  // `+`: the name indexes drive, not the active flag (see listVolunteers).
  const where = new Where().add('+v.active = 1');
  nameCondition(where, q);
  const volunteers = db
    .prepare(
      `SELECT v.id AS volunteerId, v.member_id AS memberId, CASE WHEN v.member_id IS NULL THEN v.name ELSE m.name END AS name,
              o.id AS orgId, o.name AS orgName, CASE WHEN v.member_id IS NULL THEN 'resident' ELSE 'member' END AS kind, p.name AS postName
       FROM volunteers v JOIN orgs o ON o.id = v.org_id LEFT JOIN members m ON m.id = v.member_id
       LEFT JOIN volunteer_posts p ON p.id = v.post_id ${where.sql} ORDER BY v.name_pinyin LIMIT ?`,
    )
    .all(...where.args, limit) as PersonPick[];
  const unlisted = new Where().add("+m.lifecycle = 'active'").add('NOT EXISTS (SELECT 1 FROM volunteers v WHERE v.member_id = m.id)');
  memberNameCondition(unlisted, q);
  const members = db
    .prepare(
      `SELECT NULL AS volunteerId, m.id AS memberId, m.name, o.id AS orgId, o.name AS orgName, 'member' AS kind, NULL AS postName
       FROM members m JOIN orgs o ON o.id = m.org_id ${unlisted.sql} ORDER BY m.name_pinyin LIMIT ?`,
    )
    .all(...unlisted.args, limit) as PersonPick[];
  return [...volunteers, ...members].slice(0, limit);
}

const MEMBERS = `SELECT v.id AS volunteerId, m.id AS memberId, m.name, m.org_id AS orgId, o.path AS orgPath, v.post_id AS postId,
    m.id_number AS idNumber
  FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN volunteers v ON v.member_id = m.id`;
const RESIDENTS = `SELECT v.id AS volunteerId, NULL AS memberId, v.name, v.org_id AS orgId, o.path AS orgPath, v.post_id AS postId,
    v.id_number AS idNumber
  FROM volunteers v JOIN orgs o ON o.id = v.org_id`;

/** Members, then residents not linked to a member, holding any of these ID numbers: an import's rows in one read each. */
export function peopleWithIdNumbers(db: Db, idNumbers: readonly string[]): (PersonEntry & { idNumber: string })[] {
  const ids = JSON.stringify(idNumbers);
  const within = 'IN (SELECT value FROM json_each(?))';
  return [
    ...(db.prepare(`${MEMBERS} WHERE m.id_number ${within}`).all(ids) as (PersonEntry & { idNumber: string })[]),
    ...(db.prepare(`${RESIDENTS} WHERE v.member_id IS NULL AND v.id_number ${within}`).all(ids) as (PersonEntry & { idNumber: string })[]),
  ];
}

/** Active members, then active residents not linked to a member, of exactly this name: a row that gives no ID number. */
export function activePeopleNamed(db: Db, name: string): PersonEntry[] {
  return [
    ...(db.prepare(`${MEMBERS} WHERE m.name = ? AND m.lifecycle = 'active'`).all(name) as PersonEntry[]),
    ...(db.prepare(`${RESIDENTS} WHERE v.name = ? AND v.member_id IS NULL AND v.active = 1`).all(name) as PersonEntry[]),
  ];
}
