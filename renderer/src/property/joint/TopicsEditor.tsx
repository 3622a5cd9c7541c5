import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { pj } from '../../i18n/property-meetings';

const t = pj.topics;

/** The agenda: type a topic, Enter, the next one. Each stays editable in place. */
export function TopicsEditor({ value, onChange, error, large, onDone }: {
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
  large?: boolean;
  /** Enter on the empty field: the agenda is complete (meeting mode moves on to the resolutions). */
  onDone?: () => void;
}) {
  const size = large ? 'sm' : 'xs';
  const [typed, setTyped] = useState('');
  const add = () => {
    if (!typed.trim()) {
      setTyped('');
      return onDone?.();
    }
    onChange([...value, typed.trim()]);
    setTyped('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return; // Ctrl+Enter is the drawer's save
    e.preventDefault();
    e.stopPropagation();
    add();
  };
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="nowrap">
        <TextInput size={size} style={{ flex: 1 }} aria-label={pj.drawer.topics} placeholder={t.placeholder} value={typed} maxLength={200}
          error={value.length === 0 ? error : undefined} onChange={(e) => setTyped(e.currentTarget.value)} onKeyDown={onKey} />
        <Button size={size} variant="light" leftSection={<IconPlus size={14} />} onClick={add}>{t.add}</Button>
      </Group>
      {value.map((x, i) => (
        <Group key={i} gap={6} wrap="nowrap">
          <Text size={size} w={large ? 28 : 20}>{i + 1}.</Text>
          <TextInput size={size} style={{ flex: 1 }} aria-label={`${pj.drawer.topics} ${i + 1}`} value={x} maxLength={200}
            onChange={(e) => onChange(value.map((y, j) => (j === i ? e.currentTarget.value : y)))} />
          <ActionIcon variant="subtle" color="gray" aria-label={t.remove(i + 1)} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
