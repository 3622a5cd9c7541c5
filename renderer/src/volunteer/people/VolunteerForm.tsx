import { Alert, SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { todayIso } from '../../../../main/api/common/calendar';
import {
  MemberVolunteerInput,
  ResidentEdit,
  ResidentInput,
  toVolunteerUpdate,
  VolunteerUpdate,
} from '../../../../main/api/volunteer/schemas';
import { useApiMutation } from '../../api/queries';
import { DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { vol } from '../../i18n/volunteer';
import { UnitSelect } from '../../components/UnitSelect';
import { IdNumberField, PhoneField } from '../../components/IdentityFields';
import { PersonPicker } from '../common/PersonPicker';
import type { PersonHit, VolunteerView } from '../types';

const f = vol.form;

export type VolunteerFormMode = { kind: 'resident' } | { kind: 'member' } | { kind: 'edit'; volunteer: VolunteerView };

const schemaFor = (mode: VolunteerFormMode): z.ZodType =>
  mode.kind === 'resident' ? ResidentInput : mode.kind === 'member' ? MemberVolunteerInput : mode.volunteer.kind === 'resident' ? ResidentEdit : VolunteerUpdate;

function initialValues(mode: VolunteerFormMode): Record<string, unknown> {
  const common = { team: '', skills: '', registeredOn: todayIso(), note: '' };
  if (mode.kind === 'resident') return { ...common, name: '', gender: null, idNumber: '', phone: '', address: '', orgId: null };
  if (mode.kind === 'member') return { ...common, memberId: '' };
  const v = mode.volunteer;
  const own = { id: v.id, team: v.team ?? '', skills: v.skills ?? '', registeredOn: v.registeredOn, note: v.note ?? '' };
  if (v.kind === 'member') return { ...own, resident: null };
  // The stored numbers never reach the form: shown masked, "keep" sends them back unchanged.
  return {
    ...own, name: v.name, gender: v.gender, address: v.address ?? '', orgId: v.orgId,
    idNumber: '', keepIdNumber: !!v.idNumberMasked, phone: '', keepPhone: !!v.phoneMasked,
  };
}

/** Registers a resident, adds a member to the register, or edits a volunteer; personal data of members stays in the member register. */
export function VolunteerForm({ mode, onClose, onSaved }: { mode: VolunteerFormMode; onClose: () => void; onSaved: (id: string) => void }) {
  const form = useZodForm(schemaFor(mode), initialValues(mode) as never);
  const [member, setMember] = useState<PersonHit | null>(null);
  const createResident = useApiMutation('volunteer.createResident');
  const addMember = useApiMutation('volunteer.addMember');
  const update = useApiMutation('volunteer.updateVolunteer');
  const editing = mode.kind === 'edit' ? mode.volunteer : null;
  const residentFields = mode.kind === 'resident' || editing?.kind === 'resident';

  const save = form.submit(async (parsed) => {
    const saved =
      mode.kind === 'resident' ? await createResident.mutateAsync(parsed as z.input<typeof ResidentInput>)
      : mode.kind === 'member' ? await addMember.mutateAsync(parsed as z.input<typeof MemberVolunteerInput>)
      : editing?.kind === 'resident' ? await update.mutateAsync(toVolunteerUpdate(parsed as z.output<typeof ResidentEdit>))
      : await update.mutateAsync(parsed as z.input<typeof VolunteerUpdate>);
    notifications.show({ color: 'green', message: f.saved });
    onSaved(saved.id);
    onClose();
  });

  const title = mode.kind === 'resident' ? f.residentTitle : mode.kind === 'member' ? f.memberTitle : f.editTitle(mode.volunteer.name);
  return (
    <FormDrawer opened title={title} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}>
      {mode.kind === 'member' && (
        <>
          <PersonPicker
            label={f.member}
            only="newMembers"
            required
            autoFocus
            selected={member}
            error={form.errors.memberId}
            onPick={(h) => {
              setMember(h);
              form.set('memberId', h?.memberId ?? '');
            }}
          />
          <Alert color="gray" p="xs">{f.memberHint}</Alert>
        </>
      )}
      {editing?.kind === 'member' && <Alert color="gray" p="xs">{vol.drawer.memberNote}</Alert>}
      {residentFields && (
        <>
          <SimpleGrid cols={2}>
            <TextField form={form} name="name" label={f.name} required autoFocus />
            <SelectField form={form} name="gender" label={f.gender} data={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} clearable />
          </SimpleGrid>
          <IdNumberField form={form} masked={editing?.idNumberMasked} />
          <PhoneField form={form} masked={editing?.phoneMasked} />
          <TextField form={form} name="address" label={f.address} />
          <UnitSelect
            label={f.org}
            required
            levels={['community_committee', 'branch', 'group']}
            value={(form.values.orgId as string | null) ?? null}
            onChange={(v) => form.set('orgId', v)}
            onBlur={() => form.touch('orgId')}
            error={form.errors.orgId}
          />
        </>
      )}
      <SimpleGrid cols={2}>
        <TextField form={form} name="team" label={f.team} placeholder={f.teamPlaceholder} />
        <DateField form={form} name="registeredOn" label={f.registeredOn} required />
      </SimpleGrid>
      <TextField form={form} name="skills" label={f.skills} placeholder={f.skillsPlaceholder} />
      <TextAreaField form={form} name="note" label={f.note} minRows={2} />
    </FormDrawer>
  );
}
