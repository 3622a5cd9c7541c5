import { Alert, Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CorrectionInput } from '../../../main/api/property/assessment-schemas';
import { assessorBodies } from '../../../main/api/property/labels';
import { periodText, ruleText } from '../../../main/api/property/scoring';
import { useApiMutation, useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { PdfButtons } from '../components/PdfButtons';
import { ActionModal } from '../components/ActionModal';
import { EmptyState } from '../components/EmptyState';
import { TextAreaField } from '../components/fields';
import { fmtTimestamp } from '../components/format';
import { pa } from '../i18n/property-assessments';
import { zh } from '../i18n/zh-CN';
import { currentQuarter, PeriodPicker } from './assessments/PeriodPicker';
import { RowsTable, type RowsColumn } from './assessments/RowsTable';
import { StandingBadge } from './assessments/StandingBadge';
import { ListPage } from '../components/ListPage';
import type { ListEntry, ListSnapshot } from './types';

const l = pa.list;

const columns: RowsColumn<ListEntry>[] = [
  { key: 'rank', title: l.columns.rank, width: 64, align: 'center', render: (e) => <span className="num">{e.rank}</span> },
  { key: 'estate', title: l.columns.estate, render: (e) => e.estateName },
  { key: 'company', title: l.columns.company, render: (e) => e.companyName },
  {
    key: 'score', title: l.columns.score, width: 120, align: 'right',
    render: (e) => (
      <>
        {e.vetoed && <Badge size="xs" color="dark" mr={4}>{l.vetoed}</Badge>}
        <span className="num">{pa.points(e.scoreTenths)}</span>
      </>
    ),
  },
  { key: 'bodies', title: l.columns.bodies, render: (e) => <Text size="xs" c="dimmed">{e.bodies.map((b) => `${assessorBodies[b.body]} ${pa.points(b.totalTenths)}`).join('；')}</Text> },
  { key: 'standing', title: l.columns.standing, width: 80, render: (e) => <StandingBadge standing={e.standing} /> },
];

/** 红黑榜: the period's ranking from the scores as they are, its publication as a frozen snapshot, and 更正 revisions. */
export function RedBlackListPage() {
  const route = useRoute();
  const period = route.params.get('period') ?? currentQuarter();
  const ranking = useApiQuery('property.getRanking', { period });
  const publish = useApiMutation('property.publishList');
  const correct = useApiMutation('property.correctList');
  const print = useApiMutation('property.printList');
  const [view, setView] = useState<string>('live');
  const [correcting, setCorrecting] = useState(false);
  const r = ranking.data;
  const published = r?.published ?? [];
  const latest = published[published.length - 1];
  const shown: ListSnapshot | undefined = published.find((p) => String(p.revision) === view);
  const rows = shown ? shown.entries : (r?.entries ?? []);

  const askPublish = () =>
    modals.openConfirmModal({
      title: l.publishTitle,
      children: <Text size="sm">{l.publishBody(periodText(period))}</Text>,
      labels: { confirm: l.publish, cancel: zh.common.cancel },
      onConfirm: () => void publish.mutateAsync({ period }).then((s) => (notifications.show({ color: 'green', message: l.published }), setView(String(s.revision)))),
    });

  return (
    <ListPage title={`${l.title} · ${periodText(period)}`}
      actions={
        <>
          {shown && <PdfButtons make={() => print.mutateAsync({ id: shown.id })} printLabel={l.print} />}
          {r && !latest && <Button disabled={r.entries.length === 0} onClick={askPublish}>{l.publish}</Button>}
          {r?.differsFromPublished && <Button color="orange" onClick={() => setCorrecting(true)}>{l.correct}</Button>}
        </>
      }
      filters={
        <Stack gap={6} style={{ flex: 1 }}>
          <Group gap="sm">
            <PeriodPicker key={period} value={period} onChange={(p) => (setView('live'), setParams(route, { period: p }))} />
            {published.length > 0 && (
              <SegmentedControl size="xs" value={view} onChange={setView} aria-label={l.title}
                data={[{ value: 'live', label: l.live }, ...published.map((p) => ({ value: String(p.revision), label: l.revision(p.revision) }))]} />
            )}
          </Group>
          {r && <Text size="sm"><Text span c="dimmed">{l.rule}：</Text>{shown ? ruleText(shown.rule) : r.ruleText}</Text>}
          {shown && <SnapshotFacts s={shown} />}
          {r?.differsFromPublished && !shown && <Alert color="orange" variant="light" py={6}>{l.differs}</Alert>}
          {r && r.unscored > 0 && !shown && <Text size="xs" c="dimmed">{l.unscored(r.unscored)}</Text>}
        </Stack>
      }>
      {r && rows.length === 0 ? (
        <EmptyState title={l.empty} hint={l.emptyHint} />
      ) : (
        <RowsTable label={l.title} rows={rows} columns={columns} rowKey={(e) => e.assessmentId} highlight={shown && ((e) => shown.changed.includes(e.assessmentId))} />
      )}
      {correcting && (
        <ActionModal title={l.correctTitle} intro={l.correctIntro} schema={CorrectionInput} initial={{ period, reason: '' }} confirmLabel={l.correct}
          fields={(form) => <TextAreaField form={form} name="reason" label={l.reason} required autoFocus minRows={2} />}
          onSubmit={async (input) => {
            const s = await correct.mutateAsync(input);
            notifications.show({ color: 'green', message: l.corrected });
            setView(String(s.revision));
          }}
          onClose={() => setCorrecting(false)} />
      )}
    </ListPage>
  );
}

function SnapshotFacts({ s }: { s: ListSnapshot }) {
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed">{l.publishedAt(fmtTimestamp(s.publishedAt), s.operator)}</Text>
      {s.reason && <Badge color="orange" variant="light" radius="sm">{l.correctionMark}</Badge>}
      {s.reason && <Text size="sm" data-testid="correction-reason">{s.reason}</Text>}
      {s.revision > 1 && <Text size="xs" c="dimmed">{l.changedCount(s.changed.length)}</Text>}
    </Group>
  );
}
