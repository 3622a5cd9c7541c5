import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { EstateFigures, EstateRef, FeeFields, FigureRow, SurveyFields } from './types';
export type { EstateFigures, EstateRef, FeeFields, FigureRow, SurveyFields } from './types';

/**
 * The two period registers of an estate — satisfaction surveys and fee collection — share their shape: one row
 * per estate and quarter, edited in place (the handler audits before and after). One spec per table names its
 * figure columns; every statement is built from it, so the two cannot drift apart.
 */

export interface FigureSpec<F> {
  table: 'property_surveys' | 'property_fees';
  columns: { [K in keyof F]: string };
}

export const SURVEYS: FigureSpec<SurveyFields> = {
  table: 'property_surveys',
  columns: {
    households: 'households', sampleSize: 'sample_size', reached: 'reached', satisfied: 'satisfied',
    mostlySatisfied: 'mostly_satisfied', unsatisfied: 'unsatisfied', note: 'note',
  },
};

export const FEES: FigureSpec<FeeFields> = {
  table: 'property_fees',
  columns: { receivableFen: 'receivable_fen', unpaidFen: 'unpaid_fen', arrearsCollectedFen: 'arrears_collected_fen', note: 'note' },
};

const keys = <F>(s: FigureSpec<F>) => Object.keys(s.columns) as (keyof F & string)[];
/**
 * The row's own columns. Where a LEFT JOIN reads them beside the estate's, the estate's take names of their own
 * (rowId, placeHouseholds): a missing row's nulls must not overwrite them.
 */
const rowColumns = <F>(s: FigureSpec<F>, alias: string) =>
  [...keys(s).map((k) => `${alias}.${s.columns[k]} AS ${k}`), `${alias}.created_at AS createdAt`, `${alias}.updated_at AS updatedAt`,
    `${alias}.operator`].join(', ');
const selectList = <F>(s: FigureSpec<F>, alias: string) => `${rowColumns(s, alias)}, ${alias}.id, ${alias}.estate_id AS estateId, ${alias}.period`;

/** Whether an estate has a property profile (the grids write only for those). */
export const hasProfile = (db: Db, estateId: string): boolean =>
  db.prepare('SELECT 1 FROM property_estates WHERE place_id = ?').get(estateId) !== undefined;

export function figureOf<F>(db: Db, s: FigureSpec<F>, estateId: string, period: string): FigureRow<F> | undefined {
  return db.prepare(`SELECT ${selectList(s, 'f')} FROM ${s.table} f WHERE f.estate_id = ? AND f.period = ?`).get(estateId, period) as
    | FigureRow<F>
    | undefined;
}

export function getFigure<F>(db: Db, s: FigureSpec<F>, id: string): FigureRow<F> | undefined {
  return db.prepare(`SELECT ${selectList(s, 'f')} FROM ${s.table} f WHERE f.id = ?`).get(id) as FigureRow<F> | undefined;
}

/** Every estate with a property profile (or one community's), each with its row for the period or null. */
export function estatesWithFigures<F>(db: Db, s: FigureSpec<F>, period: string, communityId: string | null): EstateFigures<F>[] {
  const rows = db
    .prepare(
      `SELECT e.place_id AS estateId, p.name AS estateName, c.name AS communityName, e.management, p.households AS placeHouseholds,
              f.id AS rowId, ${rowColumns(s, 'f')}
       FROM property_estates e JOIN places p ON p.id = e.place_id JOIN places c ON c.id = p.parent_id
       LEFT JOIN ${s.table} f ON f.estate_id = e.place_id AND f.period = ?
       WHERE (? IS NULL OR p.parent_id = ?)
       ORDER BY c.name, p.name, e.place_id`,
    )
    .all(period, communityId, communityId) as (Record<string, unknown> & { rowId: string | null })[];
  return rows.map((r) => ({
    estateId: r.estateId as string,
    estateName: r.estateName as string,
    communityName: r.communityName as string,
    management: r.management as EstateFigures<F>['management'],
    households: r.placeHouseholds as number | null,
    row: r.rowId === null ? null : ({
      ...Object.fromEntries(keys(s).map((k) => [k, r[k]])),
      id: r.rowId, estateId: r.estateId, period, createdAt: r.createdAt, updatedAt: r.updatedAt, operator: r.operator,
    } as FigureRow<F>),
  }));
}

