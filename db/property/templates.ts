import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { TemplateCategoryRow, TemplateItemFields, TemplateItemRow, TemplateRecord, TemplateRow } from './types';
export type { RateKind, ScoringMethodCode, TemplateCategoryRow, TemplateItemFields, TemplateItemRow, TemplateRecord, TemplateRow } from './types';

export interface TemplateFields {
  name: string;
  totalTenths: number;
  note: string | null;
  categories: { name: string; pointsTenths: number; items: TemplateItemFields[] }[];
}

const SELECT = `
  SELECT t.id, t.lineage_id AS lineageId, t.version, t.name, t.total_tenths AS totalTenths, t.status,
         t.published_at AS publishedAt, t.note, t.created_at AS createdAt, t.updated_at AS updatedAt, t.operator,
         (SELECT COUNT(*) FROM assessments a WHERE a.template_id = t.id) AS assessments
  FROM assessment_templates t`;

/** Every version, each sheet's newest first. */
export function listTemplates(db: Db): TemplateRow[] {
  return db.prepare(`${SELECT} ORDER BY t.name, t.lineage_id, t.version DESC`).all() as TemplateRow[];
}

export function getTemplateRow(db: Db, id: string): TemplateRow | undefined {
  return db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TemplateRow | undefined;
}

export function getTemplate(db: Db, id: string): TemplateRecord | undefined {
  const template = getTemplateRow(db, id);
  if (!template) return undefined;
  const categories = db
    .prepare('SELECT id, seq, name, points_tenths AS pointsTenths FROM assessment_categories WHERE template_id = ? ORDER BY seq')
    .all(id) as Omit<TemplateCategoryRow, 'items'>[];
  const items = db
    .prepare(
      `SELECT id, category_id AS categoryId, seq, content, method, points_tenths AS pointsTenths,
              per_finding_tenths AS perFindingTenths, band_full_permille AS bandFullPermille,
              band_part_permille AS bandPartPermille, band_part_tenths AS bandPartTenths, rate_kind AS rateKind, guidance
       FROM assessment_items WHERE template_id = ? ORDER BY seq`,
    )
    .all(id) as TemplateItemRow[];
  return { template, categories: categories.map((c) => ({ ...c, items: items.filter((i) => i.categoryId === c.id) })) };
}

/** The draft of a sheet, if one is being edited (one at most, by index). */
export function draftOf(db: Db, lineageId: string): string | undefined {
  return (db.prepare("SELECT id FROM assessment_templates WHERE lineage_id = ? AND status = 'draft'").get(lineageId) as { id: string } | undefined)?.id;
}

export function latestVersion(db: Db, lineageId: string): number {
  return (db.prepare('SELECT MAX(version) AS v FROM assessment_templates WHERE lineage_id = ?').get(lineageId) as { v: number }).v;
}

function writeContent(db: Db, templateId: string, f: TemplateFields) {
  const category = db.prepare('INSERT INTO assessment_categories (id, template_id, seq, name, points_tenths) VALUES (?, ?, ?, ?, ?)');
  const item = db.prepare(
    `INSERT INTO assessment_items (id, template_id, category_id, seq, content, method, points_tenths, per_finding_tenths,
       band_full_permille, band_part_permille, band_part_tenths, rate_kind, guidance)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = 0;
  f.categories.forEach((c, ci) => {
    const categoryId = newId();
    category.run(categoryId, templateId, ci + 1, c.name, c.pointsTenths);
    for (const i of c.items) {
      item.run(newId(), templateId, categoryId, ++seq, i.content, i.method, i.pointsTenths, i.perFindingTenths,
        i.bandFullPermille, i.bandPartPermille, i.bandPartTenths, i.rateKind, i.guidance);
    }
  });
}

/** A new draft: version 1 of a new sheet, or the next version of `lineage`. */
export function insertTemplate(db: Db, f: TemplateFields, operator: string, lineage?: { lineageId: string; version: number }): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO assessment_templates (id, lineage_id, version, name, total_tenths, status, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
  ).run(id, lineage?.lineageId ?? id, lineage?.version ?? 1, f.name, f.totalTenths, f.note, s.created_at, s.updated_at, operator);
  writeContent(db, id, f);
  return id;
}

/** A draft is saved as a whole: its categories and items are written again. */
export function replaceDraft(db: Db, id: string, f: TemplateFields, operator: string): void {
  db.prepare('UPDATE assessment_templates SET name = ?, total_tenths = ?, note = ?, updated_at = ?, operator = ? WHERE id = ?')
    .run(f.name, f.totalTenths, f.note, nowIso(), operator, id);
  db.prepare('DELETE FROM assessment_items WHERE template_id = ?').run(id);
  db.prepare('DELETE FROM assessment_categories WHERE template_id = ?').run(id);
  writeContent(db, id, f);
}

export function markPublished(db: Db, id: string, operator: string): void {
  const at = nowIso();
  db.prepare("UPDATE assessment_templates SET status = 'published', published_at = ?, updated_at = ?, operator = ? WHERE id = ?").run(at, at, operator, id);
}

export function deleteTemplate(db: Db, id: string): void {
  db.prepare('DELETE FROM assessment_templates WHERE id = ?').run(id);
}

/** A record's content as fields again (to start the next version from it). */
export const fieldsOf = (r: TemplateRecord): TemplateFields => ({
  name: r.template.name,
  totalTenths: r.template.totalTenths,
  note: r.template.note,
  categories: r.categories.map((c) => ({
    name: c.name,
    pointsTenths: c.pointsTenths,
    items: c.items.map(({ id: _id, categoryId: _c, seq: _s, ...item }) => item),
  })),
});
