import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { FaultFields, FaultRow } from './types';
export type { FaultCause, FaultFields, FaultRow } from './types';

const SELECT = `
  SELECT f.id, f.elevator_id AS elevatorId, e.reg_code AS regCode, e.estate_id AS estateId, es.name AS estateName,
         b.name AS buildingName, e.unit_no AS unitNo, e.car_label AS carLabel, f.alarm_at AS alarmAt,
         f.arrived_at AS arrivedAt, f.released_at AS releasedAt, f.people_trapped AS peopleTrapped, f.cause, f.rescuer,
         f.response_minutes AS responseMinutes,
         CAST(round((julianday(f.released_at) - julianday(f.alarm_at)) * 1440) AS INTEGER) AS trappedMinutes,
         f.note, f.created_at AS createdAt, f.updated_at AS updatedAt, f.operator
  FROM elevator_faults f
  JOIN elevators e ON e.id = f.elevator_id
  JOIN places es ON es.id = e.estate_id
  JOIN places b ON b.id = e.building_id`;

export function getFault(db: Db, id: string): FaultRow | undefined {
  return db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FaultRow | undefined;
}

export interface FaultFilter {
  elevatorId: string | null;
  estateId: string | null;
  entrapmentsOnly: boolean;
  /** Only rescues whose response took longer than this many minutes. */
  slowerThan: number | null;
  /** Alarm days, inclusive. */
  from: string | null;
  to: string | null;
  offset: number;
  limit: number;
}

/**
 * Faults newest first: one elevator's history (index elevator_faults_elevator), or the street's entrapments
 * (index elevator_faults_entrapments — its condition people_trapped > 0 is written as the index states it).
 */
export function listFaults(db: Db, f: FaultFilter): { rows: FaultRow[]; total: number } {
  const where = new Where();
  if (f.elevatorId) where.add('f.elevator_id = ?', f.elevatorId);
  if (f.entrapmentsOnly || f.slowerThan !== null) where.add('f.people_trapped > 0');
  if (f.slowerThan !== null) where.add('f.response_minutes > ?', f.slowerThan);
  if (f.from) where.add('f.alarm_at >= ?', f.from);
  if (f.to) where.add("f.alarm_at < date(?, '+1 day')", f.to);
  if (f.estateId) where.add('e.estate_id = ?', f.estateId);
  const rows = db.prepare(`${SELECT} ${where.sql} ORDER BY f.alarm_at DESC, f.id DESC LIMIT ? OFFSET ?`).all(...where.args, f.limit, f.offset) as FaultRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM elevator_faults f JOIN elevators e ON e.id = f.elevator_id ${where.sql}`)
    .get(...where.args) as { n: number }).n;
  return { rows, total };
}

const values = (f: FaultFields) => [f.elevatorId, f.alarmAt, f.arrivedAt, f.releasedAt, f.peopleTrapped, f.cause, f.rescuer, f.note];

export function insertFault(db: Db, f: FaultFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO elevator_faults (id, elevator_id, alarm_at, arrived_at, released_at, people_trapped, cause, rescuer,
      note, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, ...values(f), s.created_at, s.updated_at, operator);
  return id;
}

export function updateFault(db: Db, id: string, f: FaultFields, operator: string): void {
  db.prepare(`UPDATE elevator_faults SET elevator_id = ?, alarm_at = ?, arrived_at = ?, released_at = ?, people_trapped = ?,
      cause = ?, rescuer = ?, note = ?, updated_at = ?, operator = ? WHERE id = ?`).run(...values(f), nowIso(), operator, id);
}

export function deleteFault(db: Db, id: string): void {
  db.prepare('DELETE FROM elevator_faults WHERE id = ?').run(id);
}

/** Entrapments in a period as the overview sums them (minutes; medians in tenths of a minute, null when none). */
export interface EntrapmentFigures {
  entrapments: number;
  /** Rescuers on site within the limit (arrival − alarm ≤ limit). */
  withinLimit: number;
  medianArrivalTenths: number | null;
  medianReleaseTenths: number | null;
}

// The period's entrapments, read from elevator_faults_entrapments: its condition people_trapped > 0 as the index
// states it, the range on its column. An entrapment has its release time (CHECK), so both spans are always there.
const TRAPPED = `SELECT f.response_minutes AS arrival, CAST(round((julianday(f.released_at) - julianday(f.alarm_at)) * 1440) AS INTEGER) AS release
  FROM elevator_faults f WHERE f.people_trapped > 0 AND f.alarm_at >= @from AND f.alarm_at < date(@to, '+1 day')`;

/** The middle value, or the mean of the two middle ones, in tenths: the rows sorted, the middle one or two taken. */
const median = (column: 'arrival' | 'release') => `
  WITH t AS (${TRAPPED}), n AS (SELECT COUNT(*) AS c FROM t)
  SELECT SUM(x) AS s, COUNT(*) AS k FROM (SELECT ${column} AS x FROM t ORDER BY x LIMIT 2 - (SELECT c FROM n) % 2 OFFSET ((SELECT c FROM n) - 1) / 2)`;

/**
 * Response times of the period's entrapments, in SQL: how many, how many rescuers arrived within the limit, and the
 * median of arrival − alarm and of release − alarm. Integers throughout; a median of two is their sum × 5 tenths.
 */
export function entrapmentFigures(db: Db, p: { from: string; to: string; limitMinutes: number }): EntrapmentFigures {
  const args = { from: p.from, to: p.to };
  const totals = db.prepare(`WITH t AS (${TRAPPED}) SELECT COUNT(*) AS n, COALESCE(SUM(arrival <= @limit), 0) AS within FROM t`)
    .get({ ...args, limit: p.limitMinutes }) as { n: number; within: number };
  const tenths = (column: 'arrival' | 'release') => {
    const r = db.prepare(median(column)).get(args) as { s: number | null; k: number };
    return r.k === 0 || r.s === null ? null : (r.s * 10) / r.k;
  };
  return { entrapments: totals.n, withinLimit: totals.within, medianArrivalTenths: tenths('arrival'), medianReleaseTenths: tenths('release') };
}
