import { SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { addDays } from '../../../../main/api/common/days';
import { ApplicationStepInput } from '../../../../main/api/fund/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField, NumberField, TextAreaField, TextField } from '../../components/fields';
import type { ZodForm } from '../../components/useZodForm';
import { fundApplications } from '../../i18n/fund-applications';
import type { Application } from './types';
import type { Step } from './words';

const s = fundApplications.step;

const noticeFields = (form: ZodForm) => (
  <SimpleGrid cols={2}>
    <DateField form={form} name="noticeFrom" label={s.from} required autoFocus />
    <DateField form={form} name="noticeTo" label={s.to} required />
  </SimpleGrid>
);

/** One step of an application, with what that step records; the core checks the rest and says why beside the field. */
export function StepModal({ a, to, onClose }: { a: Application; to: Step; onClose: () => void }) {
  const settings = useApiQuery('fund.getSettings', {});
  const step = useApiMutation('fund.stepApplication', { quiet: true });
  const label = fundApplications.steps[to];
  const planDays = settings.data?.planNoticeDays ?? 5;
  const resultDays = settings.data?.resultNoticeDays ?? 10;
  // The notice starts tomorrow at the earliest and runs the setting's days, both ends counted.
  const start = addDays(today(), 1);
  const spec: Record<Step, { intro: string; initial: Record<string, unknown>; fields?: (form: ZodForm) => ReactNode }> = {
    noticed: { intro: s.noticedIntro(planDays), initial: { noticeFrom: start, noticeTo: addDays(start, planDays - 1) }, fields: noticeFields },
    approved: {
      intro: s.approvedIntro,
      initial: { approvedOn: today(), approvalRef: '', objections: 0, objectionReply: '' },
      fields: (form) => (
        <>
          <SimpleGrid cols={2}>
            <DateField form={form} name="approvedOn" label={s.approvedOn} required autoFocus />
            <TextField form={form} name="approvalRef" label={s.approvalRef} />
          </SimpleGrid>
          <NumberField form={form} name="objections" label={s.objections} min={0} required />
          <TextAreaField form={form} name="objectionReply" label={s.objectionReply} minRows={2} />
        </>
      ),
    },
    result_noticed: { intro: s.resultIntro(resultDays), initial: { noticeFrom: start, noticeTo: addDays(start, resultDays - 1) }, fields: noticeFields },
    closed: { intro: s.closedIntro, initial: {} },
    rejected: { intro: s.endIntro, initial: { reason: '' }, fields: (form) => <TextField form={form} name="reason" label={s.reason} required autoFocus /> },
    withdrawn: { intro: s.endIntro, initial: { reason: '' }, fields: (form) => <TextField form={form} name="reason" label={s.reason} required autoFocus /> },
  };
  const x = spec[to];
  return (
    <ActionModal
      title={`${label} · ${a.title}`}
      intro={x.intro}
      schema={ApplicationStepInput}
      initial={{ applicationId: a.id, to, ...x.initial }}
      confirmLabel={label}
      danger={to === 'rejected' || to === 'withdrawn'}
      fields={x.fields}
      onSubmit={(input) => step.mutateAsync(input).then(() => notifications.show({ color: 'green', message: s.done(label) }))}
      onClose={onClose}
    />
  );
}
