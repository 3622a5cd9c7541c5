import { Badge, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { callApi, useApiQuery } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { ListPage } from '../components/ListPage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { saveFile } from '../components/files';
import { rq } from '../i18n/requests';
import { useUnit } from '../submission/TargetFields';
import { StateBadge } from './ledger/StateBadge';
import { EscalatedDrawer } from './street/EscalatedDrawer';
import { ImportAnswers } from './street/ImportAnswers';
import type { EscalatedView } from './types';

const t = rq.street;
type Filter = keyof typeof t.filters;

const columns: Column<EscalatedView>[] = [
  { key: 'unit', title: t.columns.unit, width: 96, render: (r) => r.unitName },
  { key: 'reportedOn', title: t.columns.reportedOn, width: 100, render: (r) => <span className="num">{r.reportedOn}</span> },
  { key: 'place', title: t.columns.place, width: 'minmax(120px, 1fr)', wrap: true, render: (r) => r.placeName },
  { key: 'content', title: t.columns.content, width: 'minmax(180px, 2fr)', render: (r) => (
    <Group gap={4} wrap="nowrap">
      {r.round > 0 && <Badge size="sm" color="orange" variant="light" radius="sm" style={{ flexShrink: 0 }}>{rq.ledger.reopened(r.round)}</Badge>}
      <Text size="sm" truncate>{r.content}</Text>
    </Group>
  ) },
  { key: 'handler', title: t.columns.handler, width: 130, render: (r) => <Text size="sm" truncate>{r.handlerName ?? ''}</Text> },
  { key: 'dueOn', title: t.columns.dueOn, width: 100, render: (r) => <Text span size="sm" className="num" c={r.overdue ? 'red' : undefined}>{r.dueOn ?? ''}</Text> },
  { key: 'answer', title: t.columns.answer, width: 'minmax(160px, 1.5fr)', render: (r) => (r.answer
    ? <Group gap={4} wrap="nowrap">
      {r.diverted ? <Badge color="gray" variant="outline" radius="sm" style={{ flexShrink: 0 }}>{t.diverted}</Badge> : <StateBadge state={r.state} />}
      <Text size="sm" truncate>{r.answer.measures}</Text></Group>
    : <Group gap={4} wrap="nowrap"><Badge color="yellow" variant="light" radius="sm">{t.awaiting}</Badge>
      {r.overdue && <Badge color="red" radius="sm">{rq.ledger.overdue}</Badge>}</Group>) },
];

/**
 * 街道受理 (a street): the requests its communities handed up, from their packages, paged in SQL (待答复 first by
 * default); a row opens the drawer to answer it. The answers go down to each community in an answers package
 * (docs/requests.md, "The street-escalation round trip"), which a community imports on the same page.
 */
export function StreetPage() {
  const unit = useUnit();
  const [filter, setFilter] = useState<Filter>('open');
  const [total, setTotal] = useState<number | null>(null);
  const [open, setOpen] = useState<EscalatedView | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const units = useApiQuery('requests.listAnswerUnits', {}, { enabled: unit?.unitLevel === 'street' });
  if (!unit) return null;
  // A community imports its street's answers here; a district answers nothing (its streets do).
  if (unit.unitLevel === 'district') return <EmptyState title={t.notHere} hint={t.notHereHint} />;
  if (unit.unitLevel !== 'street') return <ImportAnswers />;
  const download = async () => {
    if (!to) return;
    const out = await callApi('requests.buildAnswersPackage', { unitCode: to });
    saveFile(out.file);
  };
  return (
    <ListPage title={t.title} count={total === null ? null : t.count(total)}
      actions={
        <>
          <Select aria-label={t.packageFor} placeholder={t.packageFor} w={220} value={to} onChange={setTo}
            data={(units.data ?? []).map((u) => ({ value: u.code, label: t.packageOption(u.name, u.answers) }))} />
          <Button variant="light" leftSection={<IconFileDownload size={16} />} disabled={!to} onClick={() => void download()}>{t.package}</Button>
        </>
      }
      filters={
        <SegmentedControl aria-label={t.filter} value={filter} onChange={(v) => setFilter(v as Filter)}
          data={Object.entries(t.filters).map(([value, label]) => ({ value, label }))} />
      }
    >
      <VirtualTable channel="requests.listEscalated" input={{ filter: filter === 'all' ? null : filter }} columns={columns}
        rowKey={(r) => `${r.unitCode}:${r.id}`} onRowClick={setOpen} onTotal={setTotal}
        empty={filter === 'all' ? <EmptyState title={t.empty} hint={t.emptyHint} /> : <Stack><EmptyState title={t.emptyFiltered} hint={t.emptyHint} /></Stack>} />
      {open && <EscalatedDrawer request={open} onClose={() => setOpen(null)} />}
    </ListPage>
  );
}
