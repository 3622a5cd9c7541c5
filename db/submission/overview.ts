import type { Db } from '../open';
import type { UnitCounts } from './types';

const ZERO: UnitCounts = {
  members: 0, full: 0, probationary: 0, orgs: 0, volunteers: 0, hours: 0, points: 0, received: 0, done: 0, rated: 0, satisfied: 0, overdue: 0,
};

/** Per unit code; a unit without copies of a table counts zero there. */
export function unitCounts(db: Db, year: number, month: string, today: string): Map<string, UnitCounts> {
  const keys: Record<string, keyof UnitCounts> = {
    members: 'members', 'members.full': 'full', 'members.probationary': 'probationary', orgs: 'orgs', volunteers: 'volunteers',
    [`hours:${year}`]: 'hours', [`points:${year}`]: 'points',
    [`received:${month}`]: 'received', [`done:${month}`]: 'done', [`rated:${month}`]: 'rated', [`satisfied:${month}`]: 'satisfied',
  };
  const rows = db.prepare(`SELECT unit_code AS unit, figure, n FROM consolidated_figures WHERE figure IN (SELECT value FROM json_each(?))
    UNION ALL
    SELECT unit_code, 'overdue', SUM(n) FROM consolidated_figures WHERE figure >= 'open:' AND figure < 'open:' || ? GROUP BY unit_code`)
    .all(JSON.stringify(Object.keys(keys)), today) as { unit: string; figure: string; n: number }[];
  const by = new Map<string, UnitCounts>();
  for (const r of rows) {
    const c = by.get(r.unit) ?? { ...ZERO };
    c[keys[r.figure] ?? 'overdue'] += r.n;
    by.set(r.unit, c);
  }
  return by;
}

const J = (field: string) => `json_extract(COALESCE(r.local_record, r.record), '$.${field}')`;

export interface MeetingCount {
  orgId: string;
  type: string;
  month: string;
  n: number;
}

/** One unit's meetings held from..to, counted per organisation, type and month (what compliance is built from). */
export function meetingCounts(db: Db, unit: string, from: string, to: string): MeetingCount[] {
  return db.prepare(`SELECT orgId, type, substr(heldOn, 1, 7) AS month, COUNT(*) AS n
    FROM (SELECT ${J('orgId')} AS orgId, ${J('type')} AS type, ${J('heldOn')} AS heldOn
          FROM consolidated_rows r WHERE r.unit_code = ? AND r.table_name = 'party.meetings' AND r.removed_at IS NULL)
    WHERE heldOn BETWEEN ? AND ? GROUP BY orgId, type, month`).all(unit, from, to) as MeetingCount[];
}

export interface TopVolunteer {
  unit: string;
  id: string;
  name: string;
  community: string;
  earned: number;
  hours: number;
}

/**
 * The year's leaders over every consolidated person, as 积分排行 ranks them (points earned, then hours; people
 * with neither left out), from the kept per-person figures; names and communities from their copies.
 */
export function topVolunteers(db: Db, year: number, limit: number): TopVolunteer[] {
  const [earned, served] = [`earned:${year}:`, `served:${year}:`];
  const top = db.prepare(`SELECT unit, id, SUM(earned) AS earned, SUM(hours) AS hours FROM (
      SELECT unit_code AS unit, substr(figure, ${earned.length + 1}) AS id, n AS earned, 0 AS hours FROM consolidated_figures
        WHERE figure >= @earned AND figure < @earned || '~'
      UNION ALL
      SELECT unit_code, substr(figure, ${served.length + 1}), 0, n FROM consolidated_figures WHERE figure >= @served AND figure < @served || '~')
    GROUP BY unit, id HAVING earned > 0 OR hours > 0 ORDER BY earned DESC, hours DESC LIMIT @limit`).all({ earned, served, limit }) as Omit<TopVolunteer, 'name' | 'community'>[];
  const person = db.prepare(`SELECT ${J('name')} AS name, ${J('community')} AS community FROM consolidated_rows r
    WHERE r.unit_code = ? AND r.table_name = 'volunteer.people' AND r.record_id = ?`);
  return top.map((t) => ({ ...t, ...((person.get(t.unit, t.id) as { name: string; community: string } | undefined) ?? { name: '', community: '' }) }));
}
