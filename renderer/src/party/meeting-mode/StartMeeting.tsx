import { Button, Center, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { navigate } from '../../app/router';
import { LARGE_TYPE } from '../../components/meeting-mode/largeType';
import { pm } from '../../i18n/party-meetings';
import { typeOptions, typesFor } from '../meetings/meetingDraft';
import { UnitSelect, useOrg } from '../../components/UnitSelect';
import type { MeetingType } from '../meetings/types';

/** Before the meeting: which unit meets and what kind of meeting it is. Nothing is recorded until the first mark. */
export function StartMeeting({ org, type }: { org: string | null; type: MeetingType | null }) {
  const [orgId, setOrgId] = useState(org);
  const level = useOrg(orgId).active?.level;
  const [picked, setPicked] = useState<MeetingType | null>(type);
  const allowed = typesFor(level);
  const chosenType = picked && allowed.includes(picked) ? picked : allowed.includes('theme_day') ? 'theme_day' : (allowed[0] ?? null);

  return (
    <Center mih="100vh" bg="gray.0" component="main" style={LARGE_TYPE}>
      <Paper withBorder p="xl" w={620}>
        <Stack gap="md">
          <Title order={2}>{pm.mode.startTitle}</Title>
          <Text c="dimmed">{pm.mode.startIntro}</Text>
          <UnitSelect label={pm.drawer.unit} value={orgId} onChange={setOrgId} size="md" autoFocus={!orgId} description={pm.drawer.unitHelpGroup} />
          {chosenType && (
            <SegmentedControl size="md" fullWidth value={chosenType} onChange={(v) => setPicked(v as MeetingType)}
              data={typeOptions(level)} aria-label={pm.drawer.type} />
          )}
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => navigate('/party/meetings')}>{pm.mode.backToList}</Button>
            <Button size="md" leftSection={<IconPlayerPlay size={18} />} disabled={!orgId || !chosenType}
              onClick={() => navigate('/party/meeting-mode', { org: orgId, type: chosenType }, true)}>
              {pm.mode.start}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