/** An estate's rows, oldest period first (its trend); read from the UNIQUE (estate_id, period) index. */
export function figuresOfEstate<F>(db: Db, s: FigureSpec<F>, estateId: string): FigureRow<F>[] {
  return db.prepare(`SELECT ${selectList(s, 'f')} FROM ${s.table} f WHERE f.estate_id = ? ORDER BY f.period`).all(estateId) as FigureRow<F>[];
}

export function insertFigure<F>(db: Db, s: FigureSpec<F>, estateId: string, period: string, f: F, operator: string): string {
  const id = newId();
  const st = newStamps(operator);
  const cols = keys(s).map((k) => s.columns[k]);
  db.prepare(
    `INSERT INTO ${s.table} (id, estate_id, period, ${cols.join(', ')}, created_at, updated_at, operator)
     VALUES (?, ?, ?, ${cols.map(() => '?').join(', ')}, ?, ?, ?)`,
  ).run(id, estateId, period, ...keys(s).map((k) => f[k]), st.created_at, st.updated_at, operator);
  return id;
}

export function updateFigure<F>(db: Db, s: FigureSpec<F>, id: string, f: F, operator: string): void {
  db.prepare(`UPDATE ${s.table} SET ${keys(s).map((k) => `${s.columns[k]} = ?`).join(', ')}, updated_at = ?, operator = ? WHERE id = ?`)
    .run(...keys(s).map((k) => f[k]), nowIso(), operator, id);
}

export function deleteFigure<F>(db: Db, s: FigureSpec<F>, id: string): void {
  db.prepare(`DELETE FROM ${s.table} WHERE id = ?`).run(id);
}

/** Whether a row already says exactly this (an unchanged row of the grid is neither written nor audited). */
export const sameFigures = <F>(s: FigureSpec<F>, row: FigureRow<F>, f: F): boolean => keys(s).every((k) => row[k] === f[k]);

// ---------------------------------------------------------------- street-wide sums (covering `(period, …)` indexes)

export interface SurveySums {
  period: string;
  estates: number;
  households: number;
  reached: number;
  satisfied: number;
  mostlySatisfied: number;
}

export interface FeeSums {
  period: string;
  estates: number;
  receivableFen: number;
  unpaidFen: number;
  arrearsCollectedFen: number;
}

/** Σ per quarter from `from` to `to` (inclusive), for the quarters that have rows. */
export function surveySums(db: Db, from: string, to: string): SurveySums[] {
  return db
    .prepare(
      `SELECT period, COUNT(*) AS estates, SUM(households) AS households, SUM(reached) AS reached,
              SUM(satisfied) AS satisfied, SUM(mostly_satisfied) AS mostlySatisfied
       FROM property_surveys WHERE period BETWEEN ? AND ? GROUP BY period ORDER BY period`,
    )
    .all(from, to) as SurveySums[];
}

export function feeSums(db: Db, from: string, to: string): FeeSums[] {
  return db
    .prepare(
      `SELECT period, COUNT(*) AS estates, SUM(receivable_fen) AS receivableFen, SUM(unpaid_fen) AS unpaidFen,
              SUM(arrears_collected_fen) AS arrearsCollectedFen
       FROM property_fees WHERE period BETWEEN ? AND ? GROUP BY period ORDER BY period`,
    )
    .all(from, to) as FeeSums[];
}

/** The newest quarter with any rows up to `to` (the dashboard's "latest period"). */
export function latestPeriod<F>(db: Db, s: FigureSpec<F>, to: string): string | null {
  return (db.prepare(`SELECT MAX(period) AS p FROM ${s.table} WHERE period <= ?`).get(to) as { p: string | null }).p;
}

// ---------------------------------------------------------------- gaps (home-page to-dos)

/**
 * Estates that are managed (by a company or by themselves — an abandoned estate has no one to collect or be
 * surveyed about) without a row in the quarters from `from` to `to`. One probe of the unique index per estate.
 */
export function estatesWithoutFigures<F>(db: Db, s: FigureSpec<F>, from: string, to: string): EstateRef[] {
  return db
    .prepare(
      `SELECT e.place_id AS estateId, p.name AS estateName, c.name AS communityName
       FROM property_estates e JOIN places p ON p.id = e.place_id JOIN places c ON c.id = p.parent_id
       WHERE e.management <> 'abandoned'
         AND NOT EXISTS (SELECT 1 FROM ${s.table} f WHERE f.estate_id = e.place_id AND f.period BETWEEN ? AND ?)
       ORDER BY c.name, p.name, e.place_id`,
    )
    .all(from, to) as EstateRef[];
}
