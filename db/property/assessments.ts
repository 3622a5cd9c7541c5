import type { Db } from '../open';
import { newId } from '../ids';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { AssessmentFields, AssessmentRow, AssessorBodyCode, PeriodRow, ScoreFields, SheetFields, SheetRow } from './types';
export type { AssessmentFields, AssessmentRow, AssessorBodyCode, PeriodRow, ScoreFields, SheetFields, SheetRow } from './types';

const SELECT = `
  SELECT a.id, a.period, a.estate_id AS estateId, p.name AS estateName, c.name AS communityName,
         a.company_id AS companyId, co.name AS companyName, a.template_id AS templateId, t.name AS templateName,
         t.version AS templateVersion, a.note, a.created_at AS createdAt, a.updated_at AS updatedAt, a.operator,
         (SELECT COUNT(*) FROM assessment_sheets s WHERE s.assessment_id = a.id) AS sheets
  FROM assessments a
  JOIN places p ON p.id = a.estate_id
  JOIN places c ON c.id = p.parent_id
  JOIN property_companies co ON co.id = a.company_id
  JOIN assessment_templates t ON t.id = a.template_id`;

export function listAssessments(db: Db, f: { period: string | null; estateId: string | null }): AssessmentRow[] {
  const where = new Where();
  if (f.period) where.add('a.period = ?', f.period);
  if (f.estateId) where.add('a.estate_id = ?', f.estateId);
  return db.prepare(`${SELECT} ${where.sql} ORDER BY a.period DESC, c.name, p.name, a.id`).all(...where.args) as AssessmentRow[];
}

export function getAssessment(db: Db, id: string): AssessmentRow | undefined {
  return db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AssessmentRow | undefined;
}

export function findAssessment(db: Db, f: { period: string; estateId: string; companyId: string }): { id: string } | undefined {
  return db.prepare('SELECT id FROM assessments WHERE period = ? AND estate_id = ? AND company_id = ?').get(f.period, f.estateId, f.companyId) as { id: string } | undefined;
}

export function insertAssessment(db: Db, f: AssessmentFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO assessments (id, period, estate_id, company_id, template_id, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.period, f.estateId, f.companyId, f.templateId, f.note, s.created_at, s.updated_at, operator);
  return id;
}

export function deleteAssessment(db: Db, id: string): void {
  db.prepare('DELETE FROM assessments WHERE id = ?').run(id);
}

// ---------------------------------------------------------------- one body's sheet

export function sheetsOf(db: Db, assessmentId: string): SheetRow[] {
  const sheets = db
    .prepare(
      `SELECT id, body, assessor, scored_on AS scoredOn, total_tenths AS totalTenths, vetoed, created_at AS createdAt,
              updated_at AS updatedAt, operator
       FROM assessment_sheets WHERE assessment_id = ? ORDER BY created_at, id`,
    )
    .all(assessmentId) as (Omit<SheetRow, 'scores' | 'vetoed'> & { vetoed: number })[];
  const scores = db.prepare(
    `SELECT s.id, s.item_id AS itemId, s.met, s.rate_permille AS ratePermille, s.vetoed, s.veto_note AS vetoNote,
            s.standard_tenths AS standardTenths, s.score_tenths AS scoreTenths
     FROM assessment_scores s JOIN assessment_items i ON i.id = s.item_id WHERE s.sheet_id = ? ORDER BY i.seq`,
  );
  const findings = db.prepare('SELECT note FROM assessment_findings WHERE score_id = ? ORDER BY seq').pluck();
  return sheets.map((sheet) => ({
    ...sheet,
    vetoed: sheet.vetoed === 1,
    scores: (scores.all(sheet.id) as { id: string; itemId: string; met: number | null; ratePermille: number | null; vetoed: number | null; vetoNote: string | null; standardTenths: number; scoreTenths: number }[])
      .map(({ id, met, vetoed, ...s }) => ({
        ...s,
        met: met === null ? null : met === 1,
        vetoed: vetoed === 1,
        findings: findings.all(id) as string[],
      })),
  }));
}

/** A body's sheet written as a whole (a second save replaces the first; the audit entry keeps it). */
export function replaceSheet(db: Db, assessmentId: string, f: SheetFields, scores: ScoreFields[], operator: string): void {
  const before = db.prepare('SELECT created_at FROM assessment_sheets WHERE assessment_id = ? AND body = ?').get(assessmentId, f.body) as { created_at: string } | undefined;
  deleteSheet(db, assessmentId, f.body);
  const s = newStamps(operator);
  const sheetId = newId();
  db.prepare(
    `INSERT INTO assessment_sheets (id, assessment_id, body, assessor, scored_on, total_tenths, vetoed, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(sheetId, assessmentId, f.body, f.assessor, f.scoredOn, f.totalTenths, f.vetoed ? 1 : 0, before?.created_at ?? s.created_at, s.updated_at, operator);
  const score = db.prepare(
    `INSERT INTO assessment_scores (id, sheet_id, item_id, met, rate_permille, vetoed, veto_note, standard_tenths, score_tenths)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const finding = db.prepare('INSERT INTO assessment_findings (id, score_id, seq, note) VALUES (?, ?, ?, ?)');
  for (const e of scores) {
    const scoreId = newId();
    const met = e.met === null ? null : e.met ? 1 : 0;
    score.run(scoreId, sheetId, e.itemId, met, e.ratePermille, e.vetoed ? 1 : 0, e.vetoNote, e.standardTenths, e.scoreTenths);
    e.findings.forEach((note, i) => finding.run(newId(), scoreId, i + 1, note));
  }
  db.prepare('UPDATE assessments SET updated_at = ?, operator = ? WHERE id = ?').run(s.updated_at, operator, assessmentId);
}

export function deleteSheet(db: Db, assessmentId: string, body: AssessorBodyCode): void {
  db.prepare('DELETE FROM assessment_sheets WHERE assessment_id = ? AND body = ?').run(assessmentId, body);
}

// ---------------------------------------------------------------- a period across the street

export interface PeriodSheetRow {
  assessmentId: string;
  estateId: string;
  estateName: string;
  companyId: string;
  companyName: string;
  body: AssessorBodyCode | null;
  totalTenths: number | null;
  vetoed: number | null;
}

/** Every assessment of a period with its bodies' totals (a row per sheet; one with nulls if none yet). */
export function periodSheets(db: Db, period: string): PeriodSheetRow[] {
  return db
    .prepare(
      `SELECT a.id AS assessmentId, a.estate_id AS estateId, p.name AS estateName, a.company_id AS companyId,
              co.name AS companyName, s.body, s.total_tenths AS totalTenths, s.vetoed
       FROM assessments a
       JOIN places p ON p.id = a.estate_id
       JOIN property_companies co ON co.id = a.company_id
       LEFT JOIN assessment_sheets s ON s.assessment_id = a.id
       WHERE a.period = ?
       ORDER BY a.id, s.body`,
    )
    .all(period) as PeriodSheetRow[];
}

/** The periods with assessments, newest first, with where their list stands. */
export function listPeriods(db: Db): PeriodRow[] {
  return db
    .prepare(
      `SELECT a.period, COUNT(*) AS assessments,
              SUM(EXISTS (SELECT 1 FROM assessment_sheets s WHERE s.assessment_id = a.id)) AS scored,
              COALESCE((SELECT MAX(revision) FROM assessment_lists l WHERE l.period = a.period), 0) AS revision,
              MAX(a.updated_at) AS lastChangeAt
       FROM assessments a GROUP BY a.period ORDER BY a.period DESC`,
    )
    .all() as PeriodRow[];
}
