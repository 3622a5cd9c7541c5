import type { z } from 'zod';
import type { Db } from '../../../../db/open';
import {
  deleteAssessment,
  deleteSheet,
  findAssessment,
  getAssessment,
  insertAssessment,
  listAssessments,
  listPeriods,
  replaceSheet,
  sheetsOf,
  type ScoreFields,
} from '../../../../db/property/assessments';
import { getCompany } from '../../../../db/property/companies';
import { contractsOfEstate } from '../../../../db/property/contracts';
import { getEstate } from '../../../../db/property/estates';
import { FEES, figureOf, SURVEYS } from '../../../../db/property/figures';
import { getTemplate, type TemplateItemRow } from '../../../../db/property/templates';
import { DomainError, notFound, type FieldError } from '../../common/errors';
import type { Share } from '../../common/rates';
import type { Handlers } from '../../router';
import type { SheetInput } from '../assessment-schemas';
import type { AssessmentDetail, propertyContract } from '../contract';
import { collectionShare, satisfactionShare } from '../figures';
import { assessorBodies } from '../labels';
import { combinedScore, entryProblem, itemScore } from '../scoring';
import { propertySettings } from './settings';

type C = typeof propertyContract;

export function assessmentDetail(db: Db, id: string): AssessmentDetail {
  const assessment = getAssessment(db, id);
  if (!assessment) throw notFound('考评记录');
  const sheets = sheetsOf(db, id);
  const weights = propertySettings(db).assessorWeights;
  return {
    assessment,
    template: getTemplate(db, assessment.templateId)!,
    sheets,
    scoreTenths: combinedScore(sheets, weights),
    vetoed: sheets.some((s) => s.vetoed),
    weights,
    registerRates: registerRates(db, assessment.estateId, assessment.period),
  };
}

/**
 * The estate's own rates for the period from the 收费 and 满意度 registers, for band items to start from (the
 * assessor still types or confirms the rate). Rounded down to the tenth: a rate shown as 95.0% must really reach
 * a 95% band.
 */
function registerRates(db: Db, estateId: string, period: string): AssessmentDetail['registerRates'] {
  const floorPermille = ({ num, den }: Share) => (den > 0 ? Math.floor((num * 1000) / den) : null);
  const fee = figureOf(db, FEES, estateId, period);
  const survey = figureOf(db, SURVEYS, estateId, period);
  return {
    collection: fee ? floorPermille(collectionShare(fee)) : null,
    satisfaction: survey ? floorPermille(satisfactionShare(survey)) : null,
  };
}

/**
 * A body's entries checked against the sheet the assessment was scored with: every item once, each with what its
 * method needs; the scores computed here (never typed), so each is between 0 and its standard.
 */
function scoreSheet(items: TemplateItemRow[], entries: z.output<typeof SheetInput>['entries']): ScoreFields[] {
  const problems: FieldError[] = [];
  const byItem = new Map(entries.map((e, i) => [e.itemId, { e, i }]));
  entries.forEach((e, i) => {
    if (!items.some((item) => item.id === e.itemId)) problems.push({ path: `entries.${i}.itemId`, message: '这一项不在本次考评所用的考评表中' });
  });
  if (byItem.size !== entries.length) problems.push({ path: 'entries', message: '同一项目填写了两次' });
  const scores = items.map((item, n): ScoreFields => {
    const found = byItem.get(item.id);
    if (!found) {
      problems.push({ path: `entries.${n}`, message: `第 ${item.seq} 项“${item.content}”还没有评分` });
      return { itemId: item.id, met: null, findings: [], ratePermille: null, vetoed: false, vetoNote: null, standardTenths: item.pointsTenths, scoreTenths: 0 };
    }
    const { e, i } = found;
    const problem = entryProblem(item, e);
    if (problem) problems.push({ path: `entries.${i}.${item.method === 'binary' ? 'met' : 'ratePermille'}`, message: `第 ${item.seq} 项：${problem}` });
    const own = {
      met: item.method === 'binary' ? e.met : null,
      findings: item.method === 'deduction' ? e.findings : [],
      ratePermille: item.method === 'band' ? e.ratePermille : null,
      vetoed: item.method === 'veto' && e.vetoed,
    };
    return { itemId: item.id, ...own, vetoNote: own.vetoed ? e.vetoNote : null, standardTenths: item.pointsTenths, scoreTenths: itemScore(item, own) };
  });
  if (problems.length) throw new DomainError('VALIDATION', problems.map((p) => p.message).join('；'), 'SHEET_INCOMPLETE', problems);
  return scores;
}

