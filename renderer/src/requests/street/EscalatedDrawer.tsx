import { Alert, Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AnswerEscalated } from '../../../../main/api/requests/schemas';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { Facts } from '../../components/Facts';
import { TextAreaField, TextField } from '../../components/fields';
import { useZodForm } from '../../components/useZodForm';
import { zh } from '../../i18n/zh-CN';
import { rq } from '../../i18n/requests';
import { StateBadge } from '../ledger/StateBadge';
import type { EscalatedView } from '../types';

const t = rq.street;
type StreetAnswerRow = NonNullable<EscalatedView['answer']>;

function AnswerCard({ answer }: { answer: StreetAnswerRow }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{answer.measures}</Text>
      <Text size="xs" c="dimmed" mt={4}>{t.answered(answer.answeredOn, answer.answeredBy)}</Text>
    </Paper>
  );
}

/**
 * One request a community handed up, as its package sent it: the facts, the street's answer to this escalation
 * (or the form to give it: measures and who answers; the day is the core's), and the answers given before the
 * community reopened it.
 */
export function EscalatedDrawer({ request: r, onClose }: { request: EscalatedView; onClose: () => void }) {
  const save = useApiMutation('requests.answerEscalated', { quiet: true });
  const [answer, setAnswer] = useState<StreetAnswerRow | null>(r.answer);
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useZodForm(AnswerEscalated, { unitCode: r.unitCode, requestId: r.id, measures: '', answeredBy: '' });
  const submit = form.submit(async (input) => {
    setRefusal(null);
    try {
      setAnswer(await save.mutateAsync(input));
    } catch (err) {
      if (err instanceof ApiError && !err.body.fields?.length) setRefusal(err.message);
      throw err;
    }
  });
  return (
    <Drawer opened position="right" size={520} onClose={onClose} title={<Text fw={600}>{t.drawerTitle}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      <Stack gap="md">
        <Facts labelWidth={110} items={[
          [t.facts.unit, r.unitName],
          [t.facts.reportedOn, r.reportedOn],
          [t.facts.place, r.placeName],
          [t.facts.content, <Text key="c" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Text>],
          [t.facts.handler, r.handlerName],
          [t.facts.dueOn, r.dueOn],
          [t.facts.round, r.round > 0 ? t.again(r.round) : t.firstRound],
          [t.facts.state, <StateBadge key="s" state={r.state} />],
        ]} />
        <div>
          <Text fw={600} size="sm" mb={6}>{answer ? t.thisAnswer : t.answerNow}</Text>
          {answer ? (
            <Stack gap="xs">
              <AnswerCard answer={answer} />
              {answer !== r.answer ? <Text size="xs" c="dimmed">{t.answerSent}</Text>
                : r.diverted ? <Text size="xs" c="orange.9">{t.divertedNote(r.handlerName)}</Text>
                : <Text size="xs" c="dimmed">{t.copyNote}</Text>}
            </Stack>
          ) : (
            <form noValidate onSubmit={(e) => (e.preventDefault(), void submit())}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
                e.preventDefault();
                void submit();
              }}>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">{t.answerIntro}</Text>
                <TextAreaField form={form} name="measures" label={t.measures} required autoFocus minRows={4} />
                <TextField form={form} name="answeredBy" label={t.answeredBy} required />
                {refusal && <Alert color="red" variant="light">{refusal}</Alert>}
                <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t.answer}</Button></Group>
              </Stack>
            </form>
          )}
        </div>
        {r.earlier.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={6}>{t.earlier}</Text>
            <Stack gap="xs">{r.earlier.map((a) => <AnswerCard key={a.id} answer={a} />)}</Stack>
          </div>
        )}
      </Stack>
    </Drawer>
  );
}
