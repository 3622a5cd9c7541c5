import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { navigate } from '../../../app/router';
import { LARGE_TYPE } from '../../../components/meeting-mode/largeType';
import { pj } from '../../../i18n/property-meetings';
import { EstateSelect } from '../../common/EstateSelect';

/** Before the meeting: which estate it is about. Nothing is recorded until the first entry. */
export function StartJointMeeting() {
  const [estateId, setEstateId] = useState<string | null>(null);
  const start = () => estateId && navigate('/property/meeting-mode', { estate: estateId }, true);
  return (
    <Center mih="100vh" bg="gray.0" component="main" style={LARGE_TYPE}>
      {/* A form: Enter after choosing the estate starts the meeting. */}
      <Paper withBorder p="xl" w={620} component="form" onSubmit={(e) => (e.preventDefault(), start())}>
        <Stack gap="md">
          <Title order={2}>{pj.mode.startTitle}</Title>
          <Text c="dimmed">{pj.mode.startIntro}</Text>
          <EstateSelect label={pj.drawer.estate} value={estateId} onChange={setEstateId} autoFocus />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => navigate('/property/meetings')}>{pj.mode.backToList}</Button>
            <Button type="submit" size="md" leftSection={<IconPlayerPlay size={18} />} disabled={!estateId}>{pj.mode.start}</Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
