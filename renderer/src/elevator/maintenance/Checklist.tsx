import { Button, Checkbox, Group, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { checklistFor } from '../../../../main/api/elevator/checklist';
import { useApiQuery } from '../../api/queries';
import { elev } from '../../i18n/elevator';

const r = elev.record;

/**
 * The TSG T5002 items of a level — the shipped tables and the street's own (设置 → 电梯维保项目) — ticked one by one or
 * all at once; a kind without a list says so. A retired item stays offered on a record that had it when opened.
 */
export function Checklist({ kind, value, onChange }: { kind: string; value: string[]; onChange: (codes: string[]) => void }) {
  const [kept] = useState(value);
  const street = useApiQuery('elevator.listChecklistItems', {}).data ?? [];
  const items = checklistFor(kind, street, kept);
  if (items.length === 0) return <Text size="sm" c="dimmed">{r.itemsNone}</Text>;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">{r.itemsHint(items.length)}</Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(items.map((i) => i.code))}>{r.all}</Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onChange([])}>{r.none}</Button>
        </Group>
      </Group>
      <ScrollArea.Autosize mah={180} type="auto">
        <Checkbox.Group value={value} onChange={onChange}>
          <SimpleGrid cols={2} spacing={4} verticalSpacing={4}>
            {items.map((i) => <Checkbox key={i.code} size="xs" value={i.code} label={`${i.code} ${i.name}`} />)}
          </SimpleGrid>
        </Checkbox.Group>
      </ScrollArea.Autosize>
    </Stack>
  );
}
