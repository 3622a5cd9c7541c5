import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { formatFen } from '../../../../main/api/common/money';
import { consentRules, entryStatuses, paymentStages } from '../../../../main/api/fund/labels';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { href, navigate } from '../../app/router';
import { Facts, type Fact } from '../../components/Facts';
import { saveFile } from '../../components/files';
import { fmtArea, fmtInt } from '../../components/format';
import { SectionTitle } from '../../components/SectionTitle';
import { fundApplications } from '../../i18n/fund-applications';
import { PaymentForm } from './PaymentForm';
import { StepModal } from './StepModal';
import type { Application, ApplicationPayment } from './types';
import { VoteModal } from './VoteModal';
import { voteLines } from './voteWords';
import { WorksModal } from './WorksModal';
import { StatusBadge, stepsOf, todoWords, type Step } from './words';

const t = fundApplications;

const period = (from: string | null, to: string | null) => (from && to ? `${from} 至 ${to}` : null);

function facts(a: Application): Fact[] {
  return [
    [t.facts.works, a.works],
    [t.facts.budget, formatFen(a.budget)],
    [t.facts.rule, consentRules[a.rule]],
    [t.facts.totals, t.totals(fmtInt(a.totalHouseholds), fmtArea(a.totalArea))],
    [t.facts.planNotice, period(a.planNoticeFrom, a.planNoticeTo)],
    [t.facts.approved, a.approvedOn && `${a.approvedOn}${a.approvalRef ? `，${a.approvalRef}` : ''}`],
    [t.facts.objections, a.approvedOn && `${a.objections} 件${a.objectionReply ? `：${a.objectionReply}` : ''}`],
    [t.facts.worksStarted, a.worksStartedOn],
    [t.facts.paid, `${formatFen(a.paid)} / ${formatFen(a.pending)}`],
    [t.facts.resultNotice, period(a.resultNoticeFrom, a.resultNoticeTo)],
    ...(a.endReason ? ([[t.facts.endReason, a.endReason]] as Fact[]) : []),
  ];
}

function Vote({ a }: { a: Application }) {
  const tally = a.votedHouseholds === null || a.votedArea === null || a.agreedHouseholds === null || a.agreedArea === null
    ? null
    : { ...a, votedHouseholds: a.votedHouseholds, votedArea: a.votedArea, agreedHouseholds: a.agreedHouseholds, agreedArea: a.agreedArea };
  if (!tally) return <Text size="sm" c="dimmed">{t.vote.none}</Text>;
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color={a.verdict?.passed ? 'green' : 'orange'} variant="light">{a.verdict?.passed ? t.vote.passed : t.vote.failed}</Badge>
        <Text size="sm" c="dimmed">{`${t.vote.closedOn} ${a.voteClosedOn}`}</Text>
      </Group>
      {voteLines(tally).map((line) => <Text key={line} size="sm">{line}</Text>)}
      {a.voteProblems.map((p) => <Text key={p} size="sm" c="orange.9">{p}</Text>)}
    </Stack>
  );
}

function Payments({ payments, accountId }: { payments: ApplicationPayment[]; accountId: string }) {
  const k = t.payments.columns;
  if (payments.length === 0) return <Text size="sm" c="dimmed">{t.payments.none}</Text>;
  return (
    <Table fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{k.stage}</Table.Th><Table.Th>{k.onDate}</Table.Th><Table.Th>{k.counterparty}</Table.Th><Table.Th className="num">{k.amount}</Table.Th><Table.Th>{k.status}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {payments.map((p) => (
          <Table.Tr key={p.entryId}>
            <Table.Td>{paymentStages[p.stage]}</Table.Td>
            <Table.Td>{p.onDate}</Table.Td>
            <Table.Td>{p.counterparty}</Table.Td>
            <Table.Td className="num">{formatFen(p.amount)}</Table.Td>
            <Table.Td>
              {p.status === 'draft'
                ? <Anchor size="sm" href={href('/fund/journal', { account: accountId, draft: p.entryId })}>{`${entryStatuses.draft} · ${t.payments.sign}`}</Anchor>
                : <Text size="sm" span>{p.status === 'posted' ? `${t.payments.seq(p.seq)}${p.reversed ? ` · ${t.payments.reversed}` : ''}` : entryStatuses[p.status]}</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One application: its facts, vote, warnings, payments, the notices to print and the steps it may take now. */
export function ApplicationPanel({ applicationId }: { applicationId: string }) {
  const detail = useApiQuery('fund.getApplication', { applicationId });
  const print = useApiMutation('fund.printApplicationNotice');
  const [stepping, setStepping] = useState<Step | null>(null);
  const [voting, setVoting] = useState(false);
  const [works, setWorks] = useState(false);
  const [paying, setPaying] = useState(false);
  const d = detail.data;
  if (!d) return null;
  const a = d.application;
  const open = a.nextSteps.length > 0;
  const printNotice = (kind: 'plan' | 'result') =>
    void print.mutateAsync({ applicationId: a.id, kind }).then(saveFile);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs"><Title order={4}>{a.title}</Title><StatusBadge status={a.status} /></Group>
          {a.todo && <Text size="sm" c="orange.8">{todoWords(a)}</Text>}
        </Group>
        {a.warnings.map((w) => <Alert key={w} color="red" variant="light" role="alert" py={6}>{w}</Alert>)}
        <Facts items={facts(a)} labelWidth={110} />
        <SectionTitle title={t.vote.section} />
        <Vote a={a} />
        <SectionTitle title={t.payments.section} />
        <Payments payments={d.payments} accountId={a.accountId} />
        <Group gap="xs" mt="xs">
          {a.status === 'proposed' && <Button variant="light" onClick={() => setVoting(true)}>{t.vote.record}</Button>}
          {a.status === 'approved' && <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setPaying(true)}>{t.payments.add}</Button>}
          {open && <Button variant="default" onClick={() => setWorks(true)}>{t.works.record}</Button>}
          {a.planNoticeFrom && <Button variant="default" leftSection={<IconPrinter size={16} />} loading={print.isPending} onClick={() => printNotice('plan')}>{t.print.plan}</Button>}
          {a.resultNoticeFrom && <Button variant="default" leftSection={<IconPrinter size={16} />} loading={print.isPending} onClick={() => printNotice('result')}>{t.print.result}</Button>}
        </Group>
        {open && (
          <Group gap="xs">
            {stepsOf(a).map((to) => (
              <Button key={to} color={to === 'rejected' || to === 'withdrawn' ? 'red' : undefined} variant={to === 'rejected' || to === 'withdrawn' ? 'subtle' : 'filled'}
                onClick={() => setStepping(to)}>{t.steps[to]}</Button>
            ))}
          </Group>
        )}
      </Stack>
      {voting && <VoteModal a={a} onClose={() => setVoting(false)} />}
      {stepping && <StepModal a={a} to={stepping} onClose={() => setStepping(null)} />}
      {works && <WorksModal a={a} onClose={() => setWorks(false)} />}
      {paying && (
        <PaymentForm a={a} onClose={() => setPaying(false)} onMade={(entryId) => (setPaying(false), navigate('/fund/journal', { account: a.accountId, draft: entryId }))} />
      )}
    </Paper>
  );
}
