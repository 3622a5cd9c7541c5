import { Badge, Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { navigate, setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { pa } from '../i18n/property-assessments';
import { AssessmentDrawer } from './assessments/AssessmentDrawer';
import { CreateAssessmentModal } from './assessments/CreateAssessmentModal';
import { currentQuarter, PeriodPicker } from './assessments/PeriodPicker';
import { RowsTable, type RowsColumn } from './assessments/RowsTable';
import { StandingBadge } from './assessments/StandingBadge';
import { ListPage } from '../components/ListPage';
import type { AssessmentRow, ListEntry } from './types';

const l = pa.assessments;

/** 服务考评: a period's assessments with their weighted score and standing; a row opens its sheets. */
export function AssessmentsPage() {
  const route = useRoute();
  const period = route.params.get('period') ?? currentQuarter();
  const list = useApiQuery('property.listAssessments', { period });
  const ranking = useApiQuery('property.getRanking', { period });
  const templates = useApiQuery('property.listTemplates', {});
  const [creating, setCreating] = useState(false);
  const open = route.params.get('assessment');
  const ranked = new Map((ranking.data?.entries ?? []).map((e) => [e.assessmentId, e]));
  const canCreate = (templates.data ?? []).some((t) => t.status === 'published');

  const columns: RowsColumn<AssessmentRow>[] = [
    { key: 'estate', title: l.columns.estate, render: (a) => a.estateName },
    { key: 'community', title: l.columns.community, width: 120, render: (a) => a.communityName },
    { key: 'company', title: l.columns.company, render: (a) => a.companyName },
    { key: 'template', title: l.columns.template, width: 200, render: (a) => pa.sheet.template(a.templateName, a.templateVersion) },
    { key: 'bodies', title: l.columns.bodies, width: 90, align: 'right', render: (a) => <span className="num">{l.bodies(a.sheets)}</span> },
    { key: 'score', title: l.columns.score, width: 110, align: 'right', render: (a) => <Score entry={ranked.get(a.id)} /> },
    { key: 'standing', title: l.columns.standing, width: 80, render: (a) => { const e = ranked.get(a.id); return e ? <StandingBadge standing={e.standing} /> : null; } },
  ];

  return (
    <ListPage title={l.title} count={list.data ? l.count(list.data.length) : null}
      actions={
        <>
          <Button variant="default" onClick={() => navigate('/property/lists', { period })}>{l.toList}</Button>
          <Button leftSection={<IconPlus size={16} />} disabled={!canCreate} onClick={() => setCreating(true)}>{l.add}</Button>
        </>
      }
      filters={<PeriodPicker key={period} value={period} onChange={(p) => setParams(route, { period: p })} />}>
      {list.data && list.data.length === 0 ? (
        <EmptyState title={l.empty} hint={canCreate ? l.emptyHint : l.noTemplate}
          actions={canCreate ? <Button onClick={() => setCreating(true)}>{l.add}</Button> : <Button onClick={() => navigate('/property/templates')}>{pa.templates.add}</Button>} />
      ) : (
        <RowsTable label={l.title} rows={list.data ?? []} columns={columns} rowKey={(a) => a.id} onOpen={(a) => setParams(route, { assessment: a.id })} />
      )}
      {creating && <CreateAssessmentModal period={period} onClose={() => setCreating(false)} onCreated={(id) => setParams(route, { assessment: id })} />}
      {open && <AssessmentDrawer assessmentId={open} onClose={() => setParams(route, { assessment: null })} />}
    </ListPage>
  );
}

function Score({ entry }: { entry: ListEntry | undefined }) {
  if (!entry) return <Text size="sm" c="dimmed">{l.notScored}</Text>;
  return (
    <>
      {entry.vetoed && <Badge size="xs" color="dark" mr={4}>{l.vetoed}</Badge>}
      <span className="num">{pa.points(entry.scoreTenths)}</span>
    </>
  );
}
