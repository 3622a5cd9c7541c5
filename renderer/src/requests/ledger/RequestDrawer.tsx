import { Alert, Badge, Button, Drawer, Group, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { handlerKinds, ratings, requestSources, urgencies } from '../../../../main/api/requests/labels';
import { stepName, type RequestState } from '../../../../main/api/requests/rules';
import { useApiQuery } from '../../api/queries';
import { Facts, type Fact } from '../../components/Facts';
import { RevealValue } from '../../components/RevealValue';
import { fmtTimestamp } from '../../components/format';
import { zh } from '../../i18n/zh-CN';
import { rq } from '../../i18n/requests';
import { StateBadge } from './StateBadge';
import { useCategories } from '../useCategories';
import { StepModal } from './StepModal';

const d = rq.detail;
type Step = Exclude<RequestState, 'reported'>;

/** A request: what was reported (the reporter masked), where it stands, its history, and only the steps allowed next. */
export function RequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useApiQuery('requests.getRequest', { id });
  const categories = useCategories();
  const [step, setStep] = useState<Step | null>(null);
  const r = q.data;
  // The reporter stays masked; a reviewer may see one value in full, with the reason, audited.
  const reveal = (field: 'reporterName' | 'reporterPhone', masked: string | null) =>
    masked && <RevealValue recordId={id} channel="requests.revealReporter" field={field} masked={masked} />;
  const facts: Fact[] = !r ? [] : ([
    [d.facts.reportedOn, r.reportedOn],
    [d.facts.source, requestSources[r.source as keyof typeof requestSources]],
    [d.facts.reporter, r.anonymous ? rq.ledger.anonymous : reveal('reporterName', r.reporterName)],
    [d.facts.phone, !r.anonymous && reveal('reporterPhone', r.reporterPhone)],
    [d.facts.place, r.placeName],
    [d.facts.grid, r.gridName ?? d.noGrid],
    [d.facts.content, r.content],
    [d.facts.category, categories.name(r.category)],
    [d.facts.urgency, r.urgency && urgencies[r.urgency as keyof typeof urgencies]],
    [d.facts.answer, r.answer],
    [d.facts.reason, r.reason],
    [d.facts.handler, r.handlerKind && `${handlerKinds[r.handlerKind as keyof typeof handlerKinds]} · ${r.handlerName ?? ''}`],
    [d.facts.dueOn, r.dueOn],
    [d.facts.result, r.result],
    [d.facts.publicisedOn, r.publicisedOn],
    [d.facts.rating, r.rating && ratings[r.rating as keyof typeof ratings]],
    [d.facts.reopened, r.reopened > 0 && d.reopenedTimes(r.reopened)],
  ] as Fact[]).filter(([, v]) => v);

  return (
    <Drawer opened position="right" size={520} onClose={onClose} title={<Text fw={600}>{d.title}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      {r && (
        <Stack gap="md">
          <Group gap={6}><StateBadge state={r.state} />{r.overdue && <Badge color="red" radius="sm">{rq.ledger.overdue}</Badge>}</Group>
          {r.overdue && r.dueOn && <Alert color="red" variant="light">{d.overdue(r.dueOn)}</Alert>}
          <Facts items={facts} labelWidth={96} />
          <div>
            <Text fw={600} size="sm" mb={6}>{d.next}</Text>
            {r.nextSteps.length === 0 ? <Text size="sm" c="dimmed">{d.finished}</Text> : (
              <Group gap="xs">
                {r.nextSteps.map((to) => (
                  <Button key={to} size="xs" variant={to === 'not_accepted' ? 'default' : 'light'} onClick={() => setStep(to as Step)}>{stepName(r.state, to)}</Button>
                ))}
              </Group>
            )}
          </div>
          <div>
            <Text fw={600} size="sm" mb={6}>{d.history}</Text>
            <Timeline active={r.steps.length - 1} bulletSize={14} lineWidth={2}>
              {r.steps.map((s) => (
                <Timeline.Item key={s.id} title={<Text size="sm" fw={500}>{`${stepName(s.fromState, s.toState)} · ${s.onDay}`}</Text>}>
                  {s.note && <Text size="sm">{s.note}</Text>}
                  {typeof s.detail.dueOn === 'string' && <Text size="xs" c="dimmed">{`${d.facts.dueOn} ${s.detail.dueOn}`}</Text>}
                  {typeof s.detail.result === 'string' && <Text size="xs" c="dimmed">{s.detail.result}</Text>}
                  {typeof s.detail.rating === 'string' && <Text size="xs" c="dimmed">{ratings[s.detail.rating as keyof typeof ratings]}</Text>}
                  <Text size="xs" c="dimmed">{`${s.operator} ${fmtTimestamp(s.createdAt)}`}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        </Stack>
      )}
      {r && step && <StepModal request={r} to={step} onClose={() => setStep(null)} />}
    </Drawer>
  );
}
