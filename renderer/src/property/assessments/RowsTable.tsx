import { ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface RowsColumn<T> {
  key: string;
  title: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
}

/**
 * A short list read whole (a period's assessments, the template versions, a ranking): a plain table that
 * scrolls inside the page, rows opened by click or Enter. Long registers use VirtualTable instead.
 */
export function RowsTable<T>({ rows, columns, rowKey, onOpen, highlight, label }: {
  rows: T[];
  columns: RowsColumn<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  /** A row to mark (a 更正's changed lines). */
  highlight?: (row: T) => boolean;
  label: string;
}) {
  return (
    <ScrollArea h="100%">
      <Table stickyHeader highlightOnHover={!!onOpen} verticalSpacing={6} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => <Table.Th key={c.key} w={c.width} ta={c.align}>{c.title}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} tabIndex={onOpen ? 0 : undefined} style={{ cursor: onOpen ? 'pointer' : undefined }}
              bg={highlight?.(row) ? 'var(--mantine-color-yellow-0)' : undefined}
              onClick={onOpen && (() => onOpen(row))} onKeyDown={onOpen && ((e) => e.key === 'Enter' && onOpen(row))}>
              {columns.map((c) => <Table.Td key={c.key} ta={c.align}>{c.render(row)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
