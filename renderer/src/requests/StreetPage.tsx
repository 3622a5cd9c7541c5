import { Button, Group, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AnswerEscalated } from '../../../main/api/requests/schemas';
import { callApi, useApiMutation, useApiQuery } from '../api/queries';
import { ActionModal } from '../components/ActionModal';
import { EmptyState } from '../components/EmptyState';
import { TextAreaField, TextField } from '../components/fields';
import { saveFile } from '../components/files';
import { rq } from '../i18n/requests';
import { useUnit } from '../submission/TargetFields';
import { StateBadge } from './ledger/StateBadge';
import { ImportAnswers } from './street/ImportAnswers';
import type { EscalatedView } from './types';

const t = rq.street;

/**
 * 街道受理 (a street): the requests its communities handed up, from their packages, answered here; the answers go
 * down to each community in an answers package (docs/requests.md, "The street-escalation round trip"), which a
 * community imports on the same page.
 */
export function StreetPage() {
  const unit = useUnit();
  const list = useApiQuery('requests.listEscalated', {}, { enabled: unit?.unitLevel === 'street' });
  const [answering, setAnswering] = useState<EscalatedView | null>(null);
  const [to, setTo] = useState<string | null>(null);
  if (!unit) return null;
  // A community imports its street's answers here; a district answers nothing (its streets do).
  if (unit.unitLevel === 'district') return <EmptyState title={t.notHere} hint={t.notHereHint} />;
  if (unit.unitLevel !== 'street') return <ImportAnswers />;
  const rows = list.data ?? [];
  const communities = [...new Map(rows.map((r) => [r.unitCode, r.unitName])).entries()].map(([value, label]) => ({ value, label }));
  const download = async () => {
    if (!to) return;
    const out = await callApi('requests.buildAnswersPackage', { unitCode: to });
    saveFile(out.file);
  };
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" pb="md">
        <Group justify="space-between">
          <Title order={3}>{t.title}</Title>
          <Group gap="xs">
            <Select aria-label={t.packageFor} placeholder={t.packageFor} data={communities} value={to} onChange={setTo} w={160} />
            <Button variant="light" disabled={!to} onClick={() => void download()}>{t.package}</Button>
          </Group>
        </Group>
        {list.data && rows.length === 0 ? <EmptyState title={t.empty} hint={t.emptyHint} /> : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {Object.values(t.columns).map((c) => <Table.Th key={c}>{c}</Table.Th>)}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.unitCode}:${r.id}`}>
                  <Table.Td>{r.unitName}</Table.Td>
                  <Table.Td>{r.reportedOn}</Table.Td>
                  <Table.Td>{r.placeName}</Table.Td>
                  <Table.Td><Text size="sm" lineClamp={2}>{r.content}</Text></Table.Td>
                  <Table.Td>{r.handlerName}</Table.Td>
                  <Table.Td>{r.dueOn}</Table.Td>
                  <Table.Td>
                    {r.answer ? <Text size="sm">{r.answer.measures}<br /><Text span size="xs" c="dimmed">{t.answered(r.answer.answeredOn, r.answer.answeredBy)}</Text></Text> : null}
                  </Table.Td>
                  <Table.Td>
                    {/* Listed either handed up and unanswered, or answered here: then the copy's state says whether the community closed it. */}
                    {r.answer ? <StateBadge state={r.state} /> : <Button size="xs" onClick={() => setAnswering(r)}>{t.answer}</Button>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {answering && <AnswerModal request={answering} onClose={() => setAnswering(null)} />}
    </ScrollArea>
  );
}

function AnswerModal({ request, onClose }: { request: EscalatedView; onClose: () => void }) {
  const answer = useApiMutation('requests.answerEscalated', { quiet: true });
  return (
    <ActionModal title={t.answer} intro={t.answerIntro(request.content)} confirmLabel={t.answer} schema={AnswerEscalated} onClose={onClose}
      initial={{ unitCode: request.unitCode, requestId: request.id, measures: '', answeredBy: '' }}
      onSubmit={(input) => answer.mutateAsync(input)}
      fields={(form) => (
        <>
          <TextAreaField form={form} name="measures" label={t.measures} required autoFocus minRows={3} />
          <TextField form={form} name="answeredBy" label={t.answeredBy} required />
        </>
      )} />
  );
}
