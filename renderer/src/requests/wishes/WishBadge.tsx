import { Badge } from '@mantine/core';
import { wishStates } from '../../../../main/api/requests/labels';
import type { WishView } from '../types';

const colour: Record<WishView['state'], string> = { open: 'orange', claimed: 'blue', fulfilled: 'green', withdrawn: 'gray' };

export const WishBadge = ({ state }: { state: WishView['state'] }) => (
  <Badge size="sm" radius="sm" variant="light" color={colour[state]}>{wishStates[state]}</Badge>
);
