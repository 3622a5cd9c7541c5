import { Badge, Pagination, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { RegisterInfo, ReportRow, RowStatus, ValidationReport } from '../../../main/api/import/contract';
import { imp } from '../i18n/import';
import { rowCell } from './rows';

const r = imp.report;
const PAGE = 50;
const COLOURS: Record<RowStatus, string> = { create: 'green', update: 'blue', skip: 'gray', duplicate: 'orange', error: 'red', excluded: 'gray' };

export const outcomeBadge = (status: RowStatus) => (
  <Badge size="sm" variant="light" color={COLOURS[status]}>{r.outcomes[status]}</Badge>
);

/** How a row is named for people: its title fields' cells (张三; 西里社区 › 阳光小区 › 3号楼). */
const titleOf = (register: RegisterInfo, row: ReportRow) =>
  register.titleFields.map((k) => row.cells[k]).filter(Boolean).join(' › ') || r.empty;

/**
 * Rows with problems (or rows matching stored records), 50 to a page. Each problem stands beside the cell it is
 * about: the column's name, the value as the file has it, and what is wrong with it.
 */
export function RowTable({ register, sheetNames, rows, label }: { register: RegisterInfo; sheetNames: string[] | null; rows: ReportRow[]; label: string }) {
  const [page, setPage] = useState(1);
  const labelOf = new Map(register.fields.map((f) => [f.key, f.label]));
  const shown = rows.slice((page - 1) * PAGE, page * PAGE);
  if (rows.length === 0) return <Text size="sm" c="dimmed" py="md" ta="center">{r.none}</Text>;
  return (
    <Stack gap="xs">
      <Table verticalSpacing={4} aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={sheetNames ? 200 : 70}>{r.row}</Table.Th>
            <Table.Th w={90}>{r.outcome}</Table.Th>
            <Table.Th w={220}>{r.record}</Table.Th>
            <Table.Th>{r.problems}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => (
            <Table.Tr key={row.row} data-row={row.row}>
              <Table.Td className={sheetNames ? undefined : 'num'}>{rowCell(row.row, sheetNames)}</Table.Td>
              <Table.Td>{outcomeBadge(row.status)}</Table.Td>
              <Table.Td><Text size="sm" truncate>{titleOf(register, row)}</Text></Table.Td>
              <Table.Td>
                {[...row.issues.map((i) => ({ ...i, colour: 'red.8' })), ...row.warnings.map((i) => ({ ...i, colour: 'yellow.9' }))].map((issue, i) => (
                  <Text key={i} size="sm">
                    <Text span fw={600}>{issue.field ? labelOf.get(issue.field) : r.whole}</Text>
                    {issue.field && <Text span c="dimmed">「{row.cells[issue.field] || r.empty}」</Text>}
                    <Text span c={issue.colour}>{issue.message}</Text>
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length > PAGE && <Pagination size="sm" total={Math.ceil(rows.length / PAGE)} value={page} onChange={setPage} />}
    </Stack>
  );
}

/** The first rows as they will be saved: one column per imported field, in the register's order. */
export function PreviewTable({ register, report }: { register: RegisterInfo; report: ValidationReport }) {
  const keys = register.fields.map((f) => f.key).filter((k) => report.preview.some((p) => p.values[k]));
  const labelOf = new Map(register.fields.map((f) => [f.key, f.label]));
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">{r.previewHint}</Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Table verticalSpacing={4} aria-label={r.tabPreview} style={{ whiteSpace: 'nowrap' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{r.row}</Table.Th>
              {keys.map((k) => <Table.Th key={k}>{labelOf.get(k)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.preview.map((p) => (
              <Table.Tr key={p.row}>
                <Table.Td className={report.sheetNames ? undefined : 'num'}>{rowCell(p.row, report.sheetNames)}</Table.Td>
                {keys.map((k) => <Table.Td key={k}>{p.values[k]}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
