import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import type { RuleFields, RuleRow } from './types';
export type { Expiry, RuleFields, RuleRow } from './types';

/**
 * Points rules as versioned rows: a change is a new version effective from a date, never an edit, so every
 * entry keeps the rule it was written under. Points and hours are integer tenths (1 point = 10).
 */

const SELECT = `SELECT id, version, effective_from AS effectiveFrom, points_per_hour AS pointsPerHour,
  max_hours_per_activity AS maxHoursPerActivity, meeting_base_points AS meetingBasePoints, expiry, note,
  created_at AS createdAt, operator FROM points_rules`;

export function listRules(db: Db): RuleRow[] {
  return db.prepare(`${SELECT} ORDER BY effective_from DESC, version DESC`).all() as RuleRow[];
}

export function getRule(db: Db, id: string): RuleRow | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as RuleRow | undefined;
}

/** The rule in force on a date: the newest version effective on or before it. */
export function ruleOn(db: Db, date: string): RuleRow {
  const row = db.prepare(`${SELECT} WHERE effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1`).get(date) as
    | RuleRow
    | undefined;
  // Migration 006 writes version 1 effective from 2000-01-01, so a date in range always has a rule.
  return row ?? (db.prepare(`${SELECT} ORDER BY effective_from, version LIMIT 1`).get() as RuleRow);
}

export function insertRule(db: Db, f: RuleFields, operator: string): string {
  const id = newId();
  const version = ((db.prepare('SELECT MAX(version) AS v FROM points_rules').get() as { v: number | null }).v ?? 0) + 1;
  db.prepare(
    `INSERT INTO points_rules (id, version, effective_from, points_per_hour, max_hours_per_activity,
                               meeting_base_points, expiry, note, created_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, version, f.effectiveFrom, f.pointsPerHour, f.maxHoursPerActivity, f.meetingBasePoints, f.expiry, f.note,
    nowIso(), operator);
  return id;
}

/** Points (tenths) for hours served (tenths) under a rule: the cap first, then the rate, rounded to a tenth. */
export function pointsForHours(rule: Pick<RuleFields, 'pointsPerHour' | 'maxHoursPerActivity'>, hours: number): { credited: number; points: number } {
  const credited = rule.maxHoursPerActivity === null ? hours : Math.min(hours, rule.maxHoursPerActivity);
  return { credited, points: Math.round((credited * rule.pointsPerHour) / 10) };
}
