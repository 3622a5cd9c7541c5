import { ActionIcon, Box, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { ulid } from 'ulid';
import { parseLooseDate } from '../../../../main/api/common/identifiers';
import { jointParties } from '../../../../main/api/property/labels';
import { options } from '../../components/fields';
import { pj } from '../../i18n/property-meetings';
import type { ResolutionRow } from '../types';
import { hasHistory, type ResolutionDraft } from './jointDraft';
import { ResolutionFollowUp, ResolutionStatusBadge } from './ResolutionFollowUp';

const r = pj.resolutions;
type Party = ResolutionRow['responsibleParty'];

/**
 * A meeting's resolutions: type one, Tab to the responsible party, person and deadline, Enter adds it. Saved
 * ones (found in `saved` by id) show their status and the follow-up actions; their deadline moves only by 延期.
 */
export function JointResolutionsEditor(props: {
  value: ResolutionDraft[];
  onChange: (v: ResolutionDraft[]) => void;
  saved: Map<string, ResolutionRow>;
  errors: Record<string, string>;
  /** Meeting mode: read across a table, and only the status of saved ones (follow-up is the drawer's). */
  large?: boolean;
  /** Enter on an empty row: no more resolutions (meeting mode moves on to the minutes). */
  onDone?: () => void;
}) {
  const { value, onChange, saved, errors, large, onDone } = props;
  const size = large ? 'sm' : 'xs';
  const blank = { content: '', party: 'property_company' as Party, person: '', dueOn: '' };
  const [typed, setTyped] = useState(blank);
  const [dueError, setDueError] = useState<string>();
  const contentRef = useRef<HTMLInputElement>(null);

  const add = () => {
    if (!typed.content.trim()) return !typed.person.trim() && !typed.dueOn.trim() && onDone ? onDone() : contentRef.current?.focus();
    const dueOn = parseLooseDate(typed.dueOn.trim());
    if (!dueOn) return setDueError(r.duePlaceholder);
    onChange([...value, { key: ulid(), content: typed.content.trim(), responsibleParty: typed.party, responsiblePerson: typed.person.trim() || null, dueOn }]);
    // The party often answers for several resolutions in a row: it stays.
    setTyped({ ...blank, party: typed.party });
    setDueError(undefined);
    contentRef.current?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return; // Ctrl+Enter is the drawer's save
    e.preventDefault();
    e.stopPropagation();
    add();
  };
  const edit = (i: number, patch: Partial<ResolutionDraft>) => onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const err = (i: number, field: string) => errors[`resolutions.${i}.${field}`];

  return (
    <Stack gap="xs">
      <Group gap={6} wrap={large ? 'wrap' : 'nowrap'} align="flex-start">
        <TextInput ref={contentRef} size={size} style={{ flex: large ? '1 1 100%' : 1 }} aria-label={r.content} placeholder={r.contentPlaceholder} value={typed.content}
          maxLength={500} onChange={(e) => setTyped({ ...typed, content: e.currentTarget.value })} onKeyDown={onKey} />
        <Select size={size} w={large ? 190 : 120} aria-label={r.party} data={options(jointParties)} value={typed.party} allowDeselect={false}
          onChange={(p) => p && setTyped({ ...typed, party: p as Party })} comboboxProps={{ withinPortal: true }} />
        <TextInput size={size} w={large ? 130 : 80} aria-label={r.person} placeholder={r.person} value={typed.person} maxLength={30}
          onChange={(e) => setTyped({ ...typed, person: e.currentTarget.value })} onKeyDown={onKey} />
        <TextInput size={size} w={large ? 150 : 110} aria-label={r.dueOn} placeholder={r.dueOn} title={r.duePlaceholder} value={typed.dueOn} error={dueError}
          onChange={(e) => setTyped({ ...typed, dueOn: e.currentTarget.value })} onKeyDown={onKey} />
        <Button size={size} variant="light" leftSection={<IconPlus size={14} />} onClick={add}>{r.add}</Button>
      </Group>
      {!large && <Text size="xs" c="dimmed">{r.hint}</Text>}
      {value.length === 0 && <Text size="sm" c="dimmed">{r.none}</Text>}
      <Stack gap={6} component="ol" m={0} p={0} aria-label={pj.drawer.resolutions}>
        {value.map((x, i) => {
          const row = x.id ? saved.get(x.id) : undefined;
          const fixed = hasHistory(row);
          return (
            <Box component="li" key={x.id ?? x.key ?? `new-${i}`} style={{ listStyle: 'none', borderLeft: '3px solid var(--mantine-color-partyRed-3)' }} pl="xs"
              data-testid="joint-resolution">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Text fw={600} size={large ? 'md' : 'sm'} pt={4} w={large ? 28 : 20}>{i + 1}.</Text>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <TextInput size={size} aria-label={`${r.content} ${i + 1}`} value={x.content} error={err(i, 'content')} maxLength={500}
                    onChange={(e) => edit(i, { content: e.currentTarget.value })} />
                  <Group gap={6} wrap="nowrap">
                    <Select size={size} w={large ? 190 : 120} aria-label={`${r.party} ${i + 1}`} data={options(jointParties)} value={x.responsibleParty} allowDeselect={false}
                      onChange={(p) => p && edit(i, { responsibleParty: p as Party })} comboboxProps={{ withinPortal: true }} />
                    <TextInput size={size} w={large ? 130 : 80} aria-label={`${r.person} ${i + 1}`} placeholder={r.person} value={x.responsiblePerson ?? ''}
                      onChange={(e) => edit(i, { responsiblePerson: e.currentTarget.value || null })} />
                    <TextInput size={size} w={large ? 150 : 110} aria-label={`${r.dueOn} ${i + 1}`} value={fixed ? row!.dueOn : x.dueOn} error={err(i, 'dueOn')} disabled={fixed}
                      onChange={(e) => edit(i, { dueOn: e.currentTarget.value })} />
                  </Group>
                  {row && !large && <ResolutionFollowUp row={row} />}
                  {row && large && row.status !== 'open' && <ResolutionStatusBadge status={row.status} />}
                </Stack>
                <ActionIcon variant="subtle" color="gray" aria-label={r.remove(i + 1)} disabled={fixed} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Box>
          );
        })}
      </Stack>
    </Stack>
  );
}
