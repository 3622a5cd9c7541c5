import { notifications } from '@mantine/notifications';
import { SetPin } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { fund } from '../../i18n/fund';
import { PinField } from '../common/PinField';
import type { Signatory } from '../types';

const p = fund.pin;

// Typed twice, so a slip of the finger does not lock the signer out of their own signature.
const PinTwice = SetPin.extend({ repeat: SetPin.shape.pin }).refine((v) => v.pin === v.repeat, { path: ['repeat'], message: p.mismatch });

/** The signer sets (or changes, with the current PIN) their own PIN; the dialog asks for the signer in person. */
export function PinModal({ signer, onClose }: { signer: Signatory; onClose: () => void }) {
  const setPin = useApiMutation('fund.setSignatoryPin', { quiet: true });
  return (
    <ActionModal
      title={p.title(signer.name)}
      intro={p.intro(signer.name)}
      schema={PinTwice}
      initial={{ signatoryId: signer.id, pin: '', repeat: '', currentPin: signer.pinSet ? '' : null }}
      confirmLabel={p.save}
      fields={(form) => (
        <>
          {signer.pinSet && <PinField form={form} name="currentPin" label={p.current} autoFocus />}
          <PinField form={form} name="pin" label={p.pin} autoFocus={!signer.pinSet} />
          <PinField form={form} name="repeat" label={p.repeat} />
        </>
      )}
      onSubmit={({ repeat: _repeat, ...input }) =>
        setPin.mutateAsync(input).then(() => notifications.show({ color: 'green', message: p.saved(signer.name) }))}
      onClose={onClose}
    />
  );
}
