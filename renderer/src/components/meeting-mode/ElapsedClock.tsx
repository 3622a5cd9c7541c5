import { Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { nowMs, timeZone } from '../../app/clock';
import { calendarDay, wallTime } from '../../../../main/api/common/calendar';
import { mm } from '../../i18n/meeting-mode';

const secondsOf = (hms: string) => {
  const [h, m, s] = hms.split(':').map(Number) as [number, number, number?];
  return h * 3600 + m * 60 + (s ?? 0);
};

const hms = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** How long the meeting has run, from its start time; a meeting continued on another day shows only its start. */
export function ElapsedClock({ heldOn, startTime }: { heldOn: string; startTime: string | null | undefined }) {
  const [now, setNow] = useState(nowMs);
  useEffect(() => {
    const t = setInterval(() => setNow(nowMs()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!startTime) return null;
  // On the installation's wall clock: the start time was typed as Beijing time, whatever the machine is set to.
  const elapsedMs = (secondsOf(wallTime(now, timeZone())) - secondsOf(startTime)) * 1000;
  const running = heldOn === calendarDay(now, timeZone()) && elapsedMs >= 0;
  return (
    <Stack gap={0} align="flex-end">
      {running && (
        <Text fw={700} fz={26} lh={1.1} role="timer" aria-label={mm.elapsed} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {hms(elapsedMs)}
        </Text>
      )}
      <Text size="xs" c="dimmed">{mm.startedAt(startTime)}</Text>
    </Stack>
  );
}
