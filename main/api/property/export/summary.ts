import type { Period } from '../../../export/period';
import type { ModuleExport, SummaryPart, UnitData } from '../../../export/types';
import { todayIso } from '../../common/calendar';
import { quarterKey } from './registers';
import { estatesTable, meetingsTable, quartersTable, termsTable } from './tables';

const FIGURES = [
  { key: 'estates', label: '小区（院落）', kind: 'int' },
  { key: 'companyManaged', label: '物业企业管理小区', kind: 'int', width: 9 },
  { key: 'committees', label: '已组建业委会', kind: 'int' },
  { key: 'jointMeetings', label: '本月三方联席会议', kind: 'int', width: 9 },
  { key: 'overdueResolutions', label: '逾期未办结事项', kind: 'int', width: 9 },
  { key: 'feeReceivable', label: '本季物业费应收', kind: 'money', width: 13 },
  { key: 'feeCollected', label: '本季物业费实收', kind: 'money', width: 13 },
  { key: 'collectionRate', label: '收缴率', kind: 'percent', ratio: ['feeCollected', 'feeReceivable'] },
  { key: 'surveyReached', label: '满意度有效问卷', kind: 'int', width: 8 },
  { key: 'surveyContent', label: '满意及基本满意', kind: 'int', width: 8 },
  { key: 'satisfactionRate', label: '满意度', kind: 'percent', ratio: ['surveyContent', 'surveyReached'] },
] as const satisfies ModuleExport['summary']['figures'];

type Key = Exclude<(typeof FIGURES)[number]['key'], 'collectionRate' | 'satisfactionRate'>;

/** Overdue on the period's end, or today while the period runs: a deadline is met on its day and overdue from the next. */
export const asOfDay = (p: Period): string => (todayIso() < p.to ? todayIso() : p.to);

/**
 * Red property's key figures per community: estates and those a company manages, estates with a committee term
 * with members serving at the period's end, the month's joint meetings, and resolutions still open after their
 * deadline (as at the period's end, or today); the quarter's fee collection and satisfaction survey, as sums.
 */
export const propertySummary: ModuleExport['summary'] = {
  figures: FIGURES,
  compute(data: UnitData, p) {
    const parts = new Map<string, Record<Key, number>>();
    const part = (community: string) => {
      let v = parts.get(community);
      if (!v) {
        v = { estates: 0, companyManaged: 0, committees: 0, jointMeetings: 0, overdueResolutions: 0, feeReceivable: 0, feeCollected: 0, surveyReached: 0, surveyContent: 0 };
        parts.set(community, v);
      }
      return v;
    };
    for (const e of data.rows(estatesTable)) {
      const v = part(e.community);
      v.estates++;
      if (e.management === 'company') v.companyManaged++;
    }
    const serving = new Map<string, string>();
    for (const t of data.rows(termsTable)) {
      if (t.memberCount > 0 && t.startsOn <= p.to && t.endsOn >= p.to) serving.set(t.estateId, t.community);
    }
    for (const community of serving.values()) part(community).committees++;
    const asOf = asOfDay(p);
    for (const m of data.rows(meetingsTable)) {
      if (m.heldOn >= p.from && m.heldOn <= p.to) part(m.community).jointMeetings++;
      for (const due of m.unfinishedDueOns ? m.unfinishedDueOns.split(',') : []) if (due < asOf) part(m.community).overdueResolutions++;
    }
    // The quarter the month is in: rates from the counts summed over estates (the engine divides the sums).
    const quarter = quarterKey(p);
    for (const q of data.rows(quartersTable)) {
      if (q.period !== quarter) continue;
      const v = part(q.community);
      if (q.receivableFen !== null) {
        v.feeReceivable += q.receivableFen;
        v.feeCollected += q.receivableFen - q.unpaidFen!;
      }
      if (q.reached !== null) {
        v.surveyReached += q.reached;
        v.surveyContent += q.satisfied! + q.mostlySatisfied!;
      }
    }
    return [...parts].map(([community, values]): SummaryPart => ({ community, values }));
  },
};
