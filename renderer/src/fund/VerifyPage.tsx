import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { fund } from '../i18n/fund';
import { zh } from '../i18n/zh-CN';
import type { AccountView } from './types';

const v = fund.verify;

/**
 * One account's chain, walked when asked and held to every head its disclosures recorded: its head as printed on
 * statements, or its first break, its kind and the disclosures it reaches.
 */
function VerifyRow({ account }: { account: AccountView }) {
  const [asked, setAsked] = useState(false);
  const check = useApiQuery('fund.verifyAccount', { id: account.id }, { enabled: asked, staleTime: 0 });
  const r = check.data;
  const result = !asked ? null
    : check.isFetching ? <Text size="sm" c="dimmed">{v.running}</Text>
    : check.error ? <Text size="sm" c="red">{check.error.message}</Text>
    : r?.break ? (
      <Stack gap={2}>
        <Badge color="red" variant="filled" size="lg">{v.broken(r.break.seq, zh.integrity.chainKinds[r.break.kind])}</Badge>
        {r.affected.length > 0 && <Text size="xs" c="red">{v.affected(r.affected.map((d) => `${d.periodFrom} 至 ${d.periodTo}`).join('；'))}</Text>}
      </Stack>
    )
    : r && !r.complete ? <Text size="sm" c="orange">{v.incomplete}</Text>
    : r && (
      <Group gap="xs" wrap="nowrap">
        <Badge color="green" variant="light">{v.ok}</Badge>
        {r.head.seq === 0 ? <Text size="sm">{v.emptyChain}</Text> : (
          // Only the digits in a fixed-width face: monospace fonts have no Chinese glyphs.
          <Text size="sm">{v.head(r.head.seq)}<Text span size="sm" ff="monospace">{r.head.hash.slice(0, 16)}</Text></Text>
        )}
        {r.disclosures > 0 && <Text size="xs" c="dimmed">{v.witnessed(r.disclosures)}</Text>}
      </Group>
    );
  return (
    <Table.Tr>
      <Table.Td>{`${account.name} · ${account.communityName}`}</Table.Td>
      <Table.Td className="num">{r ? fmtInt(r.entries) : ''}</Table.Td>
      <Table.Td>{result}</Table.Td>
      <Table.Td ta="right">
        <Button size="compact-sm" variant="light" leftSection={<IconShieldCheck size={14} />} loading={check.isFetching}
          onClick={() => (asked ? void check.refetch() : setAsked(true))} aria-label={`${v.run} ${account.name}`}>{v.run}</Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** 账目校验: every account's hash chain, verified on demand. */
export function VerifyPage() {
  const accounts = useApiQuery('fund.listAccounts', {});
  const c = v.columns;
  return (
    <Stack gap="sm">
      <Title order={3}>{v.title}</Title>
      <Text size="sm" c="dimmed" maw={900}>{v.intro}</Text>
      <Paper withBorder>
        {accounts.data?.length === 0 ? <EmptyState title={v.empty} /> : (
          <Table fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{c.account}</Table.Th>
                <Table.Th className="num" w={80}>{c.entries}</Table.Th>
                <Table.Th>{c.result}</Table.Th>
                <Table.Th w={100} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{(accounts.data ?? []).map((a) => <VerifyRow key={a.id} account={a} />)}</Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
