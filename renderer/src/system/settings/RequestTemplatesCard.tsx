import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { urgencies } from '../../../../main/api/requests/labels';
import type { RequestTemplate } from '../../../../main/api/requests/rules';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { options } from '../../components/fields';
import { rq } from '../../i18n/requests';
import { useCategories } from '../../requests/useCategories';

const t = rq.templates;

/** 常见事项模板: the matters 上报 offers first; each one of the accepted categories with the words the form starts from and its urgency. */
export function RequestTemplatesCard() {
  const list = useApiQuery('requests.listTemplates', {});
  if (!list.data) return null;
  return <TemplatesForm key={JSON.stringify(list.data)} initial={list.data.map(({ category, content, urgency }) => ({ category, content, urgency }))} />;
}

function TemplatesForm({ initial }: { initial: RequestTemplate[] }) {
  const categories = useCategories();
  const save = useApiMutation('requests.saveTemplates', { quiet: true });
  const [rows, setRows] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (i: number, patch: Partial<RequestTemplate>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ templates: rows });
      notifications.show({ color: 'green', message: t.saved });
    } catch (err) {
      setError(err instanceof ApiError ? (err.body.fields?.[0]?.message ?? err.message) : String(err));
    }
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={5}>{t.title}</Title>
        <Text size="xs" c="dimmed">{t.hint}</Text>
        {rows.map((r, i) => (
          <Group key={i} gap="xs" wrap="nowrap" role="group" aria-label={t.row(i + 1)}>
            <Select aria-label={t.category} data={categories.active('accepted')} value={r.category || null} w={220}
              onChange={(v) => set(i, { category: v ?? '' })} />
            <TextInput aria-label={t.content} value={r.content} style={{ flex: 1 }} maxLength={200}
              onChange={(e) => set(i, { content: e.currentTarget.value })} />
            <Select aria-label={t.urgency} data={options(urgencies)} value={r.urgency} w={90} allowDeselect={false}
              onChange={(v) => set(i, { urgency: (v ?? 'normal') as RequestTemplate['urgency'] })} />
            <ActionIcon variant="subtle" color="gray" aria-label={t.remove} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {error && <Text size="sm" c="red">{error}</Text>}
        <Group justify="space-between">
          <Button variant="default" disabled={rows.length >= 30} onClick={() => setRows([...rows, { category: '', content: '', urgency: 'normal' }])}>{t.add}</Button>
          <Button onClick={() => void submit()} loading={save.isPending}>{t.save}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
