import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { mm } from '../../i18n/meeting-mode';
import type { SaveState } from './saveQueue';

/** Always in view, so the secretary never wonders whether the last thing she typed is safe. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <Group gap={6} wrap="nowrap" aria-live="polite" data-testid="save-status" miw={170}>
      {state.kind === 'idle' && <Text size="sm" c="dimmed">{mm.save.idle}</Text>}
      {state.kind === 'saving' && (
        <>
          <Loader size={16} />
          <Text size="sm" c="dimmed">{mm.save.saving}</Text>
        </>
      )}
      {state.kind === 'saved' && (
        <>
          <IconCircleCheck size={20} color="var(--mantine-color-green-7)" />
          <Text size="sm" c="green.8">{mm.save.saved(state.at)}</Text>
        </>
      )}
      {state.kind === 'failed' && (
        <>
          <IconAlertTriangle size={20} color={`var(--mantine-color-${state.retrying ? 'red' : 'orange'}-7)`} />
          <Text size="sm" c={state.retrying ? 'red.8' : 'orange.8'} title={state.message} maw={260} lineClamp={2}>
            {state.retrying ? mm.save.failed : mm.save.invalid(state.message)}
          </Text>
          {state.retrying && <Button size="compact-sm" variant="light" color="red" onClick={onRetry}>{mm.save.retry}</Button>}
        </>
      )}
    </Group>
  );
}
