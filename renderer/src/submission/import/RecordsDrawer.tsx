import { Badge, Drawer, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiOutput } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { VirtualTable } from '../../components/VirtualTable';
import { sub } from '../../i18n/submission';
import { CorrectDrawer } from './CorrectDrawer';

const r = sub.records;
type Unit = ApiOutput<'submission.listUnits'>[number];
type Rec = ApiOutput<'submission.listRecords'>['rows'][number];

/** A community's consolidated records, read-only and marked with where they came from; a record can be corrected. */
export function RecordsDrawer({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const [table, setTable] = useState(unit.tables[0]?.name ?? '');
  const [open, setOpen] = useState<Rec | null>(null);
  const def = unit.tables.find((t) => t.name === table);
  const shown = (rec: Rec, key: string) => rec.fields.find((f) => f.key === key)?.display ?? '';
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={r.title(unit.name)}>
      <Stack gap="sm" h="calc(100vh - 100px)">
        <Text size="sm" c="dimmed">{sub.import.readOnly}</Text>
        <Select label={r.table} value={table} allowDeselect={false} w={240} onChange={(v) => v && setTable(v)}
          data={unit.tables.map((t) => ({ value: t.name, label: `${t.title}（${t.rows.toLocaleString('zh-CN')}）` }))} />
        <div style={{ flex: 1, minHeight: 0 }}>
          <VirtualTable
            key={table}
            channel="submission.listRecords"
            input={{ unitCode: unit.code, table }}
            rowKey={(x: Rec) => x.recordId}
            onRowClick={setOpen}
            height="100%"
            empty={<EmptyState title={r.empty} />}
            columns={[
              ...(def?.listFields ?? []).map((f) => ({ key: f.key, title: f.label, render: (x: Rec) => shown(x, f.key) })),
              {
                key: 'status', title: '', width: 150,
                render: (x: Rec) => (
                  <Group gap={4}>
                    {x.corrected && <Badge color="orange" radius="sm" size="sm">{r.corrected}</Badge>}
                    {x.removed && <Badge color="gray" radius="sm" size="sm">{r.removed}</Badge>}
                  </Group>
                ),
              },
            ]}
          />
        </div>
      </Stack>
      {open && <CorrectDrawer record={open} onClose={() => setOpen(null)} />}
    </Drawer>
  );
}
