import { Group, Progress, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { sub } from '../i18n/submission';

/** A determinate progress bar by phase, asked of the server while a long export runs. */
export function JobProgress({ jobId }: { jobId: string }) {
  const p = useApiQuery('submission.getProgress', { jobId }, { refetchInterval: 300 }).data;
  const value = p ? (p.step / p.total) * 100 : 0;
  return (
    <Stack gap={4} data-testid="job-progress">
      <Progress value={value} size="lg" animated aria-label={p?.label ?? sub.monthly.building} />
      <Group justify="space-between">
        <Text size="sm">{p?.label ?? sub.monthly.building}{p?.rows ? `，${sub.monthly.rows(p.rows)}` : ''}</Text>
        {p && <Text size="sm" c="dimmed">{sub.monthly.progress(p.step, p.total)}</Text>}
      </Group>
    </Stack>
  );
}
