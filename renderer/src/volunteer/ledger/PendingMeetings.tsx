import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { meetingTypes } from '../../../../main/api/party/labels';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { vp } from '../../i18n/volunteer-points';

const t = vp.pending;
const SHOWN = 4;

/** Party meetings of this year whose attendees have not had their base points yet, each a click away. */
export function PendingMeetings() {
  const pending = useApiQuery('volunteer.listPendingMeetings', { limit: SHOWN });
  const apply = useApiMutation('volunteer.applyMeeting');
  if (!pending.data || pending.data.total === 0) return null;
  return (
    <Paper withBorder p="xs" component="section" aria-label={t.title(pending.data.total)}>
      <Title order={5} mb={4}>{t.title(pending.data.total)}</Title>
      <Stack gap={2}>
        {pending.data.rows.map((m) => (
          <Group key={m.meetingId} justify="space-between" wrap="nowrap">
            <Text size="sm" truncate>{`${m.heldOn} ${m.orgName} · ${meetingTypes[m.type as keyof typeof meetingTypes]}“${m.topic}”`}</Text>
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed">{t.present(m.present)}</Text>
              <Button
                size="compact-xs"
                variant="light"
                loading={apply.isPending && apply.variables?.meetingId === m.meetingId}
                onClick={() => apply.mutate({ meetingId: m.meetingId }, { onSuccess: (r) => notifications.show({ color: 'green', message: t.applied(r.entries, tenthsText(r.points)) }) })}
              >
                {t.apply}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
