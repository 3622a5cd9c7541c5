import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { zh } from '../i18n/zh-CN';
import { confirmDelete } from './confirmDelete';

export interface EditableCategory {
  code: string;
  label: string;
  retired: boolean;
  inUse: number;
  /** Kept as it is (the program posts it by itself): no 停用, no 删除. */
  locked?: boolean;
}

/** What each module says of its own list; the rest is zh.categoryLists, which a list of other things may reword. */
export interface CategoryListWords extends Partial<Record<keyof typeof zh.categoryLists, string>> {
  locked?: string;
  inUse: (n: number) => string;
  deleteBody: (label: string) => string;
  newLabel: string;
}

/** A module's lists side by side under its title and the rule it keeps (in use: retired, never deleted). */
export function CategoryListsCard({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={5}>{title}</Title>
        <Text size="xs" c="dimmed">{hint}</Text>
        <SimpleGrid cols={2}>{children}</SimpleGrid>
      </Stack>
    </Card>
  );
}

/**
 * One list of categories a module lets an administrator edit (民呼必应's two lists, the fund's income and expense):
 * each with how many records have it, 停用 / 启用, 删除 while none does, and a name typed to add one (Enter adds).
 */
export function CategoryListEditor(props: {
  title: string;
  rows: readonly EditableCategory[];
  words: CategoryListWords;
  onAdd: (label: string) => Promise<unknown>;
  onRetire: (code: string, retired: boolean) => void;
  onDelete: (code: string) => Promise<unknown>;
  adding?: boolean;
}) {
  const t = { ...zh.categoryLists, ...props.words };
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await props.onAdd(label);
      setLabel('');
      notifications.show({ color: 'green', message: t.added });
    } catch (err) {
      setError(err instanceof ApiError ? (err.body.fields?.[0]?.message ?? err.message) : String(err));
    }
  };
  return (
    <Stack gap={6} role="group" aria-label={props.title}>
      <Text size="sm" fw={600}>{props.title}</Text>
      {props.rows.map((c) => (
        <Group key={c.code} gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" c={c.retired ? 'dimmed' : undefined} truncate>
            {c.label}
            {c.retired && <Badge ml={6} size="xs" color="gray" radius="sm">{t.retired}</Badge>}
            {c.locked && t.locked && <Badge ml={6} size="xs" color="blue" variant="light" radius="sm">{t.locked}</Badge>}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" className="num">{t.inUse(c.inUse)}</Text>
            {!c.locked && (
              <Button size="compact-xs" variant="subtle" aria-label={`${c.retired ? t.restore : t.retire} ${c.label}`}
                onClick={() => props.onRetire(c.code, !c.retired)}>{c.retired ? t.restore : t.retire}</Button>
            )}
            {!c.locked && c.inUse === 0 && (
              <Button size="compact-xs" variant="subtle" color="red" aria-label={`${t.delete} ${c.label}`}
                onClick={() => confirmDelete({ title: t.deleteTitle, body: t.deleteBody(c.label), confirm: t.delete, done: t.deleted, run: () => props.onDelete(c.code) })}>
                {t.delete}
              </Button>
            )}
          </Group>
        </Group>
      ))}
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput size="xs" style={{ flex: 1 }} aria-label={t.newLabel} placeholder={t.newPlaceholder} value={label} error={error}
          onChange={(e) => setLabel(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void submit())} />
        <Button size="xs" variant="light" onClick={() => void submit()} loading={props.adding}>{t.add}</Button>
      </Group>
    </Stack>
  );
}