export const assessmentHandlers: Pick<
  Handlers<C>,
  | 'property.listAssessmentPeriods' | 'property.listAssessments' | 'property.getAssessment' | 'property.createAssessment'
  | 'property.deleteAssessment' | 'property.saveAssessmentSheet' | 'property.deleteAssessmentSheet'
> = {
  'property.listAssessmentPeriods': (_, { db }) => listPeriods(db),

  'property.listAssessments': (input, { db }) => listAssessments(db, input),

  'property.getAssessment': ({ id }, { db }) => assessmentDetail(db, id),

  'property.createAssessment': (input, { db, operator, today, audit }) => {
    const estate = getEstate(db, input.estateId, today);
    if (!estate) throw notFound('小区物业档案');
    const company = getCompany(db, input.companyId, today);
    if (!company) throw notFound('物业服务企业');
    if (!contractsOfEstate(db, input.estateId).some((k) => k.companyId === input.companyId)) {
      throw new DomainError('CONFLICT', `“${company.name}”没有为“${estate.name}”服务的合同记录，不能考评`, 'COMPANY_NOT_SERVING', [{ path: 'companyId', message: '这家企业没有为该小区服务的合同记录' }]);
    }
    const template = getTemplate(db, input.templateId);
    if (!template) throw notFound('考评表');
    if (template.template.status !== 'published') {
      throw new DomainError('CONFLICT', `“${template.template.name}”第 ${template.template.version} 版还是草稿，发布后才能用来考评`, 'TEMPLATE_NOT_PUBLISHED', [{ path: 'templateId', message: '请选择已发布的考评表' }]);
    }
    if (findAssessment(db, input)) {
      throw new DomainError('CONFLICT', `“${estate.name}”“${company.name}”${input.period} 已有考评记录`, 'ASSESSMENT_EXISTS', [{ path: 'period', message: '这一期已经考评过' }]);
    }
    const id = insertAssessment(db, input, operator);
    const after = assessmentDetail(db, id);
    audit({ action: 'create', entity: 'assessment', entityId: id, after: after.assessment });
    return after;
  },

  /** Published lists keep their own copy of the scores: deleting an assessment changes no snapshot. */
  'property.deleteAssessment': ({ id }, { db, audit }) => {
    const before = assessmentDetail(db, id);
    deleteAssessment(db, id);
    audit({ action: 'delete', entity: 'assessment', entityId: id, before: { assessment: before.assessment, sheets: before.sheets } });
    return null;
  },

  'property.saveAssessmentSheet': ({ assessmentId, body, assessor, scoredOn, entries }, { db, operator, audit }) => {
    const before = assessmentDetail(db, assessmentId);
    const items = before.template.categories.flatMap((c) => c.items);
    const scores = scoreSheet(items, entries);
    const totalTenths = scores.reduce((s, x) => s + x.scoreTenths, 0);
    replaceSheet(db, assessmentId, { body, assessor, scoredOn, totalTenths, vetoed: scores.some((s) => s.vetoed) }, scores, operator);
    const after = assessmentDetail(db, assessmentId);
    audit({
      action: 'update', entity: 'assessment', entityId: assessmentId,
      before: { sheet: before.sheets.find((s) => s.body === body) ?? null },
      after: { body: assessorBodies[body], sheet: after.sheets.find((s) => s.body === body) },
    });
    return after;
  },

  'property.deleteAssessmentSheet': ({ assessmentId, body }, { db, audit }) => {
    const before = assessmentDetail(db, assessmentId);
    const sheet = before.sheets.find((s) => s.body === body);
    if (!sheet) throw notFound(`${assessorBodies[body]}的评分`);
    deleteSheet(db, assessmentId, body);
    audit({ action: 'delete', entity: 'assessment_sheet', entityId: assessmentId, before: sheet });
    return assessmentDetail(db, assessmentId);
  },
};
