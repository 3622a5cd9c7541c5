import { Button, MultiSelect, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import { GridInput } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { confirmDelete } from '../../components/confirmDelete';
import { TextAreaField, TextField } from '../../components/fields';
import { UnitSelect } from '../../components/UnitSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { rq } from '../../i18n/requests';
import type { GridView } from '../types';
import { usePlaceOptions } from '../usePlaceOptions';

const g = rq.grid;
type Values = z.input<typeof GridInput>;

const initial = (grid: GridView | null, communityId: string | null): Values => grid
  ? { communityId: grid.communityId, name: grid.name, workerName: grid.workerName, workerPhone: grid.workerPhone ?? '', orgId: grid.orgId, note: grid.note ?? '', buildingIds: grid.buildings.map((b) => b.id) }
  : { communityId: communityId as string, name: '', workerName: '', workerPhone: '', orgId: null, note: '', buildingIds: [] };

/** A grid: its community, worker, party branch or group, and the buildings picked from the places register. */
export function GridDrawer({ grid, onClose }: { grid: GridView | null; onClose: () => void }) {
  const places = usePlaceOptions();
  const form = useZodForm(GridInput, initial(grid, places.communities.length === 1 ? places.communities[0]!.value : null));
  const create = useApiMutation('requests.createGrid');
  const update = useApiMutation('requests.updateGrid');
  const remove = useApiMutation('requests.deleteGrid', { quiet: true });
  const communityId = (form.values.communityId as string | null) || null;
  const buildings = places.buildingsOf(communityId);
  const picked = (form.values.buildingIds as string[] | undefined) ?? [];
  const households = buildings.filter((b) => picked.includes(b.value)).reduce((n, b) => n + (b.households ?? 0), 0);

  const save = form.submit(async (input) => {
    const saved = grid ? await update.mutateAsync({ ...input, id: grid.id }) : await create.mutateAsync(input);
    notifications.show(saved.householdsWarning ? { color: 'orange', message: saved.householdsWarning, autoClose: 8000 } : { color: 'green', message: g.saved });
    onClose();
  });
  const askDelete = () => grid && confirmDelete({
    title: g.deleteTitle, body: g.deleteBody(grid.name), confirm: g.delete, run: () => remove.mutateAsync({ id: grid.id }), done: g.deleted, onDone: onClose,
  });

  return (
    <FormDrawer opened title={grid ? g.editTitle : g.newTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}
      extraActions={grid && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{g.delete}</Button>}>
      <Select label={g.community} required data={places.communities} value={communityId} searchable error={form.errors.communityId}
        onChange={(v) => (form.set('communityId', v ?? ''), form.set('buildingIds', []))} onBlur={() => form.touch('communityId')} />
      <TextField form={form} name="name" label={g.name} placeholder={g.namePlaceholder} required autoFocus />
      <TextField form={form} name="workerName" label={g.workerName} required />
      <TextField form={form} name="workerPhone" label={g.workerPhone} />
      <UnitSelect label={g.org} levels={['branch', 'group']} value={(form.values.orgId as string | null) ?? null} clearable
        onChange={(v) => form.set('orgId', v)} />
      <MultiSelect label={g.buildings} description={g.buildingsHint} data={buildings} value={picked} searchable clearable
        error={form.errors.buildingIds} onChange={(v) => form.set('buildingIds', v)} nothingFoundMessage="本社区没有匹配的楼栋" />
      <Text size="sm" c="dimmed">{g.households(households)}</Text>
      <TextAreaField form={form} name="note" label={g.note} minRows={2} />
    </FormDrawer>
  );
}
