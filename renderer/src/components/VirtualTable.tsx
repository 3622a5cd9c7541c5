import { Box, Center, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { InputOf } from '../../../main/api/common/channel';
import type { Page } from '../../../main/api/common/fields';
import type { Contract } from '../api/contract';
import type { ApiError } from '../api/client';
import { callApi } from '../api/queries';

export interface Column<T> {
  key: string;
  title: string;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Server-side sort key this column sorts by, if any. */
  sortKey?: string;
  render: (row: T) => ReactNode;
}

type PagedChannel = {
  [K in keyof Contract & string]: Contract[K] extends { output?: Page<unknown> } ? K : never;
}[keyof Contract & string];

const PAGE = 100;
const ROW_HEIGHT = 34;

/**
 * A table of thousands of rows: only the visible rows are in the DOM, pages are fetched from SQL as the user
 * scrolls, and filtering and sorting happen in the query (passed in `input`), never in React.
 */
export function VirtualTable<K extends PagedChannel, T = Contract[K] extends { output?: Page<infer R> } ? R : never>(props: {
  channel: K;
  input: Omit<InputOf<Contract[K]>, 'offset' | 'limit'>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  empty: ReactNode;
  sort?: string;
  onSort?: (key: string) => void;
  onTotal?: (n: number) => void;
  height?: number | string;
  /**
   * Keyset paging: the input that asks for the rows after this one (the audit log's `beforeSeq`), instead of an
   * offset. The list then grows as it is scrolled — a deep page costs what the first does, but cannot be jumped to —
   * and goes on while pages come back full, so a total the channel caps (the points ledger's) does not end it.
   */
  after?: (last: T) => Partial<InputOf<Contract[K]>>;
}) {
  const { after } = props;
  const query = useInfiniteQuery<Page<T>, ApiError>({
    queryKey: [props.channel, props.input, 'infinite'],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      callApi(props.channel, { ...props.input, ...(typeof pageParam === 'number' ? { offset: pageParam } : (pageParam as object)), limit: PAGE } as never) as Promise<Page<T>>,
    getNextPageParam: (last, pages) => {
      if (after) return last.rows.length < PAGE ? undefined : after(last.rows[last.rows.length - 1]!);
      const loaded = pages.reduce((n, p) => n + p.rows.length, 0);
      return loaded >= last.total || last.rows.length === 0 ? undefined : loaded;
    },
  });
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const { onTotal } = props;
  useEffect(() => {
    if (query.data) onTotal?.(total);
  }, [total, query.data, onTotal]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    // Keyset: the rows loaded and one placeholder while more come; otherwise every row, fetched where scrolled to.
    count: after ? rows.length + (query.hasNextPage ? 1 : 0) : total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) {
    return <Center py="xl"><Loader size="sm" /></Center>;
  }
  if (query.isError) {
    return <Center py="xl"><Text c="red" size="sm">加载失败：{query.error.message}</Text></Center>;
  }
  if (total === 0) return <>{props.empty}</>;

  const template = props.columns.map((c) => (typeof c.width === 'number' ? `${c.width}px` : (c.width ?? 'minmax(80px, 1fr)'))).join(' ');
  return (
    <Box role="table" aria-rowcount={total} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: props.height ?? '100%' }}>
      <Box role="row" style={{ display: 'grid', gridTemplateColumns: template, borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}>
        {props.columns.map((c) => (
          <Box role="columnheader" key={c.key} px={8} py={6} style={{ textAlign: c.align ?? 'left' }}>
            {c.sortKey && props.onSort ? (
              <UnstyledButton onClick={() => props.onSort!(c.sortKey!)} aria-label={`按${c.title}排序`}>
                <Group gap={2} wrap="nowrap" justify={c.align === 'right' ? 'flex-end' : 'flex-start'}>
                  <Text size="sm" fw={600}>{c.title}</Text>
                  {props.sort === c.sortKey ? <IconChevronDown size={14} /> : <IconChevronUp size={14} opacity={0.25} />}
                </Group>
              </UnstyledButton>
            ) : (
              <Text size="sm" fw={600}>{c.title}</Text>
            )}
          </Box>
        ))}
      </Box>
      {/* Focusable, so a keyboard can scroll a list whose rows hold nothing to focus (the audit log): WCAG 2.1.1; a rowgroup, as a table may hold no other focusable child. */}
      <Box ref={scrollRef} role="rowgroup" tabIndex={0} style={{ flex: 1, overflow: 'auto', minHeight: 120 }} data-testid="virtual-table-body">
        <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <Box
                role="row"
                key={row ? props.rowKey(row) : `loading-${item.index}`}
                aria-rowindex={item.index + 1}
                onClick={row && props.onRowClick ? () => props.onRowClick!(row) : undefined}
                tabIndex={props.onRowClick ? 0 : undefined}
                onKeyDown={(e) => {
                  if (row && e.key === 'Enter' && props.onRowClick) props.onRowClick(row);
                }}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: template,
                  alignItems: 'center',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  cursor: props.onRowClick ? 'pointer' : undefined,
                }}
                className="vt-row"
              >
                {props.columns.map((c) => (
                  <Box role="cell" key={c.key} px={8} style={{ textAlign: c.align ?? 'left', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
                    {row ? c.render(row) : <Text size="sm" c="dimmed">…</Text>}
                  </Box>
                ))}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
