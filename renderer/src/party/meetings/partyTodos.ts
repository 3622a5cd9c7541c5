import { todayIso } from '../../../../main/api/common/calendar';
import { useApiQuery } from '../../api/queries';
import { href } from '../../app/router';
import { pm } from '../../i18n/party-meetings';
import type { TodoSection } from '../../app/module';

const h = pm.home;

/** The party module's part of "今日待办": meetings missing this quarter, resolutions late, probation ending. */
export function usePartyTodos(): TodoSection[] {
  const today = todayIso();
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const dash = useApiQuery('party.getDashboard', { orgId: null });
  const report = useApiQuery('party.getCompliance', { year: Number(today.slice(0, 4)), quarter, orgId: null });
  const loading = dash.isPending || report.isPending;
  const error = dash.error?.message ?? report.error?.message;
  return [
    {
      key: 'party.behind',
      title: h.behindTitle,
      loading,
      error,
      items: (report.data?.rows ?? [])
        .filter((r) => r.missing > 0)
        .map((r) => ({ key: r.orgId, label: h.behindItem(r.name, r.missing), detail: r.parentName ?? '', href: href('/party/compliance', { org: r.orgId }) })),
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
      key: 'party.probation',
      title: h.probationTitle,
      loading,
      items: (dash.data?.probationDue ?? []).map((m) => ({
        key: m.id,
        label: h.probationItem(m.name, m.orgName),
        detail: h.probationDetail(m.dueOn),
        href: href('/party/members', { member: m.id }),
      })),
    },
  ];
}
