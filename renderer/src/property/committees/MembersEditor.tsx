import { ActionIcon, Badge, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { committeeRoles } from '../../../../main/api/property/labels';
import { options } from '../../components/fields';
import { pc } from '../../i18n/property-committees';
import { MemberPicker } from '../../components/MemberPicker';

const m = pc.members;

/** A committee member as the form holds it: a register member keeps the name only for display (the API drops it). */
export interface MemberDraft {
  memberId: string | null;
  name: string | null;
  role: keyof typeof committeeRoles;
  isPartyMember: boolean;
  onResidentsCommittee: boolean;
}

/**
 * The whole roster of a term: party members picked from the register, others typed by name (Enter adds and the
 * box is ready for the next), each with role, party membership and 交叉任职.
 */
export function MembersEditor({ value, onChange, errors }: { value: MemberDraft[]; onChange: (v: MemberDraft[]) => void; errors: Record<string, string> }) {
  const [typed, setTyped] = useState('');
  const add = (d: Partial<MemberDraft>) =>
    onChange([...value, { memberId: null, name: null, role: 'member', isPartyMember: false, onResidentsCommittee: false, ...d }]);
  const edit = (i: number, patch: Partial<MemberDraft>) => onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const onNameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return; // Ctrl+Enter is the drawer's save
    // Enter adds here; in the drawer it would otherwise move on to the next field.
    e.preventDefault();
    e.stopPropagation();
    if (typed.trim()) add({ name: typed.trim() });
    setTyped('');
  };

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <MemberPicker label={m.pickMember} onPick={(hit) => !value.some((x) => x.memberId === hit.id) && add({ memberId: hit.id, name: hit.name, isPartyMember: true })} />
        <TextInput aria-label={m.addName} placeholder={m.namePlaceholder} value={typed} maxLength={30} w={200}
          onChange={(e) => setTyped(e.currentTarget.value)} onKeyDown={onNameKey} />
      </Group>
      {value.length === 0 && <Text size="sm" c="dimmed">{m.none}</Text>}
      <Stack gap={6} component="ol" m={0} p={0} aria-label={pc.form.members}>
        {value.map((x, i) => (
          <Group key={x.memberId ?? `n-${i}`} component="li" gap="xs" wrap="nowrap" style={{ listStyle: 'none' }} align="flex-start">
            <Text size="sm" pt={6} w={20}>{i + 1}.</Text>
            {x.memberId ? (
              <Group gap={6} w={170} pt={4} wrap="nowrap">
                <Text size="sm" fw={600} truncate>{x.name}</Text>
                <Badge size="sm" variant="light">{m.fromRegister}</Badge>
              </Group>
            ) : (
              <TextInput size="xs" w={170} aria-label={`${m.name} ${i + 1}`} value={x.name ?? ''} maxLength={30}
                error={errors[`members.${i}.name`]} onChange={(e) => edit(i, { name: e.currentTarget.value })} />
            )}
            <Select size="xs" w={96} aria-label={`${m.role} ${i + 1}`} data={options(committeeRoles)} value={x.role} allowDeselect={false}
              error={errors[`members.${i}.role`]} onChange={(r) => r && edit(i, { role: r as MemberDraft['role'] })} comboboxProps={{ withinPortal: true }} />
            <Checkbox size="xs" mt={6} label={m.partyMember} checked={x.isPartyMember} disabled={!!x.memberId}
              onChange={(e) => edit(i, { isPartyMember: e.currentTarget.checked })} />
            <Checkbox size="xs" mt={6} label={m.cross} title={m.crossHelp} checked={x.onResidentsCommittee}
              onChange={(e) => edit(i, { onResidentsCommittee: e.currentTarget.checked })} />
            <ActionIcon variant="subtle" color="gray" aria-label={m.remove(i + 1)} onClick={() => onChange(value.filter((_, j) => j !== i))} ml="auto">
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
