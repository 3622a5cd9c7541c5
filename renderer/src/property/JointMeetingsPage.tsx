import { Badge, Button, SegmentedControl } from '@mantine/core';
import { IconPlus, IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { jointParties, resolutionStatuses } from '../../../main/api/property/labels';
import { today } from '../app/clock';
import { setParams, useRoute } from '../app/router';
import { CommunityFilter } from '../components/CommunityFilter';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { pj } from '../i18n/property-meetings';
import { EstateSelect } from './common/EstateSelect';
import { ListPage } from '../components/ListPage';
import { JointMeetingDrawer } from './joint/JointMeetingDrawer';
import { openJointMeetingMode } from './joint/meeting-mode/openMeetingMode';
import type { JointMeetingListRow, ResolutionRow } from './types';

const l = pj.list;
const DAY_MS = 86_400_000;
const daysLate = (dueOn: string, day: string) => Math.round((Date.parse(day) - Date.parse(dueOn)) / DAY_MS);

const meetingColumns: Column<JointMeetingListRow>[] = [
  { key: 'date', title: l.columns.date, width: 104, render: (m) => <span className="num">{m.heldOn}</span> },
  { key: 'estate', title: l.columns.estate, width: 'minmax(160px, 1.5fr)', render: (m) => m.estateName },
  { key: 'convener', title: l.columns.convener, width: 'minmax(100px, 1fr)', render: (m) => m.convener },
  { key: 'topics', title: l.columns.topics, width: 72, align: 'right', render: (m) => <span className="num">{fmtInt(m.topics)}</span> },
  { key: 'resolutions', title: l.columns.resolutions, width: 72, align: 'right', render: (m) => <span className="num">{fmtInt(m.resolutions)}</span> },
  {
    key: 'unfinished', title: l.columns.unfinished, width: 72, align: 'right',
    render: (m) => (m.unfinished ? <Badge size="sm" variant="light" color="orange">{fmtInt(m.unfinished)}</Badge> : <span className="num">0</span>),
  },
];

const overdueColumns = (day: string): Column<ResolutionRow>[] => [
  { key: 'estate', title: l.overdueColumns.estate, width: 'minmax(140px, 1fr)', render: (r) => r.estateName },
  { key: 'content', title: l.overdueColumns.content, width: 'minmax(220px, 2.5fr)', render: (r) => <span title={r.content}>{r.content}</span> },
  { key: 'party', title: l.overdueColumns.responsible, width: 150, render: (r) => [jointParties[r.responsibleParty], r.responsiblePerson].filter(Boolean).join(' · ') },
  { key: 'due', title: l.overdueColumns.dueOn, width: 104, render: (r) => <span className="num">{r.dueOn}</span> },
  { key: 'late', title: l.overdueColumns.late, width: 72, align: 'right', render: (r) => <span className="num">{l.lateDays(daysLate(r.dueOn, day))}</span> },
  { key: 'status', title: l.overdueColumns.status, width: 84, render: (r) => <Badge size="sm" variant="light" radius="sm">{resolutionStatuses[r.status]}</Badge> },
];

/** 三方联动: the joint meetings (per estate or all), and the resolutions past their deadline across the street. */
export function JointMeetingsPage() {
  const route = useRoute();
  const p = route.params;
  const view = p.get('view') === 'overdue' ? 'overdue' : 'meetings';
  const estateId = p.get('estate');
  const communityId = p.get('community');
  const [total, setTotal] = useState<number | null>(null);
  const openNew = () => setParams(route, { meeting: 'new' });
  const open = p.get('meeting');
  const day = today();

  return (
    <ListPage
      title={l.title}
      count={total === null ? null : view === 'overdue' ? l.overdueCount(total) : l.count(total)}
      actions={
        <>
          <Button variant="light" leftSection={<IconPresentation size={16} />} title={pj.mode.openHint}
            onClick={() => openJointMeetingMode({ estateId })}>{pj.mode.open}</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={openNew}>{l.record}</Button>
        </>
      }
      filters={
        <>
          <SegmentedControl value={view} onChange={(v) => (setTotal(null), setParams(route, { view: v === 'overdue' ? v : null }))}
            data={[{ value: 'meetings', label: l.views.meetings }, { value: 'overdue', label: l.views.overdue }]} />
          {/* A community narrows the estates to pick as well: an estate chosen elsewhere is let go. */}
          <CommunityFilter value={communityId} onChange={(id) => setParams(route, { community: id, estate: null })} />
          {view === 'meetings' && (
            <EstateSelect value={estateId} onChange={(id) => setParams(route, { estate: id })} placeholder={l.allEstates} clearable w={260}
              communityId={communityId} />
          )}
        </>
      }
    >
      {view === 'meetings' ? (
        <VirtualTable channel="property.listJointMeetings" input={{ estateId, communityId }} columns={meetingColumns} rowKey={(m) => m.id}
          onRowClick={(m) => setParams(route, { meeting: m.id })} onTotal={setTotal}
          empty={estateId || communityId ? <EmptyState title={l.emptyFiltered} actions={<Button onClick={openNew}>{l.record}</Button>} /> : (
            <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={openNew}>{l.record}</Button>} />
          )} />
      ) : (
        <VirtualTable channel="property.listOverdueResolutions" input={{ communityId }} columns={overdueColumns(day)} rowKey={(r) => r.id}
          onRowClick={(r) => setParams(route, { meeting: r.meetingId })} onTotal={setTotal}
          empty={<EmptyState title={l.overdueNone} hint={l.overdueNoneHint} />} />
      )}
      {open && <JointMeetingDrawer meetingId={open === 'new' ? null : open} estateId={estateId} onClose={() => setParams(route, { meeting: null })} />}
    </ListPage>
  );
}
