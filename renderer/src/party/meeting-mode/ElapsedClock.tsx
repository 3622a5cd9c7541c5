import { Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { todayIso } from '../../../../main/api/common/identifiers';
import { pm } from '../../i18n/party-meetings';

const hms = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** How long the meeting has run, from its start time; a meeting continued on another day shows only its start. */
export function ElapsedClock({ heldOn, startTime }: { heldOn: string; startTime: string | null | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!startTime) return null;
  const started = new Date(`${heldOn}T${startTime}:00`).getTime();
  const running = heldOn === todayIso() && now >= started;
  return (
    <Stack gap={0} align="flex-end">
      {running && (
        <Text fw={700} fz={26} lh={1.1} role="timer" aria-label={pm.mode.elapsed} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {hms(now - started)}
        </Text>
      )}
      <Text size="xs" c="dimmed">{pm.mode.startedAt(startTime)}</Text>
    </Stack>
  );
}
