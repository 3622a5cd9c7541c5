import { Box, Center, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { InputOf } from '../../../main/api/common/channel';
import type { Page } from '../../../main/api/common/fields';
import type { Contract } from '../api/contract';
import type { ApiError } from '../api/client';
import { callApi } from '../api/queries';
import { TWO_LINES_LINE_HEIGHT, twoLines } from './twoLines';

interface ColumnBase {
  key: string;
  title: string;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Server-side sort key this column sorts by, if any. */
  sortKey?: string;
}

export type Column<T> = ColumnBase &
  (
    | { wrap?: false; render: (row: T) => ReactNode }
    /**
     * Text that must be read whole (所在组织: 幸福社区 › 第一党支部 and 和平社区 › 第一党支部 are two units): the
     * cell wraps to two lines instead of cutting it with an ellipsis, and carries the full text as its title. A
     * table with such a column gives every row the height of two lines.
     */
    | { wrap: true; render: (row: T) => string }
  );

type PagedChannel = {
  [K in keyof Contract & string]: Contract[K] extends { output?: Page<unknown> } ? K : never;
}[keyof Contract & string];

const PAGE = 100;
const ROW_HEIGHT = 34;
/** Rows stay fixed in height, so the virtualiser places them without measuring: a wrapping cell's two lines and a margin. */
const TWO_LINE_ROW_HEIGHT = 2 * TWO_LINES_LINE_HEIGHT + 8;
/** Rows beyond the window whose page is fetched already, so a page is there before it scrolls into view. */
const LOOKAHEAD = 20;

/** The page numbers holding rows first..last. */
function pagesCovering(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let n = Math.floor(first / PAGE); n <= Math.floor(last / PAGE); n++) pages.push(n);
  return pages;
}

/**
 * A table of thousands of rows: only the visible rows are in the DOM, only the pages in view are fetched from SQL
 * (by offset, or by keyset with `after`), and filtering and sorting happen in the query (passed in `input`), never in
 * React.
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
  const fetchPage = (param: object) => callApi(props.channel, { ...props.input, ...param, limit: PAGE } as never) as Promise<Page<T>>;
  const keyset = useInfiniteQuery<Page<T>, ApiError>({
    queryKey: [props.channel, props.input, 'infinite'],
    initialPageParam: {},
    queryFn: ({ pageParam }) => fetchPage(pageParam as object),
    getNextPageParam: (last) => (last.rows.length < PAGE ? undefined : after!(last.rows[last.rows.length - 1]!)),
    enabled: !!after,
  });
  // Offset paging: each page is its own query, asked for when it comes into view — a jump deep into the list asks
  // for the page there and none before it (fetched in turn from the top, 诉求台账's end took 200 pages, 3.7 s).
  const pageQuery = (n: number) => ({
    queryKey: [props.channel, props.input, 'page', n],
    queryFn: () => fetchPage({ offset: n * PAGE }),
    enabled: !after,
  });
  const head = useQuery<Page<T>, ApiError>(pageQuery(0));
  const query = after ? keyset : head;
  const keysetRows = keyset.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = (after ? keyset.data?.pages[0]?.total : head.data?.total) ?? 0;
  const { onTotal } = props;
  useEffect(() => {
    if (query.data) onTotal?.(total);
  }, [total, query.data, onTotal]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = props.columns.some((c) => c.wrap) ? TWO_LINE_ROW_HEIGHT : ROW_HEIGHT;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    // Keyset: the rows loaded and one placeholder while more come; otherwise every row, fetched where scrolled to.
    count: after ? keysetRows.length + (keyset.hasNextPage ? 1 : 0) : total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  // The pages under the window, and the next one up or down once it is LOOKAHEAD rows away, so a scroll finds its rows.
  const inView = after ? [] : pagesCovering(Math.max(0, firstIndex - LOOKAHEAD), Math.min(total - 1, lastIndex + LOOKAHEAD));
  const pages = useQueries({ queries: inView.map(pageQuery) });
  const rowAt = (i: number): T | undefined =>
    after ? keysetRows[i] : pages[inView.indexOf(Math.floor(i / PAGE))]?.data?.rows[i % PAGE];
  const failed = pages.find((p) => p.isError)?.error;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = keyset;
  useEffect(() => {
    if (after && lastIndex >= keysetRows.length - LOOKAHEAD && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [after, lastIndex, keysetRows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) {
    return <Center py="xl"><Loader size="sm" /></Center>;
  }
  const error = query.error ?? failed;
  if (error) {
    return <Center py="xl"><Text c="red" size="sm">加载失败：{error.message}</Text></Center>;
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
            const row = rowAt(item.index);
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
                  height: rowHeight,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: template,
                  alignItems: 'center',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  cursor: props.onRowClick ? 'pointer' : undefined,
                }}
                className="vt-row"
              >
                {props.columns.map((c) => {
                  const align = c.align ?? 'left';
                  if (row && c.wrap) {
                    const text = c.render(row);
                    return <Box role="cell" key={c.key} px={8} title={text} className="vt-wrap" style={{ ...twoLines, textAlign: align }}>{text}</Box>;
                  }
                  const content = row ? c.render(row) : <Text size="sm" c="dimmed">…</Text>;
                  // Text the ellipsis may cut (a long 姓名, 事由) is there whole as the cell's tooltip.
                  const title = typeof content === 'string' || typeof content === 'number' ? String(content) : undefined;
                  return (
                    <Box role="cell" key={c.key} px={8} title={title} style={{ textAlign: align, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
                      {content}
                    </Box>
                  );
                })}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
