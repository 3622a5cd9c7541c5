import { labelOrgNames } from '../org-names';
import { overdueResolutions } from '../../../../db/party/meetings';
import { getOrg } from '../../../../db/party/orgs';
import { partyStats, probationDue } from '../../../../db/party/stats';
import { todayIso } from '../../common/calendar';
import type { Handlers } from '../../router';
import { PROBATION_NOTICE_DAYS } from '../rules';
import type { partyContract } from '../contract';
import { complianceCountsFor } from './meetings';

type C = typeof partyContract;

export const dashboardHandlers: Pick<Handlers<C>, 'party.getDashboard'> = {
  'party.getDashboard': ({ orgId }, { db }) => {
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const orgPath = orgId ? (getOrg(db, orgId)?.path ?? '/none/') : null;
    const stats = partyStats(db, orgPath, year);
    return {
      // Two communities' 博雅小区党支部 are two bars: each named as the lists name it.
      stats: { ...stats, byBranch: labelOrgNames(db, stats.byBranch) },
      probationDue: labelOrgNames(db, probationDue(db, today, PROBATION_NOTICE_DAYS, orgPath)),
      compliance: { year, quarter, ...complianceCountsFor(db, year, quarter, orgId) },
      overdueResolutions: labelOrgNames(db, overdueResolutions(db, today, 20)),
    };
  },
};
