import { Text } from '@mantine/core';
import { PlaceInput } from '../../../../main/api/party/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { prop } from '../../i18n/property';

const m = prop.placeModal;

/** An estate added to the places register (under its community) from the estate form, with the register's own schema. */
export function NewPlaceModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const places = useApiQuery('party.listPlaces', {});
  const create = useApiMutation('party.createPlace');
  const communities = (places.data ?? []).filter((p) => p.kind === 'community').map((p) => ({ value: p.id, label: p.name }));
  return (
    <ActionModal
      title={m.title}
      intro={communities.length || places.isPending ? m.intro : <Text size="sm" c="red">{m.noCommunity}</Text>}
      schema={PlaceInput}
      initial={{ kind: 'estate', parentId: communities.length === 1 ? communities[0]!.value : null, name: '', code: '', unitCount: null, households: null, note: '' }}
      fields={(form) => (
        <>
          <SelectField form={form} name="parentId" label={m.community} data={communities} required searchable />
          <TextField form={form} name="name" label={m.name} required autoFocus maxLength={50} />
          <NumberField form={form} name="households" label={prop.estate.households} min={0} />
        </>
      )}
      confirmLabel={m.confirm}
      onSubmit={async (input) => onCreated((await create.mutateAsync(input)).id)}
      onClose={onClose}
    />
  );
}
