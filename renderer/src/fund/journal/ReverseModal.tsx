import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ReverseEntry } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { Text } from '@mantine/core';
import { CheckField, TextField } from '../../components/fields';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import { newEntryId } from '../common/newEntryId';
import { OverrideReasonField } from '../common/OverrideReasonField';
import type { JournalRow } from '../types';

const r = fund.reverse;

/**
 * 冲正 a posted entry: a new entry with the amount negated, posted at once; the original stays. It may take the
 * original's date only while no disclosure reaches that day (the core refuses it too).
 */
export function ReverseModal({ row, disclosedThrough, onClose }: { row: JournalRow; disclosedThrough: string | null; onClose: () => void }) {
  const disclosed = disclosedThrough !== null && row.onDate <= disclosedThrough;
  const reverse = useApiMutation('fund.reverseEntry', { quiet: true });
  const [id] = useState(newEntryId);
  return (
    <ActionModal
      title={r.title}
      intro={r.body(row.seq ?? 0, fmtMoney(-row.amount), row.purpose)}
      schema={ReverseEntry}
      initial={{ id, entryId: row.id, reason: '', onOriginalDate: false, overrideReason: '' }}
      danger
      confirmLabel={r.confirm}
      fields={(form) => (
        <>
          <TextField form={form} name="reason" label={r.reason} required autoFocus />
          {disclosed
            ? <Text size="sm" c="dimmed">{r.disclosed(disclosedThrough)}</Text>
            : <CheckField form={form} name="onOriginalDate" label={r.onOriginalDate} />}
          <OverrideReasonField form={form} />
        </>
      )}
      onSubmit={(input) => reverse.mutateAsync(input).then(() => notifications.show({ color: 'green', message: r.done }))}
      onClose={onClose}
    />
  );
}
