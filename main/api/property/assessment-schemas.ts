import { z } from 'zod';
import { choice, chosen, id, optionalText, pastDate, requiredText, wholeNumber } from '../common/fields';
import { assessorBodies, rateKinds, scoringMethods } from './labels';
import { DEFAULT_ASSESSOR_WEIGHTS, DEFAULT_LIST_RULE, type AssessorBody } from './scoring';

/** Inputs of the service-quality assessments and the red and black list; points in tenths, rates in permille. */

const issueAt = (ctx: z.RefinementCtx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

/** Points as integer tenths (the form turns 7.5 into 75; more than one decimal reaches here unrounded and is refused). */
const tenths = (label: string, max = 1000) =>
  z.number({ error: `请填写${label}` }).int(`${label}最多保留一位小数`).min(0, `${label}不能为负数`).max(max, `${label}不超过 ${max / 10} 分`);
const permille = (label: string) =>
  z.number({ error: `请填写${label}` }).int(`${label}最多保留一位小数`).min(0, `${label}不能为负数`).max(1000, `${label}不超过 100%`);
const orNull = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? null);

// ---------------------------------------------------------------- templates

export const TemplateItemInput = z
  .object({
    content: requiredText('检查内容', 300),
    method: choice(scoringMethods, '评分方式'),
    pointsTenths: tenths('标准分'),
    perFindingTenths: orNull(tenths('每次扣分')),
    bandFullPermille: orNull(permille('满分比率')),
    bandPartPermille: orNull(permille('部分得分比率')),
    bandPartTenths: orNull(tenths('部分得分')),
    rateKind: orNull(choice(rateKinds, '比率来源')),
    guidance: optionalText('评分细则', 500),
  })
  .superRefine((item, ctx) => {
    if (item.method === 'deduction') {
      if (item.perFindingTenths === null || item.perFindingTenths === 0) issueAt(ctx, ['perFindingTenths'], '请填写每次扣分');
      else if (item.perFindingTenths > item.pointsTenths) issueAt(ctx, ['perFindingTenths'], '每次扣分不能超过标准分');
    }
    if (item.method === 'band') {
      if (item.bandFullPermille === null) issueAt(ctx, ['bandFullPermille'], '请填写满分比率');
      if (item.bandPartPermille === null) issueAt(ctx, ['bandPartPermille'], '请填写部分得分比率');
      else if (item.bandFullPermille !== null && item.bandPartPermille > item.bandFullPermille) issueAt(ctx, ['bandPartPermille'], '部分得分比率不能高于满分比率');
      if (item.bandPartTenths === null) issueAt(ctx, ['bandPartTenths'], '请填写部分得分');
      else if (item.bandPartTenths > item.pointsTenths) issueAt(ctx, ['bandPartTenths'], '部分得分不能超过标准分');
      if (item.rateKind === null) issueAt(ctx, ['rateKind'], '请选择比率来源');
    }
  })
  // Each method keeps only its own facts; a veto item carries no points.
  .transform((item) => ({
    ...item,
    pointsTenths: item.method === 'veto' ? 0 : item.pointsTenths,
    perFindingTenths: item.method === 'deduction' ? item.perFindingTenths : null,
    bandFullPermille: item.method === 'band' ? item.bandFullPermille : null,
    bandPartPermille: item.method === 'band' ? item.bandPartPermille : null,
    bandPartTenths: item.method === 'band' ? item.bandPartTenths : null,
    rateKind: item.method === 'band' ? item.rateKind : null,
  }));

export const TemplateCategoryInput = z.object({
  name: requiredText('类别名称', 60),
  pointsTenths: tenths('类别分值'),
  items: z.array(TemplateItemInput).max(100, '每个类别不超过 100 项'),
});

/** A draft is saved as it is; the totals are checked when it is published (scoring.ts, templateProblems). */
export const TemplateInput = z.object({
  name: requiredText('考评表名称', 100),
  totalTenths: tenths('总分', 10000),
  note: optionalText('说明', 1000),
  categories: z.array(TemplateCategoryInput).max(30, '类别不超过 30 个'),
});
export const TemplateUpdate = z.object({ id, template: TemplateInput });

// ---------------------------------------------------------------- assessments

/** 2026 (a year), 2026-H2 (a half), 2026-Q4 (a quarter), 2026-11 (a month). */
export const period = z
  .string({ error: '请填写考评期' })
  .trim()
  .regex(/^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, '考评期写作 2026、2026-H2、2026-Q4 或 2026-11');

export const AssessmentInput = z.object({
  period,
  estateId: chosen('小区'),
  companyId: chosen('物业服务企业'),
  templateId: chosen('考评表'),
  note: optionalText('备注', 500),
});
export const AssessmentList = z.object({ period: period.nullish().transform((v) => v ?? null), estateId: orNull(id) });

export const ScoreEntryInput = z
  .object({
    itemId: id,
    met: z.boolean().nullish().transform((v) => v ?? null),
    findings: z.array(requiredText('扣分情况', 200)).max(50, '一项不超过 50 处扣分').default([]),
    ratePermille: orNull(permille('比率')),
    vetoed: z.boolean().default(false),
    vetoNote: optionalText('否决事由', 300),
  })
  .superRefine((e, ctx) => {
    if (e.vetoed && !e.vetoNote) issueAt(ctx, ['vetoNote'], '一票否决须写明事由');
  });

/** One body's whole sheet at once: every item of the template, typed in one pass. */
export const SheetInput = z.object({
  assessmentId: id,
  body: choice(assessorBodies, '考评主体'),
  assessor: optionalText('考评人', 60),
  scoredOn: pastDate('考评日期'),
  entries: z.array(ScoreEntryInput).max(500),
});
export const SheetKey = z.object({ assessmentId: id, body: choice(assessorBodies, '考评主体') });

// ---------------------------------------------------------------- the red and black list

export const PeriodInput = z.object({ period });
export const CorrectionInput = z.object({ period, reason: requiredText('更正原因', 300) });

// ---------------------------------------------------------------- settings

export const ListRuleInput = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('threshold'),
    redMinPoints: wholeNumber('红榜分数线', 0, 100),
    blackBelowPoints: wholeNumber('黑榜分数线', 0, 100),
  }).refine((r) => r.blackBelowPoints <= r.redMinPoints, { path: ['blackBelowPoints'], message: '黑榜分数线不能高于红榜分数线' }),
  z.object({
    mode: z.literal('rank'),
    redTop: wholeNumber('红榜名额', 0, 1000),
    blackBottom: wholeNumber('黑榜名额', 0, 1000),
  }),
]);

const weight = (b: AssessorBody) => wholeNumber(`${assessorBodies[b]}的权重`, 0, 100);

/** Whole-number weights of the assessor bodies; a body weighted 0 is scored but not counted. */
export const AssessorWeightsInput = z
  .object({
    street: weight('street'),
    residents_committee: weight('residents_committee'),
    housing_bureau: weight('housing_bureau'),
    owners_committee: weight('owners_committee'),
    third_party: weight('third_party'),
  })
  .refine((w) => Object.values(w).some((v) => v > 0), { path: ['street'], message: '至少一个考评主体的权重大于 0' });

/** Added to the property settings; the defaults let a file saved before them read as it was. */
export const assessmentSettingsShape = {
  assessorWeights: AssessorWeightsInput.default(DEFAULT_ASSESSOR_WEIGHTS),
  listRule: ListRuleInput.default(DEFAULT_LIST_RULE),
};
