import { estatesWithoutFigures, FEES, feeSums, latestPeriod, SURVEYS, surveySums } from '../../../../db/property/figures';
import { currentRosterShapes, estatesByManagement } from '../../../../db/property/overview';
import { latestSnapshot } from '../../../../db/property/lists';
import { overdueResolutions } from '../../../../db/property/resolutions';
import { permille } from '../../common/rates';
import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';
import { collectionShare, coverageShare, quarterOf, quartersUpTo, reportingQuarter, satisfactionShare, SURVEY_EVERY_QUARTERS } from '../figures';
import type { FeeTotals, LatestList, ListEntryBrief, SurveyTotals } from '../figures-contract';
import type { ListEntry } from '../contract';
import { partyRatio } from '../rules';
import { termWarnings } from './committees';
import { propertySettings } from './settings';

type C = typeof propertyContract;

const TREND_QUARTERS = 8;

const surveyTotalsOf = (s: ReturnType<typeof surveySums>[number]): SurveyTotals => ({
  ...s,
  satisfactionPermille: permille(satisfactionShare(s)),
  coveragePermille: permille(coverageShare(s)),
});

const feeTotalsOf = (s: ReturnType<typeof feeSums>[number]): FeeTotals => ({ ...s, collectionPermille: permille(collectionShare(s)) });

/**
 * 红色物业概览 in one round trip, as the party and volunteer overviews do. Every figure is an aggregate in SQL
 * (counts grouped, Σ per quarter on the covering indexes); rates are Σ numerators / Σ denominators of the street.
 */
export const overviewHandlers: Pick<Handlers<C>, 'property.getDashboard'> = {
  'property.getDashboard': (_, { db, today }) => {
    const settings = propertySettings(db);
    const byManagement = estatesByManagement(db);

    const committees = { current: 0, meets: 0, below: 0, notFormed: 0, targetPercent: settings.partyRatioTargetPercent, reelectionDue: 0, overdue: 0 };
    for (const shape of currentRosterShapes(db, today)) {
      const state = partyRatio(shape.partyMembers, shape.total, settings.partyRatioTargetPercent).state;
      committees.current += shape.terms;
      committees[state === 'not_formed' ? 'notFormed' : state] += shape.terms;
    }
    // The warnings are the 换届提醒 list's own (one rule for the list, the home page and this count).
    for (const t of termWarnings(db, today, null)) {
      if (t.state === 'reelection_due') committees.reelectionDue++;
      else committees.overdue++;
    }

    const overdue = overdueResolutions(db, { today, communityId: null, offset: 0, limit: 5 });

    const current = quarterOf(today);
    const quarters = quartersUpTo(current, TREND_QUARTERS);
    const fees = new Map(feeSums(db, quarters[0]!, current).map((s) => [s.period, s]));
    const surveys = new Map(surveySums(db, quarters[0]!, current).map((s) => [s.period, s]));
    const latestFee = latestPeriod(db, FEES, current);
    const latestSurvey = latestPeriod(db, SURVEYS, current);
    const feeOf = (p: string | null) => (p ? (fees.get(p) ?? feeSums(db, p, p)[0]) : undefined);
    const surveyOf = (p: string | null) => (p ? (surveys.get(p) ?? surveySums(db, p, p)[0]) : undefined);
    const latestFees = feeOf(latestFee);
    const latestSurveys = surveyOf(latestSurvey);

    const reporting = reportingQuarter(today);
    const surveysSince = quartersUpTo(reporting, SURVEY_EVERY_QUARTERS)[0]!;
    return {
      reportingPeriod: reporting,
      estates: { total: byManagement.company + byManagement.self + byManagement.abandoned, byManagement },
      committees,
      resolutions: { overdue: overdue.total, oldest: overdue.rows },
      fees: latestFees ? feeTotalsOf(latestFees) : null,
      surveys: latestSurveys ? surveyTotalsOf(latestSurveys) : null,
      trend: quarters.map((period) => {
        const f = fees.get(period);
        const s = surveys.get(period);
        return {
          period,
          collectionPermille: f ? permille(collectionShare(f)) : null,
          satisfactionPermille: s ? permille(satisfactionShare(s)) : null,
        };
      }),
      missing: {
        fees: estatesWithoutFigures(db, FEES, reporting, reporting).length,
        surveys: estatesWithoutFigures(db, SURVEYS, surveysSince, reporting).length,
      },
      redBlack: latestList(db),
    };
  },
};

/** The list as published (its frozen snapshot, never recomputed): who is on the red and who on the black list. */
function latestList(db: Parameters<typeof latestSnapshot>[0]): LatestList | null {
  const row = latestSnapshot(db);
  if (!row) return null;
  const entries = JSON.parse(row.entriesJson) as ListEntry[];
  const brief = (e: ListEntry): ListEntryBrief => ({
    assessmentId: e.assessmentId, estateName: e.estateName, companyName: e.companyName, rank: e.rank, scoreTenths: e.scoreTenths, vetoed: e.vetoed,
  });
  return {
    period: row.period,
    revision: row.revision,
    publishedAt: row.publishedAt,
    red: entries.filter((e) => e.standing === 'red').map(brief),
    black: entries.filter((e) => e.standing === 'black').map(brief),
  };
}
