import { Badge, Checkbox, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { fmtMoney } from '../../components/format';
import { fundReconcile } from '../../i18n/fund-reconcile';
import type { Out } from '../types';

const r = fundReconcile;
type Candidate = Out<'fund.getReconciliation'>['candidates'][number];

/** The posted entries that may not be on the statement yet; the clerk ticks those the bank has not shown. */
export function LedgerItems({ candidates, ticked, onChange, from, to, readOnly }: {
  candidates: Candidate[]; ticked: readonly string[]; onChange: (ids: string[]) => void; from: string; to: string; readOnly: boolean;
}) {
  const chosen = new Set(ticked);
  const toggle = (id: string, on: boolean) => onChange(on ? [...ticked, id] : ticked.filter((x) => x !== id));
  const c = r.columns;
  return (
    <Stack gap={6} style={{ minHeight: 0, flex: 1 }}>
      <Text size="sm" fw={600}>{r.ledgerItems}</Text>
      <Text size="xs" c="dimmed">{r.ledgerItemsHint(from, to)}</Text>
      {candidates.length === 0 ? <Text size="sm" c="dimmed">{r.noCandidates}</Text> : (
        <ScrollArea.Autosize mah={220} type="auto">
          <Table fz="sm" verticalSpacing={4} aria-label={r.ledgerItems} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{c.inTransit}</Table.Th>
                <Table.Th w={110}>{c.onDate}</Table.Th>
                <Table.Th w={80}>{c.seq}</Table.Th>
                <Table.Th>{c.purpose}</Table.Th>
                <Table.Th className="num" w={120}>{c.income}</Table.Th>
                <Table.Th className="num" w={120}>{c.expense}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((x) => (
                <Table.Tr key={x.entryId}>
                  <Table.Td>
                    <Checkbox aria-label={`${r.seq(x.seq)} ${c.inTransit}`} checked={chosen.has(x.entryId)} disabled={readOnly}
                      onChange={(e) => toggle(x.entryId, e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td>{x.onDate}</Table.Td>
                  <Table.Td>{r.seq(x.seq)}</Table.Td>
                  <Table.Td>{x.purpose} {x.carried && <Badge size="xs" variant="light" color="orange">{r.carried}</Badge>}</Table.Td>
                  <Table.Td className="num">{x.direction === 'income' ? fmtMoney(x.amount) : ''}</Table.Td>
                  <Table.Td className="num">{x.direction === 'expense' ? fmtMoney(x.amount) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
