import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { meetingTypes } from '../../../main/api/party/labels';
import { navigate, setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { pm } from '../i18n/party-meetings';
import { MeetingDrawer } from './meetings/MeetingDrawer';
import { MeetingFilters } from './meetings/MeetingFilters';
import { isMeetingType, typesFor } from './meetings/meetingDraft';
import { useOrg } from '../components/UnitSelect';
import type { MeetingListRow, MeetingType } from './meetings/types';

const l = pm.list;

const columns: Column<MeetingListRow>[] = [
  { key: 'date', title: l.columns.date, width: 104, render: (m) => m.heldOn },
  { key: 'type', title: l.columns.type, width: 120, render: (m) => <Badge variant="light" radius="sm">{meetingTypes[m.type]}</Badge> },
  { key: 'org', title: l.columns.org, width: 'minmax(140px, 1fr)', render: (m) => m.orgName },
  { key: 'topic', title: l.columns.topic, width: 'minmax(200px, 2fr)', render: (m) => m.topic },
  {
    key: 'attendance', title: l.columns.attendance, width: 120, align: 'right',
    render: (m) => <span className="num">{`${fmtInt(m.present)} / ${fmtInt(m.absent)} / ${fmtInt(m.leave)}`}</span>,
  },
  { key: 'resolutions', title: l.columns.resolutions, width: 72, align: 'right', render: (m) => <span className="num">{fmtInt(m.resolutions)}</span> },
];

/** 三会一课 register: every meeting of the units in scope, newest first, with the drawer to record or open one. */
export function MeetingsPage() {
  const route = useRoute();
  const p = route.params;
  const [total, setTotal] = useState<number | null>(null);
  const org = p.get('org');
  const orgLevel = useOrg(org).active?.level;
  const type = p.get('type');
  const filtered = !!(org || type || p.get('from') || p.get('to'));

  // A filter on a branch or group is where the next meeting most likely happens.
  const meetingUnit = org && typesFor(orgLevel).length ? org : null;
  const defaultType = (): MeetingType => {
    const allowed = meetingUnit ? typesFor(orgLevel) : (Object.keys(meetingTypes) as MeetingType[]);
    if (isMeetingType(type) && allowed.includes(type)) return type;
    return allowed.includes('theme_day') ? 'theme_day' : allowed[0]!;
  };
  const openNew = () => setParams(route, { new: 1, meeting: null, newOrg: meetingUnit, newType: defaultType(), newDate: null });
  const openMode = () => navigate('/party/meeting-mode', meetingUnit ? { org: meetingUnit, type: defaultType() } : {});
  const closeDrawer = () => setParams(route, { meeting: null, new: null, newOrg: null, newType: null, newDate: null });
  const newType = p.get('newType');

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{l.title}</Title>
          {total !== null && <Text size="sm" c="dimmed">{l.count(total)}</Text>}
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPresentation size={16} />} onClick={openMode} title={l.meetingModeHint}>
            {l.meetingMode}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={openNew}>{l.record}</Button>
        </Group>
      </Group>
      <MeetingFilters route={route} />
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Box style={{ flex: 1, minHeight: 0 }}>
          <VirtualTable
            channel="party.listMeetings"
            input={{ orgId: org, type: isMeetingType(type) ? type : null, from: p.get('from'), to: p.get('to') }}
            columns={columns}
            rowKey={(m) => m.id}
            onRowClick={(m) => setParams(route, { meeting: m.id, new: null })}
            onTotal={setTotal}
            empty={
              filtered ? (
                <EmptyState title={l.emptyFiltered} hint={l.emptyFilteredHint} />
              ) : (
                <EmptyState title={l.empty} hint={l.emptyHint} actions={
                  <Group gap="xs">
                    <Button variant="default" onClick={openMode}>{l.meetingMode}</Button>
                    <Button onClick={openNew}>{l.record}</Button>
                  </Group>
                } />
              )
            }
          />
        </Box>
      </Paper>
      {(p.get('meeting') || p.get('new')) && (
        <MeetingDrawer
          meetingId={p.get('meeting')}
          prefill={{ orgId: p.get('newOrg'), type: isMeetingType(newType) ? newType : null, heldOn: p.get('newDate') }}
          onClose={closeDrawer}
        />
      )}
    </Stack>
  );
}
