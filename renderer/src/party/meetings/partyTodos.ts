import { todayIso } from '../../../../main/api/common/calendar';
import { useApiQuery } from '../../api/queries';
import { href } from '../../app/router';
import { pm } from '../../i18n/party-meetings';
import type { TodoSection } from '../../app/module';
import { PROBATION_NOTICE_DAYS } from '../../../../main/api/party/rules';
import { splitProbation } from './probation';

const h = pm.home;

/** The party module's part of "今日待办": meetings missing this quarter, resolutions late, probation overdue and ending. */
export function usePartyTodos(): TodoSection[] {
  const today = todayIso();
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const dash = useApiQuery('party.getDashboard', { orgId: null });
  // Only the branches behind, the furthest first: the card shows a few and counts the rest.
  const report = useApiQuery('party.getCompliance', { year: Number(today.slice(0, 4)), quarter, orgId: null, onlyBehind: true, limit: 20 });
  const loading = dash.isPending || report.isPending;
  const error = dash.error?.message ?? report.error?.message;
  const probation = splitProbation(dash.data?.probationDue ?? [], today);
  return [
    {
      key: 'party.behind',
      title: h.behindTitle,
      loading,
      error,
      total: report.data?.total,
      nothingOnFile: dash.data ? dash.data.stats.active === 0 && dash.data.compliance.branches === 0 : undefined,
      items: (report.data?.rows ?? []).map((r) => ({ key: r.orgId, label: h.behindItem(r.name, r.missing), detail: r.parentName ?? '', href: href('/party/compliance', { org: r.orgId }) })),
    },
    {
      key: 'party.overdue',
      title: h.overdueTitle,
      loading,
      items: (dash.data?.overdueResolutions ?? []).map((r) => ({
        key: r.id,
        label: h.overdueItem(r.content),
        detail: h.overdueDetail(r.orgName, r.dueOn ?? ''),
        href: href('/party/meetings', { meeting: r.meetingId }),
      })),
    },
    {
      key: 'party.probationOverdue',
      title: h.probationOverdueTitle,
      loading,
      items: probation.overdue.map(({ memberId, ...m }) => ({ ...m, href: href('/party/members', { member: memberId }) })),
    },
    {
      key: 'party.probationComing',
      title: h.probationComingTitle(PROBATION_NOTICE_DAYS),
      loading,
      items: probation.coming.map(({ memberId, ...m }) => ({ ...m, href: href('/party/members', { member: memberId }) })),
    },
  ];
}
