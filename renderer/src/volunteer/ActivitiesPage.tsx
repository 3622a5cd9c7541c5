import { Badge, Box, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { activityStatuses } from '../../../main/api/volunteer/labels';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { va } from '../i18n/volunteer-activities';
import { vol } from '../i18n/volunteer';
import { zh } from '../i18n/zh-CN';
import { UnitSelect } from '../components/UnitSelect';
import { ActivityDrawer } from './activities/ActivityDrawer';
import { ActivityForm } from './activities/ActivityForm';
import type { ActivityListRow } from './types';

const t = va.activities;
const c = t.columns;
const STATUS_COLOR = { planned: 'blue', recorded: 'orange', credited: 'green' } as const;
type Status = keyof typeof activityStatuses;
const isStatus = (v: string | null): v is Status => !!v && v in activityStatuses;

const columns: Column<ActivityListRow>[] = [
  { key: 'date', title: c.date, width: 104, render: (r) => r.onDate },
  { key: 'title', title: c.title, width: 'minmax(200px, 2fr)', render: (r) => r.title },
  { key: 'post', title: c.post, width: 'minmax(110px, 1fr)', render: (r) => r.postName ?? '' },
  { key: 'org', title: c.org, width: 'minmax(130px, 1fr)', render: (r) => r.organiserName },
  { key: 'people', title: c.people, width: 90, align: 'right', render: (r) => <span className="num">{`${fmtInt(r.signedUp)} / ${fmtInt(r.present)}`}</span> },
  { key: 'hours', title: c.hours, width: 72, align: 'right', render: (r) => <span className="num">{tenthsText(r.hours)}</span> },
  { key: 'status', title: c.status, width: 104, render: (r) => <Badge variant="light" color={STATUS_COLOR[r.status]} radius="sm">{activityStatuses[r.status]}</Badge> },
];

/** 志愿活动: plan, sign up, record hours, credit points — the list newest first, the activity in a drawer. */
export function ActivitiesPage() {
  const route = useRoute();
  const p = route.params;
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  const [total, setTotal] = useState<number | null>(null);
  const [planning, setPlanning] = useState(false);
  const status = p.get('status');
  const input = { orgId: p.get('org'), status: isStatus(status) ? status : null };
  const plan = (
    <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setPlanning(true)}>{t.plan}</Button>
  );

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t.title}</Title>
          {total !== null && <Text size="sm" c="dimmed">{t.count(total)}</Text>}
        </Group>
        {plan}
      </Group>
      <Group gap="xs">
        <UnitSelect value={input.orgId} onChange={(v) => set({ org: v })} levels={['community_committee', 'branch', 'group']} placeholder={vol.common.unitScope} clearable w={260} />
        <SegmentedControl
          aria-label={t.status}
          value={input.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? null : v })}
          data={[{ value: 'all', label: zh.common.all }, ...Object.entries(activityStatuses).map(([value, label]) => ({ value, label }))]}
        />
      </Group>
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Box style={{ flex: 1, minHeight: 0 }}>
          <VirtualTable
            channel="volunteer.listActivities"
            input={input}
            columns={columns}
            rowKey={(r) => r.id}
            onRowClick={(r) => set({ activity: r.id })}
            onTotal={setTotal}
            empty={input.orgId || input.status ? <EmptyState title={t.noMatch} /> : <EmptyState title={t.empty} hint={t.emptyHint} actions={plan} />}
          />
        </Box>
      </Paper>
      {p.get('activity') && <ActivityDrawer activityId={p.get('activity')!} onClose={() => set({ activity: null })} />}
      {planning && <ActivityForm activity={null} onClose={() => setPlanning(false)} onSaved={(id) => set({ activity: id })} />}
    </Stack>
  );
}
