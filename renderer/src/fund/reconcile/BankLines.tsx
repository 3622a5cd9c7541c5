import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { formatFen, parseYuan } from '../../../../main/api/common/money';
import type { ZodForm } from '../../components/useZodForm';
import { fundReconcile } from '../../i18n/fund-reconcile';

const r = fundReconcile;

/** A statement line as typed: the amount is the yuan text the core parses (zod `yuanField`). */
export interface BankLine {
  onDate: string;
  direction: 'income' | 'expense';
  amount: string;
  note: string;
}

const directionOptions = (['income', 'expense'] as const).map((value) => ({ value, label: r.directions[value] }));

/**
 * The statement's lines the journal has not got yet, a row each; the core's errors land beside the field they name
 * (`bankItems.0.onDate`). New lines take the statement date.
 */
export function BankLines({ form, statementDate, readOnly }: { form: ZodForm; statementDate: string; readOnly: boolean }) {
  const lines = (form.values.bankItems ?? []) as BankLine[];
  const set = (i: number, change: Partial<BankLine>) => form.set('bankItems', lines.map((l, k) => (k === i ? { ...l, ...change } : l)));
  const error = (i: number, field: keyof BankLine) => form.errors[`bankItems.${i}.${field}`];
  const l = r.line;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>{r.bankItems}</Text>
      <Text size="xs" c="dimmed">{r.bankItemsHint}</Text>
      {lines.map((line, i) => (
        <Group key={i} gap={6} align="start" wrap="nowrap">
          <TextInput type="date" aria-label={`${l.onDate} ${i + 1}`} value={line.onDate} max={statementDate} w={140} readOnly={readOnly}
            error={error(i, 'onDate')} onChange={(e) => set(i, { onDate: e.currentTarget.value })} />
          <NativeSelect aria-label={`${l.direction} ${i + 1}`} data={directionOptions} value={line.direction} w={104} disabled={readOnly}
            onChange={(e) => set(i, { direction: e.currentTarget.value as BankLine['direction'] })} />
          <TextInput aria-label={`${l.amount} ${i + 1}`} placeholder={l.amount} value={line.amount} w={120} inputMode="decimal" readOnly={readOnly}
            styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }} error={error(i, 'amount')}
            onChange={(e) => set(i, { amount: e.currentTarget.value })}
            onBlur={() => {
              const parsed = line.amount.trim() ? parseYuan(line.amount) : null;
              if (parsed && 'fen' in parsed) set(i, { amount: formatFen(parsed.fen) });
            }} />
          <TextInput aria-label={`${l.note} ${i + 1}`} placeholder={l.note} value={line.note} style={{ flex: 1 }} readOnly={readOnly}
            error={error(i, 'note')} onChange={(e) => set(i, { note: e.currentTarget.value })} />
          {!readOnly && (
            <ActionIcon variant="subtle" color="red" mt={4} aria-label={r.removeBankItem(i + 1)} onClick={() => form.set('bankItems', lines.filter((_, k) => k !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />}
            onClick={() => form.set('bankItems', [...lines, { onDate: statementDate, direction: 'income', amount: '', note: '' }])}>
            {r.addBankItem}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
