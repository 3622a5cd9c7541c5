import { ActionIcon, Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { jointParties } from '../../../../main/api/property/labels';
import { options } from '../../components/fields';
import { pj } from '../../i18n/property-meetings';
import type { JointMeetingRecord } from '../types';

const a = pj.attendees;
type Attendee = JointMeetingRecord['attendees'][number];
type Party = Attendee['party'];

/**
 * Who attended, typed as fast as people introduce themselves: the party stays as chosen, so a company's three
 * staff are three names and three Enters.
 */
export function AttendeesEditor({ value, onChange, errors, large, autoFocus, onDone }: {
  value: Attendee[];
  onChange: (v: Attendee[]) => void;
  errors: Record<string, string>;
  /** Meeting mode: read across a table. */
  large?: boolean;
  autoFocus?: boolean;
  /** Enter on an empty row: everyone is in (meeting mode moves on to the topics). */
  onDone?: () => void;
}) {
  const size = large ? 'sm' : 'xs';
  const [party, setParty] = useState<Party>('party_org');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return; // Ctrl+Enter is the drawer's save
    // Enter adds here; in the drawer it would otherwise move on to the next field.
    e.preventDefault();
    e.stopPropagation();
    if (!name.trim()) return !title.trim() && onDone ? onDone() : nameRef.current?.focus();
    onChange([...value, { party, name: name.trim(), title: title.trim() || null }]);
    setName('');
    setTitle('');
    nameRef.current?.focus();
  };

  return (
    <Stack gap="xs">
      <Group gap={6} wrap="nowrap">
        <Select size={size} w={large ? 190 : 140} aria-label={a.party} data={options(jointParties)} value={party} allowDeselect={false}
          onChange={(p) => p && setParty(p as Party)} comboboxProps={{ withinPortal: true }} />
        <TextInput ref={nameRef} size={size} w={large ? 180 : 160} aria-label={a.name} autoFocus={autoFocus} placeholder={a.namePlaceholder} value={name} maxLength={30}
          onChange={(e) => setName(e.currentTarget.value)} onKeyDown={onKey} />
        <TextInput size={size} style={{ flex: 1 }} aria-label={a.title} placeholder={a.title} value={title} maxLength={60}
          onChange={(e) => setTitle(e.currentTarget.value)} onKeyDown={onKey} />
      </Group>
      {value.length === 0 ? <Text size="sm" c="dimmed">{a.none}</Text> : (
        <Group gap={6} aria-label={pj.drawer.attendees}>
          {value.map((x, i) => (
            <Badge key={`${x.name}-${i}`} variant="default" radius="sm" size={large ? 'xl' : 'lg'} fw={500} tt="none" pr={2}
              color={errors[`attendees.${i}.name`] ? 'red' : undefined}
              rightSection={
                <ActionIcon size="xs" variant="transparent" color="gray" aria-label={a.remove(i + 1)} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  <IconTrash size={12} />
                </ActionIcon>
              }>
              {`${jointParties[x.party]} · ${x.name}${x.title ? `（${x.title}）` : ''}`}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
