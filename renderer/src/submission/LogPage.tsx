import { Badge, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiOutput } from '../api/types';
import { EmptyState } from '../components/EmptyState';
import { fmtTimestamp } from '../components/format';
import { VirtualTable } from '../components/VirtualTable';
import { sub } from '../i18n/submission';
import { shortHash } from './files';

const l = sub.log;
type Row = ApiOutput<'submission.listLog'>['rows'][number];

/** 上报记录: every export and import — what, which period, when, by whom, the file and its checksum. */
export function LogPage() {
  const [q, setQ] = useState('');
  const [direction, setDirection] = useState<'all' | 'export' | 'import'>('all');
  const [search] = useDebouncedValue(q, 250);
  const [total, setTotal] = useState<number | null>(null);
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={3}>{l.title}</Title>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl value={direction} onChange={(v) => setDirection(v as typeof direction)} aria-label={l.columns.direction}
            data={(['all', 'export', 'import'] as const).map((d) => ({ value: d, label: l.direction[d] }))} />
          <TextInput placeholder={l.search} aria-label={l.search} value={q} onChange={(e) => setQ(e.currentTarget.value)}
            leftSection={<IconSearch size={16} />} w={360} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed">{l.intro}{total !== null ? ` ${l.total(total)}` : ''}</Text>
      <div style={{ flex: 1, minHeight: 0 }} data-testid="submission-log">
        <VirtualTable
          channel="submission.listLog"
          input={{ q: search, direction: direction === 'all' ? null : direction }}
          rowKey={(r: Row) => r.id}
          onTotal={setTotal}
          height="100%"
          empty={<EmptyState title={l.empty} hint={l.emptyHint} />}
          columns={[
            { key: 'at', title: l.columns.at, width: 130, render: (r: Row) => fmtTimestamp(r.at) },
            { key: 'direction', title: l.columns.direction, width: 50, render: (r: Row) => l.direction[r.direction] },
            {
              key: 'title', title: l.columns.title, width: 140,
              render: (r: Row) => (
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{r.title}</Text>
                  {r.unmasked && <Badge color="orange" size="xs" radius="sm">{l.full}</Badge>}
                </Group>
              ),
            },
            { key: 'period', title: l.columns.period, width: 70, render: (r: Row) => r.period ?? '' },
            { key: 'unit', title: l.columns.unit, width: 100, render: (r: Row) => r.unit.name },
            { key: 'files', title: l.columns.files, render: (r: Row) => <Text size="sm" truncate title={r.files.map((f) => f.name).join('\n')}>{r.files.map((f) => f.name).join('，')}</Text> },
            {
              key: 'checksum', title: l.columns.checksum, width: 110,
              render: (r: Row) => <Text size="xs" ff="monospace" title={r.files.map((f) => `${f.name}\n${f.sha256}`).join('\n')}>{r.files[0] ? shortHash(r.files[0].sha256) : ''}</Text>,
            },
            { key: 'operator', title: l.columns.operator, width: 64, render: (r: Row) => r.operator },
            { key: 'result', title: l.columns.result, width: 200, render: (r: Row) => {
                if (r.refusal) return <Text size="xs" c="red.8" truncate title={r.refusal.message}>{l.refused}{r.refusal.message}</Text>;
                return r.result ? <Text size="xs">{sub.import.counts(r.result as never)}</Text> : '';
              },
            },
          ]}
        />
      </div>
    </Stack>
  );
}
