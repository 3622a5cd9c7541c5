import { labelOrgNames } from '../org-names';
import { overdueResolutions } from '../../../../db/party/meetings';
import { getOrg } from '../../../../db/party/orgs';
import { partyStats, probationDue } from '../../../../db/party/stats';
import { todayIso } from '../../common/calendar';
import type { Handlers } from '../../router';
import { PROBATION_NOTICE_DAYS } from '../rules';
import type { partyContract } from '../contract';
import { complianceFor } from './meetings';

type C = typeof partyContract;

export const dashboardHandlers: Pick<Handlers<C>, 'party.getDashboard'> = {
  'party.getDashboard': ({ orgId }, { db }) => {
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    const orgPath = orgId ? (getOrg(db, orgId)?.path ?? '/none/') : null;
    const compliance = complianceFor(db, year, quarter, orgId);
    return {
      stats: partyStats(db, orgPath, year),
      probationDue: labelOrgNames(db, probationDue(db, today, PROBATION_NOTICE_DAYS, orgPath)),
      compliance: {
        year,
        quarter,
        branches: compliance.rows.length,
        behind: compliance.rows.filter((r) => r.missing > 0).length,
      },
      overdueResolutions: labelOrgNames(db, overdueResolutions(db, today, 20)),
    };
  },
};
