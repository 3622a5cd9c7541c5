import type { ModuleExport, SummaryPart } from '../../../export/types';
import { activityRegister, monthOf } from './registers';
import { entriesTable, volunteersTable } from './tables';

const FIGURES = [
  { key: 'volunteers', label: '在册志愿者', kind: 'int' },
  { key: 'activities', label: '本月志愿活动', kind: 'int' },
  { key: 'hours', label: '本月服务时长', kind: 'tenths' },
  { key: 'earned', label: '本月获得积分', kind: 'tenths' },
  { key: 'redeemed', label: '本月兑换积分', kind: 'tenths' },
] as const satisfies ModuleExport['summary']['figures'];

type Key = (typeof FIGURES)[number]['key'];

/**
 * The volunteers' key figures per community for the month: who is on the register at its end, the activities
 * held and hours served, points earned and spent (spending is stored negative; shown as a positive amount).
 */
export const volunteerSummary: ModuleExport['summary'] = {
  figures: FIGURES,
  compute(data, p) {
    const parts = new Map<string, Record<Key, number>>();
    const part = (community: string) => {
      let v = parts.get(community);
      if (!v) parts.set(community, (v = { volunteers: 0, activities: 0, hours: 0, earned: 0, redeemed: 0 }));
      return v;
    };
    for (const v of data.rows(volunteersTable)) {
      if (v.registeredOn <= p.to && (v.leftOn === null || v.leftOn > p.to)) part(v.community).volunteers++;
    }
    // Activities and hours from the same rows as the 志愿活动及服务时长 sheet, so the two always agree. (They were
    // summed from the ledger once: a reversed credit then made 汇总 say 13.0 hours beside a sheet of 15.5.)
    for (const a of activityRegister.rows(data, p)) {
      const v = part(a.community);
      v.activities++;
      v.hours += a.hoursTenths;
    }
    for (const e of data.rows(entriesTable, monthOf(p))) {
      const v = part(e.community);
      if (e.category === 'redeem') v.redeemed -= e.amount;
      else v.earned += e.amount;
    }
    return [...parts].map(([community, values]): SummaryPart => ({ community, values }));
  },
};
