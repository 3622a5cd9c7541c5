import { labelOrgNames } from '../org-names';
import type { Db } from '../../../../db/open';
import { firstRecordedMonth } from '../../../../db/party/compliance';
import { overdueResolutions } from '../../../../db/party/meetings';
import { membersAt } from '../../../../db/party/member-history';
import { scopePathOf } from '../../../../db/party/orgs';
import { partyStats, probationDue } from '../../../../db/party/stats';
import { todayIso } from '../../common/calendar';
import { addMonths } from '../../common/days';
import type { Handlers } from '../../router';
import { monthEnd, quarterRange } from '../compliance';
import { PROBATION_NOTICE_DAYS } from '../rules';
import type { partyContract, PartyTrends } from '../contract';
import { complianceCountsFor } from './meetings';

type C = typeof partyContract;

/** How far back the dashboard's charts look: a year and a half of quarters, a year of months. */
const TREND_QUARTERS = 6;
const TREND_MONTHS = 12;

const quarterOf = (day: string) => ({ year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 });

/** The last TREND_QUARTERS quarters, this one last; each judged by the compliance rules' own SQL (db/party/compliance.ts). */
function complianceTrend(db: Db, orgId: string | null, today: string): PartyTrends['quarters'] {
  const now = quarterOf(today);
  // Quarters wholly before the first recorded meeting have no records: all missing would misread as none held.
  const first = firstRecordedMonth(db);
  return Array.from({ length: TREND_QUARTERS }, (_, i) => {
    const n = now.year * 4 + now.quarter - 1 - (TREND_QUARTERS - 1 - i);
    const year = Math.floor(n / 4);
    const quarter = (n % 4) + 1;
    const recorded = first !== null && quarterRange(year, quarter).to.slice(0, 7) >= first;
    const { due, missing } = recorded ? complianceCountsFor(db, year, quarter, orgId, today) : { due: 0, missing: 0 };
    return { year, quarter, due, missing };
  });
}

/** The register at the end of each of the last TREND_MONTHS months, today for this one. */
function memberTrend(db: Db, orgPath: string | null, today: string): PartyTrends['months'] {
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(today, i - TREND_MONTHS + 1).slice(0, 7));
  const days = months.map((m, i) => (i === months.length - 1 ? today : monthEnd(m)));
  return membersAt(db, orgPath, days).map((counts, i) => ({ month: months[i]!, ...counts }));
}

/** The dashboard's charts for a unit (null: the whole register) on a day; the bench times it as the SQL floor. */
export function partyTrends(db: Db, orgId: string | null, today: string): PartyTrends {
  return { quarters: complianceTrend(db, orgId, today), months: memberTrend(db, scopePathOf(db, orgId), today) };
}

export const dashboardHandlers: Pick<Handlers<C>, 'party.getDashboard' | 'party.getTrends'> = {
  'party.getDashboard': ({ orgId }, { db }) => {
    const today = todayIso();
    const { year, quarter } = quarterOf(today);
    const orgPath = scopePathOf(db, orgId);
    const { branches, behind } = complianceCountsFor(db, year, quarter, orgId);
    const stats = partyStats(db, orgPath, year);
    return {
      // Two communities' 博雅小区党支部 are two bars: each named as the lists name it.
      stats: { ...stats, byBranch: labelOrgNames(db, stats.byBranch) },
      probationDue: labelOrgNames(db, probationDue(db, today, PROBATION_NOTICE_DAYS, orgPath)),
      compliance: { year, quarter, branches, behind },
      overdueResolutions: labelOrgNames(db, overdueResolutions(db, today, 20, orgPath)),
    };
  },

  'party.getTrends': ({ orgId }, { db }) => partyTrends(db, orgId, todayIso()),
};
