import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type Fact = [label: string, value: ReactNode];

/** Label–value pairs of a record; an empty value shows a dash, so a blank is visibly "not filled". */
export function Facts({ items, labelWidth = 84 }: { items: Fact[]; labelWidth?: number }) {
  return (
    <DataList labelWidth={labelWidth} gap={6} size="sm">
      {items.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel><Text size="sm" c="dimmed" span>{label}</Text></DataList.ItemLabel>
          <DataList.ItemValue>{value === null || value === undefined || value === '' ? <Text c="dimmed" span>—</Text> : value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
