import { Badge } from '@mantine/core';
import { careColours, careColourShort } from '../../../../main/api/requests/labels';
import type { CareView } from '../types';

const mantine: Record<CareView['colour'], string> = { red: 'red', yellow: 'yellow', green: 'green' };

/** 分类分色: the household's colour as a filled badge (红 / 黄 / 绿), its meaning in the tooltip and for screen readers. */
export const ColourBadge = ({ colour, long = false }: { colour: CareView['colour']; long?: boolean }) => (
  <Badge size="sm" radius="sm" variant="filled" color={mantine[colour]} title={careColours[colour]} aria-label={careColours[colour]}>
    {long ? careColours[colour] : careColourShort[colour]}
  </Badge>
);
