import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { ServedHouseholds as Schema } from '../../../../main/api/party/schemas';
import { useApiMutation } from '../../api/queries';
import { useZodForm } from '../../components/useZodForm';
import { reg } from '../../i18n/party-register';
import type { MemberDetail } from '../types';

const h = reg.households;
type Row = { household: string; headName: string; note: string };
const toRows = (list: MemberDetail['households']): Row[] =>
  list.map((r) => ({ household: r.household, headName: r.headName ?? '', note: r.note ?? '' }));

/** The households a centre household looks after: edited as a small list and saved as a whole. */
export function ServedHouseholds({ memberId, households }: { memberId: string; households: MemberDetail['households'] }) {
  const form = useZodForm(Schema, { memberId, households: toRows(households) });
  const save = useApiMutation('party.setServedHouseholds');
  const rows = form.values.households as Row[];
  const setRow = (i: number, key: keyof Row, value: string) =>
    form.set('households', rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const submit = form.submit(async (input) => {
    const saved = await save.mutateAsync(input);
    form.reset({ memberId, households: toRows(saved) });
    notifications.show({ color: 'green', message: h.saved });
  });

  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">{h.intro}</Text>
      {rows.length === 0 && <Text size="sm" c="dimmed">{h.empty}</Text>}
      {rows.map((r, i) => (
        <Group key={i} gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={h.household}
            placeholder={h.householdPlaceholder}
            value={r.household}
            error={form.errors[`households.${i}.household`]}
            onChange={(e) => setRow(i, 'household', e.currentTarget.value)}
            onBlur={() => form.touch(`households.${i}.household`)}
            style={{ flex: 3 }}
          />
          <TextInput aria-label={h.head} placeholder={h.head} value={r.headName} onChange={(e) => setRow(i, 'headName', e.currentTarget.value)} style={{ flex: 2 }} />
          <TextInput aria-label={h.note} placeholder={h.note} value={r.note} onChange={(e) => setRow(i, 'note', e.currentTarget.value)} style={{ flex: 2 }} />
          <ActionIcon variant="subtle" color="gray" mt={6} aria-label={h.remove} onClick={() => form.set('households', rows.filter((_, j) => j !== i))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {form.errors.households && <Text size="xs" c="red">{form.errors.households}</Text>}
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => form.set('households', [...rows, { household: '', headName: '', note: '' }])}>
          {h.add}
        </Button>
        <Button size="xs" disabled={!form.dirty} loading={form.submitting} onClick={() => void submit()}>{h.save}</Button>
      </Group>
    </Stack>
  );
}
