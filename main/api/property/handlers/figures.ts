import type { Db } from '../../../../db/open';
import {
  deleteFigure,
  estatesWithFigures,
  estatesWithoutFigures,
  FEES,
  figureOf,
  figuresOfEstate,
  getFigure,
  hasProfile,
  insertFigure,
  sameFigures,
  SURVEYS,
  updateFigure,
  type FeeFields,
  type FigureRow,
  type FigureSpec,
  type SurveyFields,
} from '../../../../db/property/figures';
import { getEstate } from '../../../../db/property/estates';
import { fieldError, notFound } from '../../common/errors';
import { combined, permille } from '../../common/rates';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';
import {
  collectionShare,
  coverageShare,
  quartersUpTo,
  reportingQuarter,
  satisfactionShare,
  SURVEY_EVERY_QUARTERS,
  type Period,
} from '../figures';
import type { FeeTotals, FeeView, SaveResult, SurveyTotals, SurveyView } from '../figures-contract';

type C = typeof propertyContract;

export const surveyView = (r: FigureRow<SurveyFields>): SurveyView => ({
  ...r,
  satisfactionPermille: permille(satisfactionShare(r))!,
  coveragePermille: permille(coverageShare(r))!,
});

export const feeView = (r: FigureRow<FeeFields>): FeeView => ({ ...r, collectionPermille: permille(collectionShare(r))! });

/** Σ of the rows given, and the rates of the sums. */
export function surveyTotals(period: string, rows: readonly SurveyFields[]): SurveyTotals {
  const sum = (k: 'households' | 'reached' | 'satisfied' | 'mostlySatisfied') => rows.reduce((a, r) => a + r[k], 0);
  const t = { households: sum('households'), reached: sum('reached'), satisfied: sum('satisfied'), mostlySatisfied: sum('mostlySatisfied') };
  return {
    period, estates: rows.length, ...t,
    satisfactionPermille: permille(satisfactionShare(t)),
    coveragePermille: permille(coverageShare(t)),
  };
}

export function feeTotals(period: string, rows: readonly FeeFields[]): FeeTotals {
  const share = combined(rows.map(collectionShare));
  return {
    period, estates: rows.length,
    receivableFen: share.den,
    unpaidFen: share.den - share.num,
    arrearsCollectedFen: rows.reduce((a, r) => a + r.arrearsCollectedFen, 0),
    collectionPermille: permille(share),
  };
}

/**
 * A quarter's rows written as one: new ones inserted, changed ones updated, unchanged ones left (no audit noise);
 * each write audited with what the row said before. A figure is corrected by editing it — these are registers of
 * reported figures, not ledgers of money moved — and the audit log is the history of the correction.
 */
function saveRows<F>(
  db: Db,
  spec: FigureSpec<F>,
  entity: string,
  period: Period,
  rows: readonly (F & { estateId: string })[],
  ctx: Pick<Ctx, 'operator' | 'audit'>,
): SaveResult {
  const result: SaveResult = { created: 0, updated: 0, unchanged: 0 };
  rows.forEach(({ estateId, ...fields }, i) => {
    if (!hasProfile(db, estateId)) throw fieldError(`rows.${i}.estateId`, '请选择已建立物业档案的小区');
    const f = fields as unknown as F;
    const before = figureOf(db, spec, estateId, period);
    if (!before) {
      const id = insertFigure(db, spec, estateId, period, f, ctx.operator);
      ctx.audit({ action: 'create', entity, entityId: id, after: getFigure(db, spec, id) });
      result.created++;
    } else if (sameFigures(spec, before, f)) {
      result.unchanged++;
    } else {
      updateFigure(db, spec, before.id, f, ctx.operator);
      ctx.audit({ action: 'update', entity, entityId: before.id, before, after: getFigure(db, spec, before.id) });
      result.updated++;
    }
  });
  return result;
}

function removeRow<F>(db: Db, spec: FigureSpec<F>, entity: string, what: string, id: string, audit: Ctx['audit']) {
  const before = getFigure(db, spec, id);
  if (!before) throw notFound(what);
  deleteFigure(db, spec, id);
  audit({ action: 'delete', entity, entityId: id, before });
  return null;
}

export const figureHandlers: Pick<
  Handlers<C>,
  | 'property.getSurveyPeriod'
  | 'property.saveSurveys'
  | 'property.deleteSurvey'
  | 'property.getFeePeriod'
  | 'property.saveFees'
  | 'property.deleteFee'
  | 'property.getEstateTrend'
  | 'property.listFigureGaps'
> = {
  'property.getSurveyPeriod': ({ period, communityId }, { db }) => {
    const estates = estatesWithFigures(db, SURVEYS, period, communityId).map((e) => ({ ...e, row: e.row && surveyView(e.row) }));
    return { period: period, estates, totals: surveyTotals(period, estates.flatMap((e) => (e.row ? [e.row] : []))) };
  },
  'property.saveSurveys': ({ period, rows }, ctx) => saveRows(ctx.db, SURVEYS, 'property_survey', period, rows, ctx),
  'property.deleteSurvey': ({ id }, { db, audit }) => removeRow(db, SURVEYS, 'property_survey', '满意度调查', id, audit),

  'property.getFeePeriod': ({ period, communityId }, { db }) => {
    const estates = estatesWithFigures(db, FEES, period, communityId).map((e) => ({ ...e, row: e.row && feeView(e.row) }));
    return { period: period, estates, totals: feeTotals(period, estates.flatMap((e) => (e.row ? [e.row] : []))) };
  },
  'property.saveFees': ({ period, rows }, ctx) => saveRows(ctx.db, FEES, 'property_fee', period, rows, ctx),
  'property.deleteFee': ({ id }, { db, audit }) => removeRow(db, FEES, 'property_fee', '物业费收缴数据', id, audit),

  'property.getEstateTrend': ({ estateId }, { db, today }) => {
    const estate = getEstate(db, estateId, today);
    if (!estate) throw notFound('小区物业档案');
    const fees = new Map(figuresOfEstate(db, FEES, estateId).map((r) => [r.period, feeView(r)]));
    const surveys = new Map(figuresOfEstate(db, SURVEYS, estateId).map((r) => [r.period, surveyView(r)]));
    const periods = [...new Set([...fees.keys(), ...surveys.keys()])].sort();
    return {
      estateId, estateName: estate.name, communityName: estate.communityName,
      periods: periods.map((period) => {
        const fee = fees.get(period) ?? null;
        const survey = surveys.get(period) ?? null;
        return { period, fee, survey, collectionPermille: fee?.collectionPermille ?? null, satisfactionPermille: survey?.satisfactionPermille ?? null };
      }),
    };
  },

  'property.listFigureGaps': (_, { db, today }) => {
    const period = reportingQuarter(today);
    const surveysSince = quartersUpTo(period, SURVEY_EVERY_QUARTERS)[0]!;
    return {
      period,
      fees: estatesWithoutFigures(db, FEES, period, period),
      surveysSince,
      surveys: estatesWithoutFigures(db, SURVEYS, surveysSince, period),
    };
  },
};
