import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ReverseEntry } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { CheckField, TextField } from '../../components/fields';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import { newEntryId } from '../common/newEntryId';
import { OverrideReasonField } from '../common/OverrideReasonField';
import type { JournalRow } from '../types';

const r = fund.reverse;

/** 冲正 a posted entry: a new entry with the amount negated, posted at once; the original stays. */
export function ReverseModal({ row, onClose }: { row: JournalRow; onClose: () => void }) {
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
          <CheckField form={form} name="onOriginalDate" label={r.onOriginalDate} />
          <OverrideReasonField form={form} />
        </>
      )}
      onSubmit={(input) => reverse.mutateAsync(input).then(() => notifications.show({ color: 'green', message: r.done }))}
      onClose={onClose}
    />
  );
}
