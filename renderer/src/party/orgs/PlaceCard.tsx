import { Badge, Button, Divider, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { placeChildKind, placeKinds } from '../../../../main/api/party/labels';
import { EmptyState } from '../../components/EmptyState';
import { fmtInt, fmtTimestamp } from '../../components/format';
import { reg } from '../../i18n/party-register';
import { zh } from '../../i18n/zh-CN';
import { Facts } from '../../components/Facts';
import type { PlaceRow } from '../types';
import type { PlaceIndex } from './placeIndex';

export type PlaceAction = 'add' | 'edit' | 'delete';

/** The selected place: its counts, the places below it, and the organisations tied to it. */
export function PlaceCard({ place, index, orgNames, onSelect, onAction }: {
  place: PlaceRow;
  index: PlaceIndex;
  orgNames: string[];
  onSelect: (id: string) => void;
  onAction: (action: PlaceAction) => void;
}) {
  const childKind = placeChildKind[place.kind];
  const children = index.childrenOf(place.id);
  const households = index.households(place.id);

  return (
    <Paper withBorder p="md" h="100%" style={{ overflow: 'auto' }} component="section" aria-label={place.name}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Badge variant="light" radius="sm">{placeKinds[place.kind]}</Badge>
            <Title order={3}>{place.name}</Title>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {childKind && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => onAction('add')}>{reg.places.add(placeKinds[childKind])}</Button>
            )}
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => onAction('edit')}>{zh.common.edit}</Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => onAction('delete')}>{zh.common.delete}</Button>
          </Group>
        </Group>

        <Facts
          items={[
            [reg.places.code, place.code],
            ...(place.kind === 'building' ? [[reg.places.unitCount, fmtInt(place.unitCount)] as [string, string]] : []),
            [reg.places.households, households.summed && households.value !== null ? reg.places.householdsSum(households.value) : fmtInt(households.value)],
            [reg.places.orgs, orgNames.join('、')],
            [reg.places.note, place.note],
            [reg.orgs.updated, reg.orgs.updatedValue(fmtTimestamp(place.updatedAt), place.operator)],
          ]}
        />

        {childKind && (
          <>
            <Divider />
            <Stack gap="xs">
              <Text fw={600}>{reg.places.children(placeKinds[childKind], children.length)}</Text>
              {children.length === 0 && (
                <EmptyState
                  title={reg.places.noChildren(placeKinds[childKind])}
                  actions={<Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => onAction('add')}>{reg.places.add(placeKinds[childKind])}</Button>}
                />
              )}
              {children.map((c) => (
                <UnstyledButton key={c.id} onClick={() => onSelect(c.id)} className="vt-row" px="xs" py={6} style={{ borderRadius: 4 }}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={500} truncate>{c.name}</Text>
                    <Text size="sm" c="dimmed" className="num">{reg.places.aside(c.unitCount, index.households(c.id).value, c.childCount, placeChildKind[c.kind])}</Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
