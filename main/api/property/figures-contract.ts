import { z } from 'zod';
import type {
  EstateFigures, EstateRef, FeeFields, FigureRow, ManagementType, ResolutionRow, SurveyFields,
} from '../../../db/property/types';
import { read, write } from '../common/channel';
import { id } from '../common/fields';
import { EstateTrendQuery, PeriodQuery, SaveFees, SaveSurveys, type Period } from './figures';
import type { RankedEntry } from './scoring';

/** A survey row with its rates in tenths of a percent (rounded down, main/api/common/rates.ts). */
export interface SurveyView extends FigureRow<SurveyFields> {
  satisfactionPermille: number;
  coveragePermille: number;
}

export interface FeeView extends FigureRow<FeeFields> {
  collectionPermille: number;
}

/** Σ over the estates that reported, and the rates of the sums (never a mean of the estates' rates). */
export interface SurveyTotals {
  period: string;
  estates: number;
  households: number;
  reached: number;
  satisfied: number;
  mostlySatisfied: number;
  satisfactionPermille: number | null;
  coveragePermille: number | null;
}

export interface FeeTotals {
  period: string;
  estates: number;
  receivableFen: number;
  unpaidFen: number;
  arrearsCollectedFen: number;
  collectionPermille: number | null;
}

/** A quarter's entry grid: every estate, its row if entered, and the street's (or community's) totals. */
export interface PeriodGrid<R, T> {
  period: Period;
  estates: (Omit<EstateFigures<unknown>, 'row'> & { row: R | null })[];
  totals: T;
}

export interface TrendPoint {
  period: string;
  collectionPermille: number | null;
  satisfactionPermille: number | null;
}

export interface EstateTrend {
  estateId: string;
  estateName: string;
  communityName: string;
  /** Every quarter with a survey or fee row, oldest first. */
  periods: (TrendPoint & { fee: FeeView | null; survey: SurveyView | null })[];
}

export interface SaveResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface FigureGaps {
  /** The quarter offices report on now (the last one that has ended). */
  period: Period;
  /** Managed estates with no fee figures for it. */
  fees: EstateRef[];
  /** The first of the quarters a survey is looked for in (a survey a year). */
  surveysSince: Period;
  surveys: EstateRef[];
}

export interface PropertyDashboard {
  reportingPeriod: Period;
  estates: { total: number; byManagement: Record<ManagementType, number> };
  committees: {
    current: number;
    meets: number;
    below: number;
    notFormed: number;
    targetPercent: number;
    reelectionDue: number;
    overdue: number;
  };
  resolutions: { overdue: number; oldest: ResolutionRow[] };
  /** The newest quarter with figures, street-wide. */
  fees: FeeTotals | null;
  surveys: SurveyTotals | null;
  /** The street's rates over the last eight quarters up to the current one, oldest first. */
  trend: TrendPoint[];
  missing: { fees: number; surveys: number };
  /** The latest published red and black list (its newest revision), or null before the first is published. */
  redBlack: LatestList | null;
}

export interface LatestList {
  period: string;
  revision: number;
  publishedAt: string;
  red: ListEntryBrief[];
  black: ListEntryBrief[];
}

export type ListEntryBrief = Pick<RankedEntry, 'assessmentId' | 'estateName' | 'companyName' | 'rank' | 'scoreTenths' | 'vetoed'>;

const byId = z.object({ id });

/** Satisfaction surveys, fee collection, an estate's trend and the module's overview (概览). */
export const figuresContract = {
  'property.getSurveyPeriod': read<PeriodGrid<SurveyView, SurveyTotals>>()(PeriodQuery),
  'property.saveSurveys': write<SaveResult>()(SaveSurveys),
  'property.deleteSurvey': write<null>()(byId),
  'property.getFeePeriod': read<PeriodGrid<FeeView, FeeTotals>>()(PeriodQuery),
  'property.saveFees': write<SaveResult>()(SaveFees),
  'property.deleteFee': write<null>()(byId),
  'property.getEstateTrend': read<EstateTrend>()(EstateTrendQuery),
  'property.listFigureGaps': read<FigureGaps>()(z.object({})),
  'property.getDashboard': read<PropertyDashboard>()(z.object({})),
};
