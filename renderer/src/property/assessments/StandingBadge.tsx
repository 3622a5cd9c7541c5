import { Badge } from '@mantine/core';
import { standings } from '../../../../main/api/property/labels';
import type { ListEntry } from '../types';

/** 红榜 in red, 黑榜 in black; nothing for the rest. */
export function StandingBadge({ standing }: { standing: ListEntry['standing'] }) {
  if (standing === 'none') return null;
  return <Badge radius="sm" color={standing === 'red' ? 'red' : 'dark'} variant={standing === 'red' ? 'light' : 'filled'}>{standings[standing]}</Badge>;
}
