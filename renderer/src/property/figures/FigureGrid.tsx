import { ActionIcon, Button, Group, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartLine, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { SaveResult } from '../../../../main/api/property/figures-contract';
import { ApiError } from '../../api/client';
import { fmtTimestamp } from '../../components/format';
import { pf } from '../../i18n/property-figures';

const g = pf.grid;

export type Cells = Record<string, string>;

export interface GridColumn {
  key: string;
  title: string;
  width: number;
}

/** An estate as a period's grid lists it; `row` is its saved figures for the period. */
export interface GridEstate {
  estateId: string;
  estateName: string;
  communityName: string;
  management: 'company' | 'self' | 'abandoned';
  households: number | null;
  row: { id: string; updatedAt: string; operator: string } | null;
}

/**
 * A street's figures for one quarter, typed like a sheet: a row per estate, a cell per figure. Enter (or ↓) goes
 * down the column as in Excel, Shift+Enter (↑) up, Tab to the right; Ctrl+Enter saves. Only rows that changed are
 * sent, as one write; the same schema as the API checks them as they are typed, and a cell's message shows once
 * the clerk has left it (or tried to save). Rates beside each row are computed from what is typed.
 */
export function FigureGrid(props: {
  period: string;
  estates: GridEstate[];
  columns: GridColumn[];
  cellsOf: (e: GridEstate) => Cells;
  /** A new row with nothing typed in it is not sent (prefilled cells such as households do not count). */
  blankNew: (c: Cells) => boolean;
  toRow: (estateId: string, c: Cells) => Record<string, unknown>;
  schema: z.ZodType;
  save: (input: { period: string; rows: Record<string, unknown>[] }) => Promise<SaveResult>;
  /** Computed columns shown after the figures (rates), from a row's cells. */
  computed: { title: string; width: number; render: (c: Cells) => ReactNode }[];
  /** The footer: the saved totals, one cell per figure column then per computed column. */
  totals: { label: string; cells: ReactNode[] };
  onTrend: (estateId: string) => void;
  /** Asks and deletes; `done` drops what was typed in that row. */
  onDelete: (e: GridEstate, done: () => void) => void;
  /** How many rows have unsaved changes (the page asks before leaving them). */
  onDirty: (rows: number) => void;
}) {
  const { estates, columns } = props;
  // What is saved (refreshed whenever the period's data is read again) and, over it, what the clerk has typed: a
  // refresh after a save or a delete keeps the typing of the other rows.
  const initial = useMemo(() => Object.fromEntries(estates.map((e) => [e.estateId, props.cellsOf(e)])), [estates]); // eslint-disable-line react-hooks/exhaustive-deps
  const [edits, setEdits] = useState<Record<string, Cells>>({});
  const cells: Record<string, Cells> = Object.fromEntries(estates.map((e) => [e.estateId, { ...initial[e.estateId], ...edits[e.estateId] }]));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const table = useRef<HTMLTableElement>(null);

  const sent = estates.filter((e) => {
    const c = cells[e.estateId]!;
    const changed = columns.some((col) => c[col.key] !== initial[e.estateId]![col.key]);
    return changed && !(e.row === null && props.blankNew(c));
  });
  const input = { period: props.period, rows: sent.map((e) => props.toRow(e.estateId, cells[e.estateId]!)) };
  const parsed = props.schema.safeParse(input);
  const errors: Record<string, string> = { ...serverErrors };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, i, field] = issue.path as [string, number, string];
      const key = sent[i] ? `${sent[i].estateId}.${field}` : 'period';
      errors[key] ??= issue.message;
    }
  }
  useEffect(() => props.onDirty(sent.length), [sent.length]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = (key: string) => (showAll || touched.has(key) ? errors[key] : undefined);

  const edit = (estateId: string, key: string, value: string) => {
    setEdits((all) => ({ ...all, [estateId]: { ...all[estateId], [key]: value } }));
    setServerErrors(({ [`${estateId}.${key}`]: _, ...rest }) => rest);
  };

  const focusCell = (row: number, col: number) =>
    table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)?.focus();

  async function save() {
    if (!parsed.success) {
      setShowAll(true);
      notifications.show({ color: 'red', message: g.invalid });
      return;
    }
    setSaving(true);
    try {
      const r = await props.save(input);
      // The write's own refresh has run by now: what was typed is what is saved.
      setEdits({});
      setTouched(new Set());
      setShowAll(false);
      notifications.show({ message: g.saved(r.created, r.updated, r.unchanged) });
    } catch (err) {
      const fields = err instanceof ApiError ? (err.body.fields ?? []) : [];
      setServerErrors(Object.fromEntries(fields.map((f) => {
        const [, i, field] = f.path.split('.');
        return [sent[Number(i)] ? `${sent[Number(i)]!.estateId}.${field}` : 'period', f.message];
      })));
      setShowAll(true);
    } finally {
      setSaving(false);
    }
  }

  const onKey = (row: number, col: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusCell(e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey) ? row - 1 : row + 1, col);
    }
  };

  return (
    <>
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">{g.keys}</Text>
        <Group gap="sm" wrap="nowrap">
          {sent.length > 0 && <Text size="sm" c="orange.8">{g.dirty(sent.length)}</Text>}
          {errors.period && <Text size="sm" c="red">{errors.period}</Text>}
          <Button onClick={() => void save()} loading={saving} disabled={sent.length === 0}>{g.save}</Button>
        </Group>
      </Group>
      <ScrollArea style={{ flex: 1, minHeight: 0 }} type="auto">
        <Table ref={table} stickyHeader withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} fz="sm" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ minWidth: 160 }}>{g.estate}</Table.Th>
              {columns.map((c) => <Table.Th key={c.key} style={{ width: c.width, textAlign: 'right' }}>{c.title}</Table.Th>)}
              {props.computed.map((c) => <Table.Th key={c.title} style={{ width: c.width, textAlign: 'right' }}>{c.title}</Table.Th>)}
              <Table.Th style={{ width: 72 }} aria-label={g.trend} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {estates.map((e, r) => {
              const c = cells[e.estateId]!;
              return (
                <Table.Tr key={e.estateId}>
                  <Table.Td title={e.row ? g.changedBy(e.row.operator, fmtTimestamp(e.row.updatedAt)) : undefined}>
                    <Text size="sm" fw={500} truncate>{e.estateName}</Text>
                    <Text size="xs" c="dimmed" truncate>{e.communityName}{e.management === 'abandoned' ? ` · ${g.abandoned}` : ''}</Text>
                  </Table.Td>
                  {columns.map((col, ci) => {
                    const message = shown(`${e.estateId}.${col.key}`);
                    const messageId = `figure-${e.estateId}-${col.key}`;
                    return (
                      <Table.Td key={col.key} style={{ verticalAlign: 'top' }}>
                        <input
                          className="num figure-cell"
                          data-row={r}
                          data-col={ci}
                          aria-label={`${e.estateName} ${col.title}`}
                          aria-invalid={message ? true : undefined}
                          aria-describedby={message ? messageId : undefined}
                          inputMode="decimal"
                          autoFocus={r === 0 && ci === 0}
                          value={c[col.key] ?? ''}
                          onChange={(ev) => edit(e.estateId, col.key, ev.currentTarget.value)}
                          onBlur={() => setTouched((t) => new Set(t).add(`${e.estateId}.${col.key}`))}
                          onKeyDown={onKey(r, ci)}
                          style={{
                            width: '100%', font: 'inherit', padding: '3px 6px', borderRadius: 4,
                            border: `1px solid var(--mantine-color-${message ? 'red-6' : 'gray-4'})`,
                          }}
                        />
                        {message && <Text id={messageId} size="xs" c="red" lh={1.3} mt={2}>{message}</Text>}
                      </Table.Td>
                    );
                  })}
                  {props.computed.map((col) => <Table.Td key={col.title} className="num">{col.render(c)}</Table.Td>)}
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={g.trend}>
                        <ActionIcon variant="subtle" color="gray" aria-label={`${e.estateName} ${g.trend}`} onClick={() => props.onTrend(e.estateId)}>
                          <IconChartLine size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {e.row && (
                        <Tooltip label={g.delete}>
                          <ActionIcon variant="subtle" color="gray" aria-label={`${e.estateName} ${g.delete}`} onClick={() => props.onDelete(e, () => setEdits(({ [e.estateId]: _, ...rest }) => rest))}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr style={{ background: 'var(--mantine-color-gray-0)' }}>
              <Table.Th>{props.totals.label}</Table.Th>
              {props.totals.cells.map((cell, i) => <Table.Td key={i} className="num" fw={600}>{cell}</Table.Td>)}
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </>
  );
}

