import { meetingTypes } from '../../../main/api/party/labels';
import { todayIso } from '../../../main/api/common/calendar';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import { vp } from '../i18n/volunteer-points';
import type { TodoSection } from '../app/module';

const h = vp.home;

/** The volunteer module's part of "今日待办": meetings owed base points, activities held but not recorded or credited. */
export function useVolunteerTodos(): TodoSection[] {
  const today = todayIso();
  const meetings = useApiQuery('volunteer.listPendingMeetings', { limit: 20 });
  const unrecorded = useApiQuery('volunteer.listActivities', { to: today, status: 'planned', limit: 20 });
  const uncredited = useApiQuery('volunteer.listActivities', { status: 'recorded', limit: 20 });
  const activity = (a: { id: string; title: string; onDate: string; organiserName: string }) => ({
    key: a.id, label: h.activityItem(a.title, a.onDate), detail: a.organiserName, href: href('/volunteer/activities', { activity: a.id }),
  });
  return [
    {
      key: 'volunteer.meetings',
      title: h.meetings,
      loading: meetings.isPending,
      error: meetings.error?.message,
      items: (meetings.data?.rows ?? []).map((m) => ({
        key: m.meetingId,
        label: h.meetingItem(`${meetingTypes[m.type as keyof typeof meetingTypes]}“${m.topic}”`, m.present),
        detail: `${m.orgName} · ${m.heldOn}`,
        href: href('/volunteer/ledger'),
      })),
    },
    { key: 'volunteer.unrecorded', title: h.unrecorded, loading: unrecorded.isPending, items: (unrecorded.data?.rows ?? []).map(activity) },
    { key: 'volunteer.uncredited', title: h.uncredited, loading: uncredited.isPending, items: (uncredited.data?.rows ?? []).map(activity) },
  ];
}
