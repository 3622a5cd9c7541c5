import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatFen } from '../../../../main/api/common/money';
import { BankLineInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { href } from '../../app/router';
import { ActionModal } from '../../components/ActionModal';
import { SelectField } from '../../components/fields';
import { fundReconcile } from '../../i18n/fund-reconcile';
import { newEntryId } from '../common/newEntryId';
import { OverrideReasonField } from '../common/OverrideReasonField';
import { useCategories } from '../common/useCategories';
import type { Out } from '../types';

const e = fundReconcile.enter;
type Saved = NonNullable<Out<'fund.getReconciliation'>['saved']>;
type Line = Saved['bankItems'][number];

const words = (l: Line) => `${l.onDate} ${fundReconcile.directions[l.direction]} ${formatFen(l.amount)} ${l.note}`;

/**
 * The saved statement's lines the journal lacks, each entered into the journal without retyping (fund.enterBankLine:
 * income posts, an expense is drafted for both sides to sign), or the entry it already became. Only the saved lines:
 * while the form has unsaved changes the list might not be the one the core holds.
 */
export function BankLineEntries({ saved, accountId, dirty }: { saved: Saved; accountId: string; dirty: boolean }) {
  const [entering, setEntering] = useState<number | null>(null);
  const categories = useCategories();
  const enter = useApiMutation('fund.enterBankLine', { quiet: true });
  const entryOf = (l: Line) =>
    saved.enteredLines.find((x) => x.status !== 'voided' && x.onDate === l.onDate && x.direction === l.direction && x.amount === l.amount && x.note === l.note);
  if (saved.bankItems.length === 0) return null;
  const line = entering === null ? null : saved.bankItems[entering]!;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>{e.section}</Text>
      <Text size="xs" c="dimmed">{dirty ? e.saveFirst : e.hint}</Text>
      {saved.bankItems.map((l, i) => {
        const entry = entryOf(l);
        return (
          <Group key={i} justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{words(l)}</Text>
            {entry ? (
              <Anchor size="sm" href={href('/fund/journal', entry.status === 'draft' ? { account: accountId, draft: entry.entryId } : { account: accountId, entry: entry.entryId })}>
                {entry.status === 'draft' ? e.draft : e.posted(entry.seq)}
              </Anchor>
            ) : (
              <Button size="compact-sm" variant="light" disabled={dirty} aria-label={e.button(i + 1)} onClick={() => setEntering(i)}>{e.label}</Button>
            )}
          </Group>
        );
      })}
      {line && entering !== null && (
        <ActionModal
          title={e.title}
          intro={e.intro(words(line), line.direction === 'income')}
          schema={BankLineInput}
          initial={{ id: newEntryId(), reconciliationId: saved.reconciliation.id, index: entering, category: line.direction === 'income' ? 'interest' : 'other', overrideReason: '' }}
          confirmLabel={e.label}
          fields={(form) => (
            <>
              <SelectField form={form} name="category" label={e.category} data={categories.optionsOf(line.direction)} required />
              <OverrideReasonField form={form} />
            </>
          )}
          onSubmit={(input) => enter.mutateAsync(input).then((d) => notifications.show({ color: 'green', message: d.entry.status === 'posted' ? e.doneIncome : e.doneDraft }))}
          onClose={() => setEntering(null)}
        />
      )}
    </Stack>
  );
}
