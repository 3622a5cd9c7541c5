import { Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { templateStatuses } from '../../../main/api/property/labels';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { fmtInt, fmtTimestamp } from '../components/format';
import { pa } from '../i18n/property-assessments';
import { RowsTable, type RowsColumn } from './assessments/RowsTable';
import { TemplateDrawer } from './assessments/TemplateDrawer';
import { ListPage } from '../components/ListPage';
import type { TemplateRow } from './types';

const l = pa.templates;

const columns: RowsColumn<TemplateRow>[] = [
  { key: 'name', title: l.columns.name, render: (t) => t.name },
  { key: 'version', title: l.columns.version, width: 90, render: (t) => l.version(t.version) },
  {
    key: 'status', title: l.columns.status, width: 90,
    render: (t) => <Badge variant="light" radius="sm" color={t.status === 'published' ? 'green' : 'gray'}>{templateStatuses[t.status]}</Badge>,
  },
  { key: 'total', title: l.columns.total, width: 80, align: 'right', render: (t) => <span className="num">{pa.points(t.totalTenths)}</span> },
  { key: 'used', title: l.columns.assessments, width: 100, align: 'right', render: (t) => <span className="num">{fmtInt(t.assessments)}</span> },
  { key: 'updated', title: l.columns.updated, width: 170, render: (t) => <span className="num">{fmtTimestamp(t.updatedAt)}</span> },
];

/** 考评表: the score-sheet templates, every version; a draft is edited and published, a published one read and printed. */
export function TemplatesPage() {
  const route = useRoute();
  const list = useApiQuery('property.listTemplates', {});
  const open = route.params.get('template');
  const openNew = () => setParams(route, { template: 'new' });
  const rows = list.data ?? [];
  return (
    <ListPage title={l.title} count={list.data ? l.count(rows.length) : null}
      actions={<Button leftSection={<IconPlus size={16} />} onClick={openNew}>{l.add}</Button>}>
      {list.data && rows.length === 0 ? (
        <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={openNew}>{l.add}</Button>} />
      ) : (
        <RowsTable label={l.title} rows={rows} columns={columns} rowKey={(t) => t.id} onOpen={(t) => setParams(route, { template: t.id })} />
      )}
      {open && (
        <TemplateDrawer templateId={open === 'new' ? null : open} onClose={() => setParams(route, { template: null })}
          onOpen={(id) => setParams(route, { template: id })} />
      )}
    </ListPage>
  );
}
