import { notifications } from '@mantine/notifications';
import { CloseAccount } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { TextField } from '../../components/fields';
import { fund } from '../../i18n/fund';
import type { AccountView } from '../types';

const a = fund.accounts;

/** 销户: what it needs said first (the core refuses, in this dialog, an account that leaves anything behind). */
export function CloseAccountModal({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const close = useApiMutation('fund.closeAccount', { quiet: true });
  return (
    <ActionModal
      title={a.closeTitle(account.name)}
      intro={a.closeBody}
      schema={CloseAccount}
      initial={{ id: account.id, reason: '' }}
      danger
      confirmLabel={a.close}
      fields={(form) => <TextField form={form} name="reason" label={a.closeReason} required autoFocus />}
      onSubmit={(input) => close.mutateAsync(input).then(() => notifications.show({ color: 'green', message: a.closed(account.name) }))}
      onClose={onClose}
    />
  );
}
