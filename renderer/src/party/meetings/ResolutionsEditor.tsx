import { ActionIcon, Box, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { ulid } from 'ulid';
import { parseLooseDate } from '../../../../main/api/common/identifiers';
import { todayIso } from '../../../../main/api/common/calendar';
import { resolutionStatuses } from '../../../../main/api/party/labels';
import { options } from '../../components/fields';
import { pm } from '../../i18n/party-meetings';
import type { ResolutionDraft } from './types';

const r = pm.resolutions;
const blank = { content: '', owner: '', dueOn: '' };

/**
 * The resolutions of a meeting, shared by the drawer and meeting mode: type a resolution and press Enter to add it
 * (Tab first to name who is responsible and by when). Each new resolution gets its id here, so every autosave
 * replaces the same rows and follow-up elsewhere can point at them.
 */
export function ResolutionsEditor(props: {
  value: ResolutionDraft[];
  onChange: (next: ResolutionDraft[]) => void;
  large?: boolean;
  /** The drawer records follow-up (办理状态, 办结日期); meeting mode only collects new resolutions. */
  showStatus?: boolean;
  errors?: Record<string, string>;
}) {
  const { value, onChange, large } = props;
  const [typed, setTyped] = useState(blank);
  const [dueError, setDueError] = useState<string>();
  const contentRef = useRef<HTMLInputElement>(null);
  const size = large ? 'sm' : 'xs';

  const add = () => {
    const content = typed.content.trim();
    if (!content) return contentRef.current?.focus();
    const dueOn = typed.dueOn.trim() ? parseLooseDate(typed.dueOn) : null;
    if (typed.dueOn.trim() && !dueOn) return setDueError(r.duePlaceholder);
    onChange([...value, { id: ulid(), content, owner: typed.owner.trim() || null, dueOn, status: 'open', doneOn: null }]);
    setTyped(blank);
    setDueError(undefined);
    contentRef.current?.focus();
  };
  const onAddKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    // Enter adds here; in the drawer it would otherwise move on to the next field.
    e.preventDefault();
    e.stopPropagation();
    add();
  };
  const edit = (i: number, patch: Partial<ResolutionDraft>) =>
    onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const err = (i: number, field: string) => props.errors?.[`resolutions.${i}.${field}`];

  return (
    <Stack gap={large ? 'sm' : 'xs'}>
      {/* In meeting mode the resolution gets a line of its own: it is what is typed most. */}
      <Group gap={6} align="flex-start" wrap={large ? 'wrap' : 'nowrap'}>
        <TextInput
          ref={contentRef}
          size={size}
          style={{ flex: large ? '1 1 100%' : 1 }}
          aria-label={r.content}
          placeholder={r.contentPlaceholder}
          value={typed.content}
          maxLength={500}
          onChange={(e) => setTyped({ ...typed, content: e.currentTarget.value })}
          onKeyDown={onAddKey}
        />
        <TextInput size={size} w={large ? 110 : 90} aria-label={r.owner} placeholder={r.owner} value={typed.owner} maxLength={50}
          onChange={(e) => setTyped({ ...typed, owner: e.currentTarget.value })} onKeyDown={onAddKey} />
        <TextInput size={size} w={large ? 150 : 120} aria-label={r.dueOn} placeholder={r.dueOn} value={typed.dueOn} error={dueError}
          title={r.duePlaceholder} onChange={(e) => setTyped({ ...typed, dueOn: e.currentTarget.value })} onKeyDown={onAddKey} />
        <Button size={size} variant="light" leftSection={<IconPlus size={14} />} onClick={add}>{r.add}</Button>
      </Group>
      <Text size="xs" c="dimmed">{r.hint}</Text>
      {value.length === 0 && <Text size="sm" c="dimmed">{r.none}</Text>}
      <Stack gap={large ? 'xs' : 6} component="ol" m={0} p={0} aria-label={pm.drawer.resolutions}>
        {value.map((x, i) => (
          <Box component="li" key={x.id ?? i} style={{ listStyle: 'none', borderLeft: '3px solid var(--mantine-color-partyRed-3)' }} pl="xs">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text fw={600} size={large ? 'md' : 'sm'} pt={4} w={large ? 28 : 20}>{i + 1}.</Text>
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <TextInput size={size} aria-label={`${r.content} ${i + 1}`} value={x.content} error={err(i, 'content')} maxLength={500}
                  onChange={(e) => edit(i, { content: e.currentTarget.value })} />
                <Group gap={6} wrap="nowrap">
                  <TextInput size="xs" w={110} aria-label={`${r.owner} ${i + 1}`} placeholder={r.owner} value={x.owner ?? ''}
                    error={err(i, 'owner')} onChange={(e) => edit(i, { owner: e.currentTarget.value })} />
                  <TextInput size="xs" w={130} aria-label={`${r.dueOn} ${i + 1}`} placeholder={r.dueOn} value={x.dueOn ?? ''}
                    error={err(i, 'dueOn')} onChange={(e) => edit(i, { dueOn: e.currentTarget.value })} />
                  {props.showStatus && (
                    <>
                      <Select size="xs" w={100} aria-label={`${r.status} ${i + 1}`} data={options(resolutionStatuses)} value={x.status ?? 'open'}
                        onChange={(s) => edit(i, { status: s as 'open' | 'done', doneOn: s === 'done' ? (x.doneOn || todayIso()) : null })} />
                      {x.status === 'done' && (
                        <TextInput size="xs" w={120} aria-label={`${r.doneOn} ${i + 1}`} placeholder={r.doneOn} value={x.doneOn ?? ''}
                          error={err(i, 'doneOn')} onChange={(e) => edit(i, { doneOn: e.currentTarget.value })} />
                      )}
                    </>
                  )}
                </Group>
              </Stack>
              <ActionIcon variant="subtle" color="gray" aria-label={r.remove(i + 1)} onClick={() => onChange(value.filter((_, j) => j !== i))}
                disabled={x.status === 'done'}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Box>
        ))}
      </Stack>
    </Stack>
  );
}
