import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState, type ReactNode } from 'react';
import { href, setParams, useRoute } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { pf } from '../../i18n/property-figures';
import { prop } from '../../i18n/property';
import { zh } from '../../i18n/zh-CN';
import { periodParam, PeriodSelect } from './PeriodSelect';
import { TrendDrawer } from './TrendDrawer';
import type { Period } from '../../../../main/api/property/figures';

/**
 * The frame of a figures page (满意度, 收费): title, the quarter (kept in the address, so a link can name it), the
 * grid, and an estate's trend in a drawer (`trend` parameter).
 */
export function FiguresPage(props: {
  title: string;
  intro: string;
  note?: string;
  loading: boolean;
  error?: string;
  empty: boolean;
  children: (period: Period, openTrend: (estateId: string) => void, onDirty: (rows: number) => void) => ReactNode;
}) {
  const route = useRoute();
  const period = periodParam(route.params.get('period'));
  const trend = route.params.get('trend');
  const [dirty, setDirty] = useState(0);
  // Another quarter is another sheet: typing not yet saved would be dropped, so ask first.
  const changePeriod = (p: Period) => {
    const go = () => setParams(route, { period: p });
    if (dirty === 0) return go();
    modals.openConfirmModal({
      title: pf.grid.leaveTitle,
      children: <Text size="sm">{pf.grid.leaveBody(dirty)}</Text>,
      labels: { confirm: pf.grid.leave, cancel: zh.common.cancel },
      confirmProps: { color: 'red' },
      onConfirm: go,
    });
  };
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Title order={3}>{props.title}</Title>
          <Text size="sm" c="dimmed">{props.intro}</Text>
        </Stack>
        <PeriodSelect value={period} onChange={changePeriod} />
      </Group>
      {props.note && <Text size="xs" c="dimmed">{props.note}</Text>}
      <Paper withBorder p="xs" style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {props.loading ? <Center py="xl"><Loader size="sm" /></Center> : props.error ? <Text c="red">{props.error}</Text> : props.empty ? (
          <EmptyState title={pf.grid.noEstates} hint={pf.grid.noEstatesHint}
            actions={<Button component="a" href={href('/property/estates', { estate: 'new' })}>{prop.estates.add}</Button>} />
        ) : props.children(period, (estateId) => setParams(route, { trend: estateId }), setDirty)}
      </Paper>
      {trend && <TrendDrawer estateId={trend} onClose={() => setParams(route, { trend: null })} />}
    </Stack>
  );
}

/** The period a figures page shows (for its query, before the frame renders). */
export const usePeriod = (): Period => periodParam(useRoute().params.get('period'));
