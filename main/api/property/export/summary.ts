import type { Period } from '../../../export/period';
import type { ModuleExport, SummaryPart, UnitData } from '../../../export/types';
import { todayIso } from '../../common/calendar';
import { estatesTable, meetingsTable, termsTable } from './tables';

const FIGURES = [
  { key: 'estates', label: '小区（院落）', kind: 'int' },
  { key: 'companyManaged', label: '物业企业管理小区', kind: 'int', width: 9 },
  { key: 'committees', label: '已组建业委会', kind: 'int' },
  { key: 'jointMeetings', label: '本月三方联席会议', kind: 'int', width: 9 },
  { key: 'overdueResolutions', label: '逾期未办结事项', kind: 'int', width: 9 },
] as const satisfies ModuleExport['summary']['figures'];

type Key = (typeof FIGURES)[number]['key'];

/** Overdue on the period's end, or today while the period runs: a deadline is met on its day and overdue from the next. */
export const asOfDay = (p: Period): string => (todayIso() < p.to ? todayIso() : p.to);

/**
 * Red property's key figures per community: estates and those a company manages, estates with a committee term
 * with members serving at the period's end, the month's joint meetings, and resolutions still open after their
 * deadline (as at the period's end, or today).
 */
export const propertySummary: ModuleExport['summary'] = {
  figures: FIGURES,
  compute(data: UnitData, p) {
    const parts = new Map<string, Record<Key, number>>();
    const part = (community: string) => {
      let v = parts.get(community);
      if (!v) parts.set(community, (v = { estates: 0, companyManaged: 0, committees: 0, jointMeetings: 0, overdueResolutions: 0 }));
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
    return [...parts].map(([community, values]): SummaryPart => ({ community, values }));
  },
};
