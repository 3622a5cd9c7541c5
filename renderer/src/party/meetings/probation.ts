import { daysBetween } from '../../../../main/api/common/days';
import type { ApiOutput } from '../../api/types';
import { pm } from '../../i18n/party-meetings';

type Due = ApiOutput<'party.getDashboard'>['probationDue'][number];

/**
 * The dashboard's probation list in two, as both the home page and the dashboard show it: those whose year has
 * ended and who are still not made full (已超期未转正, with how long), and those whose year ends soon (即将期满).
 */
export function splitProbation(rows: Due[], today: string) {
  const item = (m: Due) => ({
    key: m.id,
    label: pm.home.probationItem(m.name, m.orgName),
    detail: m.overdue ? pm.dashboard.overdueSince(m.dueOn, daysBetween(m.dueOn, today)) : pm.dashboard.dueOn(m.dueOn),
    memberId: m.id,
  });
  return { overdue: rows.filter((m) => m.overdue).map(item), coming: rows.filter((m) => !m.overdue).map(item) };
}
