import { Text, Timeline } from '@mantine/core';
import { memberEventKinds } from '../../../../main/api/party/labels';
import { reg } from '../../i18n/party-register';
import type { MemberEvent } from '../types';

const h = reg.history;
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** What the event's detail says, in words (the detail is whatever the handler recorded for that kind). */
function describe(e: MemberEvent): string[] {
  const d = e.detail;
  const to = str(d.to);
  const from = str(d.from);
  const lines: (string | null)[] = [];
  if (e.kind === 'transfer_out' && to) lines.push(h.to(to));
  if ((e.kind === 'transfer_in' || e.kind === 'readmitted') && from) lines.push(h.from(from));
  if (e.kind === 'org_changed' && from && to) lines.push(h.moved(from, to));
  lines.push(str(d.note));
  return lines.filter((l): l is string => !!l);
}

/** The member's history, newest first: joining, transfers, status changes — kept for good. */
export function MemberHistory({ events }: { events: MemberEvent[] }) {
  if (events.length === 0) return <Text size="sm" c="dimmed">{h.empty}</Text>;
  return (
    <Timeline bulletSize={12} lineWidth={2} active={-1}>
      {events.map((e) => (
        <Timeline.Item
          key={e.id}
          title={<Text size="sm" fw={600} span>{e.onDate} · {memberEventKinds[e.kind as keyof typeof memberEventKinds] ?? e.kind}</Text>}
        >
          {describe(e).map((line) => <Text key={line} size="sm">{line}</Text>)}
          <Text size="xs" c="dimmed">{h.by(e.operator)}</Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
