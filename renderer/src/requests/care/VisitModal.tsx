import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { VisitCorrection, VisitInput } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField, TextAreaField, TextField } from '../../components/fields';
import { MemberPicker } from '../../components/MemberPicker';
import type { ZodForm } from '../../components/useZodForm';
import { rc } from '../../i18n/requests-care';
import type { CareView, VisitRow } from '../types';

const v = rc.visit;

/**
 * 登记走访, or 更正 one: the same fields, a correction with its reason. The log is append-only; a correction is a new
 * entry and the wrong one stays, struck through.
 */
export function VisitModal({ household, correcting, onClose }: { household: CareView; correcting: VisitRow | null; onClose: () => void }) {
  const add = useApiMutation('requests.addVisit', { quiet: true });
  const correct = useApiMutation('requests.correctVisit', { quiet: true });
  const [picked, setPicked] = useState<string | null>(correcting?.visitorMemberId ? v.picked(correcting.visitorName) : null);
  const fields = {
    visitedOn: correcting?.visitedOn ?? today(),
    visitorMemberId: correcting?.visitorMemberId ?? household.memberId,
    visitorName: correcting && !correcting.visitorMemberId ? correcting.visitorName : '',
    content: correcting?.content ?? '',
    followUp: correcting?.followUp ?? '',
  };
  const memberNote = picked ?? (!correcting && household.memberName ? v.picked(household.memberName) : v.memberHint);
  const body = (form: ZodForm) => (
    <>
      <DateField form={form} name="visitedOn" label={v.visitedOn} required />
      <Stack gap={4}>
        <Text size="sm" fw={500}>{v.member}</Text>
        <MemberPicker label={v.member} error={form.errors.visitorMemberId} onPick={(m) => (form.set('visitorMemberId', m.id), form.set('visitorName', ''), setPicked(v.picked(m.name)))} />
        <Text size="xs" c="dimmed">{memberNote}</Text>
      </Stack>
      <TextField form={form} name="visitorName" label={v.visitorName} />
      <TextAreaField form={form} name="content" label={v.content} placeholder={v.contentPlaceholder} required autoFocus minRows={2} />
      <TextField form={form} name="followUp" label={v.followUp} />
      {correcting && <TextField form={form} name="reason" label={v.reason} required />}
    </>
  );
  // A name typed is the visitor: the member picked (or the paired one) gives way to it.
  const visitor = <T extends { visitorName: string | null; visitorMemberId: string | null }>(i: T): T => (i.visitorName ? { ...i, visitorMemberId: null } : i);
  return correcting ? (
    <ActionModal title={v.correctTitle} intro={v.correctIntro} confirmLabel={v.correctTitle} schema={VisitCorrection}
      initial={{ ...fields, correctsId: correcting.id, reason: '' }} fields={body} onClose={onClose}
      onSubmit={(input) => correct.mutateAsync(visitor(input))} />
  ) : (
    <ActionModal title={v.title} intro={v.intro(household.personName)} confirmLabel={v.title} schema={VisitInput}
      initial={{ ...fields, householdId: household.id }} fields={body} onClose={onClose}
      onSubmit={(input) => add.mutateAsync(visitor(input))} />
  );
}
