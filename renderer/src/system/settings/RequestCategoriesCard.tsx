import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CategoryKind } from '../../../../main/api/requests/rules';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { confirmDelete } from '../../components/confirmDelete';
import { rq } from '../../i18n/requests';

const t = rq.categories;

/**
 * The street's two lists (应受理事项、不受理事项各 7 大类 in the source): a category is added by name, retired when
 * requests have it (they keep it; 梳理 no longer offers it), and deleted only while none does.
 */
export function RequestCategoriesCard() {
  const list = useApiQuery('requests.listCategories', {});
  if (!list.data) return null;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={5}>{t.title}</Title>
        <Text size="xs" c="dimmed">{t.hint}</Text>
        <SimpleGrid cols={2}>
          {(['accepted', 'not_accepted'] as const).map((kind) => (
            <KindList key={kind} kind={kind} rows={list.data.filter((c) => c.kind === kind)} />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function KindList({ kind, rows }: { kind: CategoryKind; rows: { code: string; label: string; retired: boolean; inUse: number }[] }) {
  const add = useApiMutation('requests.addCategory', { quiet: true });
  const retire = useApiMutation('requests.retireCategory');
  const remove = useApiMutation('requests.deleteCategory', { quiet: true });
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await add.mutateAsync({ kind, label });
      setLabel('');
      notifications.show({ color: 'green', message: t.added });
    } catch (err) {
      setError(err instanceof ApiError ? (err.body.fields?.[0]?.message ?? err.message) : String(err));
    }
  };
  return (
    <Stack gap={6} role="group" aria-label={t.kinds[kind]}>
      <Text size="sm" fw={600}>{t.kinds[kind]}</Text>
      {rows.map((c) => (
        <Group key={c.code} gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" c={c.retired ? 'dimmed' : undefined} truncate>
            {c.label}
            {c.retired && <Badge ml={6} size="xs" color="gray" radius="sm">{t.retired}</Badge>}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" className="num">{t.inUse(c.inUse)}</Text>
            <Button size="compact-xs" variant="subtle" aria-label={`${c.retired ? t.restore : t.retire} ${c.label}`}
              onClick={() => retire.mutate({ code: c.code, retired: !c.retired })}>{c.retired ? t.restore : t.retire}</Button>
            {c.inUse === 0 && (
              <Button size="compact-xs" variant="subtle" color="red" aria-label={`${t.delete} ${c.label}`}
                onClick={() => confirmDelete({ title: t.deleteTitle, body: t.deleteBody(c.label), confirm: t.delete, done: t.deleted, run: () => remove.mutateAsync({ code: c.code }) })}>
                {t.delete}
              </Button>
            )}
          </Group>
        </Group>
      ))}
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput size="xs" style={{ flex: 1 }} aria-label={t.newLabel(t.kinds[kind])} placeholder={t.newPlaceholder} value={label} error={error}
          onChange={(e) => setLabel(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void submit())} />
        <Button size="xs" variant="light" onClick={() => void submit()} loading={add.isPending}>{t.add}</Button>
      </Group>
    </Stack>
  );
}
