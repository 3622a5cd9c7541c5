import type { Db } from '../../../../db/open';
import {
  deleteTemplate,
  draftOf,
  fieldsOf,
  getTemplate,
  insertTemplate,
  latestVersion,
  listTemplates,
  markPublished,
  replaceDraft,
} from '../../../../db/property/templates';
import { DomainError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { propertyContract, TemplateDetail } from '../contract';
import { templateProblems } from '../scoring';
import { printBlankSheet } from './assessment-documents';

type C = typeof propertyContract;

export function templateDetail(db: Db, id: string): TemplateDetail {
  const record = getTemplate(db, id);
  if (!record) throw notFound('考评表');
  return { ...record, problems: templateProblems({ totalTenths: record.template.totalTenths, categories: record.categories }) };
}

function mustBeDraft(d: TemplateDetail, doing: string) {
  if (d.template.status !== 'draft') {
    throw new DomainError('CONFLICT', `“${d.template.name}”第 ${d.template.version} 版已发布，不能${doing}；请建立新版本`, 'TEMPLATE_PUBLISHED');
  }
}

export const templateHandlers: Pick<
  Handlers<C>,
  | 'property.listTemplates' | 'property.getTemplate' | 'property.createTemplate' | 'property.updateTemplate'
  | 'property.deleteTemplate' | 'property.publishTemplate' | 'property.newTemplateVersion' | 'property.printBlankSheet'
> = {
  'property.listTemplates': (_, { db }) => listTemplates(db),

  'property.getTemplate': ({ id }, { db }) => templateDetail(db, id),

  'property.createTemplate': (input, { db, operator, audit }) => {
    const id = insertTemplate(db, input, operator);
    const after = templateDetail(db, id);
    audit({ action: 'create', entity: 'assessment_template', entityId: id, after });
    return after;
  },

  'property.updateTemplate': ({ id, template }, { db, operator, audit }) => {
    const before = templateDetail(db, id);
    mustBeDraft(before, '修改');
    replaceDraft(db, id, template, operator);
    const after = templateDetail(db, id);
    audit({ action: 'update', entity: 'assessment_template', entityId: id, before, after });
    return after;
  },

  'property.deleteTemplate': ({ id }, { db, audit }) => {
    const before = templateDetail(db, id);
    mustBeDraft(before, '删除');
    deleteTemplate(db, id);
    audit({ action: 'delete', entity: 'assessment_template', entityId: id, before });
    return null;
  },

  /** Only a sheet that adds up is published; the refusal names every gap, and nothing is written. */
  'property.publishTemplate': ({ id }, { db, operator, audit }) => {
    const before = templateDetail(db, id);
    mustBeDraft(before, '再次发布');
    if (before.problems.length > 0) {
      throw new DomainError('VALIDATION', `考评表分值不平，不能发布：${before.problems.map((p) => p.message).join('；')}`, 'TEMPLATE_TOTALS_MISMATCH', before.problems);
    }
    markPublished(db, id, operator);
    const after = templateDetail(db, id);
    audit({ action: 'publish', entity: 'assessment_template', entityId: id, before: before.template, after: after.template });
    return after;
  },

  /** The next version starts as a draft copy of this one; assessments already scored keep the version they used. */
  'property.newTemplateVersion': ({ id }, { db, operator, audit }) => {
    const from = templateDetail(db, id);
    const lineageId = from.template.lineageId;
    if (draftOf(db, lineageId)) throw new DomainError('CONFLICT', `“${from.template.name}”已有一个正在编辑的新版本`, 'TEMPLATE_DRAFT_EXISTS');
    const newId = insertTemplate(db, fieldsOf(from), operator, { lineageId, version: latestVersion(db, lineageId) + 1 });
    const after = templateDetail(db, newId);
    audit({ action: 'create', entity: 'assessment_template', entityId: newId, after: { ...after.template, from: id } });
    return after;
  },

  'property.printBlankSheet': async ({ id }, { db }) => printBlankSheet(db, templateDetail(db, id)),
};
