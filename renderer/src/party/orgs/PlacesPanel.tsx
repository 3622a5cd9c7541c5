import { Box, Button, Group, Paper, ScrollArea, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { partyContract } from '../../../../main/api/party/contract';
import { placeChildKind, placeKinds } from '../../../../main/api/party/labels';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { setParams, useRoute } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { reg } from '../../i18n/party-register';
import { ActionModal } from '../../components/ActionModal';
import { SelectTree, type SelectTreeNode } from '../register/SelectTree';
import { PlaceCard, type PlaceAction } from './PlaceCard';
import { PlaceForm, type PlaceFormMode } from './PlaceForm';
import { buildPlaceIndex, type PlaceIndex } from './placeIndex';

function treeNodes(index: PlaceIndex) {
  const build = (ids: string[]): SelectTreeNode[] =>
    ids.map((id) => {
      const p = index.byId.get(id)!;
      return {
        id,
        label: p.name,
        aside: <Text size="xs" c="dimmed" className="num">{reg.places.aside(p.unitCount, index.households(id).value, 0, null)}</Text>,
        children: build(index.childrenOf(id).map((c) => c.id)),
      };
    });
  return build(index.roots.map((r) => r.id));
}

/** Communities → estates → buildings; the selection lives in `?place=` (the global search links there too). */
export function PlacesPanel() {
  const route = useRoute();
  const places = useApiQuery('party.listPlaces', {});
  const index = useMemo(() => buildPlaceIndex(places.data ?? []), [places.data]);
  const nodes = useMemo(() => treeNodes(index), [index]);
  const selectedId = route.params.get('place') ?? index.roots[0]?.id ?? null;
  const place = selectedId ? index.byId.get(selectedId) : undefined;
  const sited = useApiQuery('party.searchOrgs', { q: '', placeId: place?.id, limit: 100 }, { enabled: !!place });
  const select = (id: string | null) => setParams(route, { place: id, tab: 'places' });
  const [form, setForm] = useState<PlaceFormMode | null>(null);
  const [deleting, setDeleting] = useState(false);
  const remove = useApiMutation('party.deletePlace', { quiet: true });
  const addCommunity = () => setForm({ kind: 'community', parent: null });

  const onAction = (action: PlaceAction) => {
    if (!place) return;
    if (action === 'add') setForm({ kind: placeChildKind[place.kind]!, parent: place });
    else if (action === 'edit') setForm({ place });
    else setDeleting(true);
  };

  if (places.isSuccess && index.roots.length === 0) {
    return (
      <Paper withBorder h="100%">
        <EmptyState
          title={reg.places.empty}
          hint={reg.places.emptyHint}
          actions={<Button leftSection={<IconPlus size={16} />} onClick={addCommunity}>{reg.places.addCommunity}</Button>}
        />
        {form && <PlaceForm mode={form} onClose={() => setForm(null)} onSaved={select} />}
      </Paper>
    );
  }

  return (
    <Group align="stretch" gap="md" wrap="nowrap" h="100%">
      <Paper withBorder w={300} style={{ display: 'flex', flexDirection: 'column', flexShrink: 0 }} component="nav" aria-label={reg.places.treeTitle}>
        <Group justify="space-between" px="sm" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} wrap="nowrap">
          <Text fw={600} size="sm">{reg.places.treeTitle}</Text>
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={addCommunity}>{reg.places.addCommunity}</Button>
        </Group>
        <ScrollArea style={{ flex: 1 }} p={4}>
          <SelectTree nodes={nodes} selectedId={place?.id ?? null} onSelect={select} label={reg.places.treeTitle} openDepth={1} />
        </ScrollArea>
      </Paper>
      <Box style={{ flex: 1, minWidth: 0 }}>
        {place ? (
          <PlaceCard
            place={place}
            index={index}
            orgNames={(sited.data ?? []).map((o) => o.name)}
            onSelect={select}
            onAction={onAction}
          />
        ) : (
          places.isSuccess && <Paper withBorder h="100%"><EmptyState title={reg.places.pick} /></Paper>
        )}
      </Box>
      {/* A new community is selected; a new estate or building shows under the selection, ready for the next. */}
      {form && <PlaceForm mode={form} onClose={() => setForm(null)} onSaved={'kind' in form && !form.parent ? select : undefined} />}
      {place && deleting && (
        <ActionModal
          title={reg.places.deleteTitle(placeKinds[place.kind], place.name)}
          intro={reg.places.deleteBody}
          schema={partyContract['party.deletePlace'].input}
          initial={{ id: place.id }}
          confirmLabel={reg.places.deleteConfirm}
          danger
          onSubmit={async (input) => {
            await remove.mutateAsync(input);
            notifications.show({ color: 'green', message: reg.places.deleted(place.name) });
            select(place.parentId);
          }}
          onClose={() => setDeleting(false)}
        />
      )}
    </Group>
  );
}
