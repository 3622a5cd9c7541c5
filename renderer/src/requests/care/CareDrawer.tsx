import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { careCategories, careColours } from '../../../../main/api/requests/labels';
import { CareInput, CareUpdate } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MemberPicker } from '../../components/MemberPicker';
import { useZodForm } from '../../components/useZodForm';
import { rc } from '../../i18n/requests-care';
import type { CareView } from '../types';
import { usePlaceOptions } from '../usePlaceOptions';

const f = rc.form;
type Values = z.input<typeof CareInput>;

/**
 * 登记 a household of special care, or correct one. A correction sees name, phone and ID number only masked: they
 * start blank and, left blank, the core keeps what is stored (requests.updateCare).
 */
export function CareDrawer({ household: h, onClose }: { household: CareView | null; onClose: () => void }) {
  const places = usePlaceOptions();
  const form = useZodForm<typeof CareInput | typeof CareUpdate>(h ? CareUpdate : CareInput, (h
    ? { id: h.id, buildingId: h.buildingId, room: h.room ?? '', category: h.category, colour: h.colour, personName: '', personPhone: '', idNumber: '',
        situation: h.situation ?? '', memberId: h.memberId, registeredOn: h.registeredOn }
    : { buildingId: '', room: '', category: 'elderly_alone', colour: 'yellow', personName: '', personPhone: '', idNumber: '', situation: '', memberId: null,
        registeredOn: today() }) as Values);
  const [member, setMember] = useState<string | null>(h?.memberName ? `${h.memberName}（${h.memberOrgName ?? ''}）` : null);
  const create = useApiMutation('requests.createCare');
  const update = useApiMutation('requests.updateCare');
  const keep = (masked: string | null) => (h && masked ? f.keep(masked) : undefined);
  const save = form.submit(async (input) => {
    await (h ? update.mutateAsync({ ...input, id: h.id }) : create.mutateAsync(input));
    notifications.show({ color: 'green', message: f.saved });
    onClose();
  });
  return (
    <FormDrawer opened title={h ? f.editTitle : f.newTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}>
      <TextField form={form} name="personName" label={f.personName} required={!h} placeholder={keep(h?.personName ?? null)} autoFocus />
      <SelectField form={form} name="category" label={f.category} data={options(careCategories)} required />
      <SelectField form={form} name="colour" label={f.colour} description={f.colourHint} data={options(careColours)} required />
      <Select label={f.building} description={f.buildingHint} required data={places.buildings} searchable value={(form.values.buildingId as string) || null}
        error={form.errors.buildingId} onChange={(v) => form.set('buildingId', v ?? '')} onBlur={() => form.touch('buildingId')} nothingFoundMessage="没有匹配的楼栋" />
      <TextField form={form} name="room" label={f.room} placeholder={f.roomPlaceholder} />
      <TextField form={form} name="personPhone" label={f.personPhone} placeholder={keep(h?.personPhone ?? null)} />
      <TextField form={form} name="idNumber" label={f.idNumber} placeholder={keep(h?.idNumber ?? null)} />
      <TextAreaField form={form} name="situation" label={f.situation} minRows={2} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>{f.member}</Text>
        <MemberPicker label={f.member} error={form.errors.memberId} onPick={(m) => (form.set('memberId', m.id), setMember(f.picked(m.name, m.orgName)))} />
        <Group gap="xs">
          <Text size="xs" c="dimmed">{member ?? f.memberHint}</Text>
          {form.values.memberId && (
            <Button size="compact-xs" variant="subtle" onClick={() => (form.set('memberId', null), setMember(null))}>{f.unpair}</Button>
          )}
        </Group>
      </Stack>
      <DateField form={form} name="registeredOn" label={f.registeredOn} required />
    </FormDrawer>
  );
}
