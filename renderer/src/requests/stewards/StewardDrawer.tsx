import { Button, Checkbox, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { StewardInput } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { confirmDelete } from '../../components/confirmDelete';
import { TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MemberPicker } from '../../components/MemberPicker';
import { useZodForm } from '../../components/useZodForm';
import { rq } from '../../i18n/requests';
import type { StewardView } from '../types';
import { usePlaceOptions } from '../usePlaceOptions';

const s = rq.steward;
type Values = z.input<typeof StewardInput>;

const initial = (st: StewardView | null): Values => st
  ? { memberId: st.memberId, duty: st.duty ?? '', phonePublic: st.phonePublic, buildingIds: st.buildings.map((b) => b.id) }
  : { memberId: '', duty: '', phonePublic: false, buildingIds: [] };

/** A 红色小管家: a member of the register, their duty, the buildings they look after, and whether the card shows their full phone. */
export function StewardDrawer({ steward, onClose }: { steward: StewardView | null; onClose: () => void }) {
  const places = usePlaceOptions();
  const form = useZodForm(StewardInput, initial(steward));
  const [picked, setPicked] = useState(steward ? { name: steward.name, orgName: steward.orgName } : null);
  const create = useApiMutation('requests.createSteward');
  const update = useApiMutation('requests.updateSteward');
  const remove = useApiMutation('requests.deleteSteward', { quiet: true });

  const save = form.submit(async (input) => {
    await (steward ? update.mutateAsync({ ...input, id: steward.id }) : create.mutateAsync(input));
    notifications.show({ color: 'green', message: s.saved });
    onClose();
  });
  const askDelete = () => steward && confirmDelete({
    title: s.deleteTitle, body: s.deleteBody(steward.name), confirm: s.delete, run: () => remove.mutateAsync({ id: steward.id }), done: s.deleted, onDone: onClose,
  });

  return (
    <FormDrawer opened title={steward ? s.editTitle : s.newTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}
      extraActions={steward && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{s.delete}</Button>}>
      <Stack gap={4}>
        <Text size="sm" fw={500}>{s.member} <Text span c="red">*</Text></Text>
        {picked && <Text size="sm">{s.picked(picked.name, picked.orgName)}</Text>}
        <MemberPicker label={s.member} error={form.errors.memberId}
          onPick={(m) => (form.set('memberId', m.id), setPicked({ name: m.name, orgName: m.orgName }))} />
        <Text size="xs" c="dimmed">{s.memberHint}</Text>
      </Stack>
      <TextField form={form} name="duty" label={s.duty} placeholder={s.dutyPlaceholder} />
      <MultiSelect label={s.buildings} description={s.buildingsHint} required data={places.buildings} value={(form.values.buildingIds as string[] | undefined) ?? []}
        searchable clearable error={form.errors.buildingIds} onChange={(v) => form.set('buildingIds', v)} nothingFoundMessage="没有匹配的楼栋" />
      <Checkbox label={s.phonePublic} description={s.phonePublicHint} checked={!!form.values.phonePublic}
        onChange={(e) => form.set('phonePublic', e.currentTarget.checked)} />
    </FormDrawer>
  );
}
