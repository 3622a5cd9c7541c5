import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatFen } from '../../../../main/api/common/money';
import { sides } from '../../../../main/api/fund/labels';
import { SignOff } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { SelectField } from '../../components/fields';
import { fund } from '../../i18n/fund';
import { lockedUntil } from '../common/locked';
import { PinField } from '../common/PinField';
import type { Entry, Signatory } from '../types';

const s = fund.signOff;

/**
 * One side's sign-off, given in person: the signer picks their name and types their own PIN. The core's refusals
 * land beside the field they concern (a wrong PIN, the same person on both sides) or in the dialog.
 */
export function SignOffModal({ entry, side, signers, onClose }: { entry: Entry; side: keyof typeof sides; signers: Signatory[]; onClose: () => void }) {
  const sign = useApiMutation('fund.signOff', { quiet: true });
  const mine = signers.filter((x) => x.side === side && x.status === 'active');
  // A signer locked by wrong PINs is listed with the end of the lock, and cannot be picked until then.
  const label = (x: Signatory) => (!x.pinSet ? `${x.name}${s.noPin}` : lockedUntil(x) ? `${x.name}${s.locked(lockedUntil(x)!)}` : x.name);
  const can = (x: Signatory) => x.pinSet && !lockedUntil(x);
  const options = mine.map((x) => ({ value: x.id, label: label(x), disabled: !can(x) }));
  const only = mine.filter(can);
  return (
    <ActionModal
      title={s.title(sides[side])}
      intro={s.intro(formatFen(entry.amount), entry.purpose)}
      schema={SignOff}
      initial={{ entryId: entry.id, signatoryId: only.length === 1 ? only[0]!.id : '', pin: '' }}
      confirmLabel={s.confirm}
      fields={(form) => (
        <>
          {only.length === 0 && <Alert color="orange" variant="light">{s.noSigners}</Alert>}
          <SelectField form={form} name="signatoryId" label={s.signer} data={options} required autoFocus={only.length !== 1} />
          <PinField form={form} name="pin" label={s.pin} autoFocus={only.length === 1} />
        </>
      )}
      onSubmit={(input) => {
        const name = mine.find((x) => x.id === input.signatoryId)?.name ?? '';
        return sign.mutateAsync(input).then(() => notifications.show({ color: 'green', message: s.done(name) }));
      }}
      onClose={onClose}
    />
  );
}
