import { Alert, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../../api/queries';
import type { ApiOutput } from '../../api/types';
import { fmtInt } from '../../components/format';
import { zh } from '../../i18n/zh-CN';

const t = zh.integrity;

type Report = ApiOutput<'system.checkData'>;
type Totals = Report['totals'][number];
type Difference = Totals['rows'][number];

const rowName = (d: Difference) => d.key.map((k) => `${k.label} ${k.name ?? k.value}`).join(' · ');

/** Only the columns that differ somewhere, so a row says at a glance what is off. */
function differingColumns(totals: Totals) {
  return totals.columns.filter((c) => totals.rows.some((r) => r.cached?.[c.column] !== r.recomputed?.[c.column]));
}

function DifferencesTable({ totals }: { totals: Totals }) {
  const columns = differingColumns(totals);
  const show = (side: Difference['cached'], column: (typeof columns)[number]) => {
    if (!side) return t.absent;
    const v = side[column.column] ?? null;
    if (typeof v !== 'number') return v ?? t.none; // a kept date
    return column.tenths ? tenthsText(v) : fmtInt(v);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>{t.differing(totals.label, totals.differing)}</Text>
      <Table striped aria-label={totals.label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.row}</Table.Th>
            {columns.map((c) => <Table.Th key={c.column}>{c.label}：{t.cached} → {t.recomputed}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.rows.map((r) => (
            <Table.Tr key={rowName(r)}>
              <Table.Td>{rowName(r)}</Table.Td>
              {columns.map((c) => <Table.Td key={c.column}>{show(r.cached, c)} → {show(r.recomputed, c)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {totals.differing > totals.rows.length && <Text size="xs" c="dimmed">{t.moreRows(totals.differing - totals.rows.length)}</Text>}
    </Stack>
  );
}

/**
 * 核对数据: runs the check on request (at district scale it takes seconds), lists the totals rows that differ
 * from their source with both values, rebuilds them after a confirmation, and reports a broken chain.
 */
export function IntegrityCard() {
  const check = useApiQuery('system.checkData', {}, { enabled: false, retry: false });
  const repair = useApiMutation('system.repairTotals');
  const report = check.data;
  const differing = report?.totals.filter((x) => x.differing > 0) ?? [];
  const broken = report?.chains.filter((c) => c.break) ?? [];
  const total = differing.reduce((n, x) => n + x.differing, 0);

  const confirmRebuild = () =>
    modals.openConfirmModal({
      title: t.rebuildTitle,
      children: <Text size="sm">{t.rebuildBody(total)}</Text>,
      labels: { confirm: t.rebuild, cancel: zh.common.cancel },
      confirmProps: { color: 'orange' },
      onConfirm: async () => {
        const rebuilt = await repair.mutateAsync({});
        notifications.show({ color: 'green', message: t.rebuilt(rebuilt.reduce((n, r) => n + r.rebuilt, 0)) });
        await check.refetch();
      },
    });

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t.title}</Title>
          <Button loading={check.isFetching} onClick={() => void check.refetch()}>{check.isFetching ? t.running : t.run}</Button>
        </Group>
        <Text size="sm" c="dimmed">{t.intro}</Text>
        {report?.consistent && (
          <Alert color="green" variant="light" title={t.consistent}>
            {t.consistentDetail(report.totals.length, report.chains.map((c) => t.chainEntries(c.label, c.entries)).join('，'))}
          </Alert>
        )}
        {broken.map((c) => (
          <Alert key={c.chain} color="red" variant="light" title={t.chainBroken(c.label, c.break!.seq, t.chainKinds[c.break!.kind])}>
            {t.chainAdvice}
          </Alert>
        ))}
        {differing.map((x) => <DifferencesTable key={x.table} totals={x} />)}
        {differing.length > 0 && (
          <Group>
            <Button color="orange" loading={repair.isPending} onClick={confirmRebuild}>{t.rebuild}</Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
