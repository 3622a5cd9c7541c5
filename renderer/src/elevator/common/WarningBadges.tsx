import { Badge, Group, Tooltip } from '@mantine/core';
import { elevatorWarnings } from '../../../../main/api/elevator/labels';
import type { ElevatorView } from '../types';

const COLOR: Record<keyof typeof elevatorWarnings, string> = {
  maintenance_overdue: 'red',
  inspection_overdue: 'red',
  inspection_due: 'orange',
  level_due: 'yellow',
  self_inspection_missing: 'gray',
};

/** An elevator's warnings as badges, each saying in its tooltip why. */
export function WarningBadges({ warnings }: { warnings: ElevatorView['warnings'] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {warnings.map((w) => (
        <Tooltip key={w.code + w.message} label={w.message} withinPortal>
          <Badge size="sm" variant="light" radius="sm" color={COLOR[w.code]}>{elevatorWarnings[w.code]}</Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
