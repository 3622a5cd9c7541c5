import { Group, Progress, Stack, Text } from '@mantine/core';
import type { SubmissionProgress } from '../../../main/api/submission/types';
import { zh } from '../i18n/zh-CN';

/**
 * A determinate progress bar by phase, from what the core reports while a long job runs (an export, the one-time
 * encryption of the data file): `waiting` until the first report, `detail` after the phase's name.
 */
export function PhaseProgress({ p, waiting, detail, testId }: { p: SubmissionProgress | null | undefined; waiting: string; detail?: string; testId: string }) {
  const value = p ? (p.step / p.total) * 100 : 0;
  return (
    <Stack gap={4} data-testid={testId}>
      <Progress value={value} size="lg" animated aria-label={p?.label ?? waiting} />
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{p?.label ?? waiting}{detail ? `，${detail}` : ''}</Text>
        {p && <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>{zh.common.steps(p.step, p.total)}</Text>}
      </Group>
    </Stack>
  );
}
