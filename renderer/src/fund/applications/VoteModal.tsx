import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { consentProblems, consentVerdict } from '../../../../main/api/fund/applications';
import { VoteInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { AreaField } from '../../components/AreaField';
import { DateField, NumberField } from '../../components/fields';
import type { ZodForm } from '../../components/useZodForm';
import { fundApplications } from '../../i18n/fund-applications';
import type { Application } from './types';
import { voteLines } from './voteWords';

const v = fundApplications.vote;

/** The verdict as the clerk types, from the same rule the core applies. */
function Verdict({ a, form }: { a: Application; form: ZodForm }) {
  const n = (k: string) => (typeof form.values[k] === 'number' ? (form.values[k] as number) : null);
  const [vh, va, ah, aa] = [n('votedHouseholds'), n('votedArea'), n('agreedHouseholds'), n('agreedArea')];
  if (vh === null || va === null || ah === null || aa === null) return null;
  const tally = { totalHouseholds: a.totalHouseholds, totalArea: a.totalArea, votedHouseholds: vh, votedArea: va, agreedHouseholds: ah, agreedArea: aa };
  const verdict = consentVerdict(a.rule, tally);
  return (
    <Alert color={verdict.passed ? 'green' : 'orange'} variant="light" title={verdict.passed ? v.passed : v.failed}>
      <Stack gap={2}>
        {voteLines(tally).map((line) => <Text key={line} size="sm">{line}</Text>)}
        {consentProblems(a.rule, verdict).map((p) => <Text key={p} size="sm" c="orange.9">{p}</Text>)}
      </Stack>
    </Alert>
  );
}

export function VoteModal({ a, onClose }: { a: Application; onClose: () => void }) {
  const record = useApiMutation('fund.recordVote', { quiet: true });
  return (
    <ActionModal
      title={v.recordTitle}
      intro={v.intro}
      schema={VoteInput}
      initial={{
        applicationId: a.id, votedHouseholds: a.votedHouseholds, votedArea: a.votedArea, agreedHouseholds: a.agreedHouseholds, agreedArea: a.agreedArea,
        voteClosedOn: a.voteClosedOn ?? today(),
      }}
      confirmLabel={v.record}
      fields={(form) => (
        <>
          <SimpleGrid cols={2}>
            <NumberField form={form} name="votedHouseholds" label={v.voted} min={0} required autoFocus />
            <AreaField form={form} name="votedArea" label={v.votedArea} required />
            <NumberField form={form} name="agreedHouseholds" label={v.agreed} min={0} required />
            <AreaField form={form} name="agreedArea" label={v.agreedArea} required />
          </SimpleGrid>
          <DateField form={form} name="voteClosedOn" label={v.closedOn} required />
          <Verdict a={a} form={form} />
        </>
      )}
      onSubmit={(input) => record.mutateAsync(input).then(() => notifications.show({ color: 'green', message: v.saved }))}
      onClose={onClose}
    />
  );
}
