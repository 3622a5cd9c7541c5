import type { Db } from '../open';

/**
 * 汇总概览's counts, read in SQL from the consolidated copies (`consolidated_rows`, corrections applied, removed
 * records left out), one query per package table over every unit, each unit's rows reached by the primary key's
 * (unit_code, table_name) prefix. The rules are the module dashboards' as the source counted them when it exported:
 * members on the register (lifecycle active) by 正式/预备, organisations not dissolved, volunteers not left, the
 * year's points earned (spending is not a merit) and hours served.
 */

const J = (field: string) => `json_extract(COALESCE(r.local_record, r.record), '$.${field}')`;
const OF = (table: string) =>
  `consolidated_units u CROSS JOIN consolidated_rows r ON r.unit_code = u.code AND r.table_name = '${table}' AND r.removed_at IS NULL`;

export interface UnitCounts {
  members: number;
  full: number;
  probationary: number;
  orgs: number;
  volunteers: number;
  /** Tenths of an hour / of a point, this year up to `to`. */
  hours: number;
  points: number;
}

const ZERO: UnitCounts = { members: 0, full: 0, probationary: 0, orgs: 0, volunteers: 0, hours: 0, points: 0 };

/** Per unit code; a unit without a table's copies counts zero there. */
export function unitCounts(db: Db, yearFrom: string, to: string): Map<string, UnitCounts> {
  const by = new Map<string, UnitCounts>();
  const add = (rows: ({ unit: string } & Partial<UnitCounts>)[]) => {
    for (const { unit, ...r } of rows) by.set(unit, { ...(by.get(unit) ?? ZERO), ...r });
  };
  add(db.prepare(`SELECT u.code AS unit, COUNT(*) FILTER (WHERE ${J('lifecycle')} = 'active') AS members,
      COUNT(*) FILTER (WHERE ${J('lifecycle')} = 'active' AND ${J('status')} = 'full') AS full,
      COUNT(*) FILTER (WHERE ${J('lifecycle')} = 'active' AND ${J('status')} = 'probationary') AS probationary
    FROM ${OF('party.members')} GROUP BY u.code`).all() as ({ unit: string } & UnitCounts)[]);
  add(db.prepare(`SELECT u.code AS unit, COUNT(*) FILTER (WHERE ${J('status')} = 'active') AS orgs FROM ${OF('party.orgs')} GROUP BY u.code`)
    .all() as ({ unit: string } & UnitCounts)[]);
  add(db.prepare(`SELECT u.code AS unit, COUNT(*) FILTER (WHERE ${J('leftOn')} IS NULL) AS volunteers FROM ${OF('volunteer.people')} GROUP BY u.code`)
    .all() as ({ unit: string } & UnitCounts)[]);
  add(db.prepare(`SELECT u.code AS unit, COALESCE(SUM(${J('hoursTenths')}), 0) AS hours,
      COALESCE(SUM(${J('amount')}) FILTER (WHERE ${J('category')} <> 'redeem'), 0) AS points
    FROM ${OF('volunteer.entries')} WHERE ${J('onDate')} BETWEEN ? AND ? GROUP BY u.code`).all(yearFrom, to) as ({ unit: string } & UnitCounts)[]);
  return by;
}

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
