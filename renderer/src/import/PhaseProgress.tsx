import { Group, Progress, Stack, Text } from '@mantine/core';
import { imp } from '../i18n/import';
import type { Busy, Phase } from './useImportFlow';

const ORDER: Phase[] = ['read', 'analyse', 'validate', 'commit'];

/**
 * Where the import is: reading the file (its real progress), then the core's steps (each well under a second for
 * 10,000 rows, so a step's bar fills when it is done rather than streaming its own progress).
 */
export function PhaseProgress({ busy }: { busy: Busy | null }) {
  if (!busy) return null;
  const at = ORDER.indexOf(busy.phase);
  const value = ((at + (busy.fraction ?? 0.5)) / ORDER.length) * 100;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Group gap="xs">
        {ORDER.map((p, i) => (
          <Text key={p} size="xs" c={i < at ? 'dimmed' : i === at ? undefined : 'gray.5'} fw={i === at ? 600 : undefined}>
            {imp.phases[p]}{i < ORDER.length - 1 ? ' ›' : ''}
          </Text>
        ))}
      </Group>
      <Progress value={value} animated={busy.fraction === null} striped={busy.fraction === null} aria-label={imp.phases[busy.phase]} />
    </Stack>
  );
}
