import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { sides } from '../../../../main/api/fund/labels';
import { ActionModal } from '../../components/ActionModal';
import { SelectField } from '../../components/fields';
import { fund } from '../../i18n/fund';
import type { Signatory } from '../types';
import { lockedUntil } from './locked';
import { PinField } from './PinField';

const s = fund.signOff;

/**
 * What one side approves in person — an expense's sign-off, a month's bank reconciliation: the signer picks their
 * name and types their own PIN. Signers without a PIN, or locked by wrong ones, are listed but cannot be picked. The
 * core's refusals land beside the field they concern (a wrong PIN, the same person on both sides) or in the dialog.
 */
export function InPersonModal<S extends z.ZodType>({ title, intro, side, signers, schema, initial, confirmLabel, onSign, done, onClose }: {
  title: string;
  intro: string;
  side: keyof typeof sides;
  signers: Signatory[];
  schema: S;
  /** The request's other fields; signatoryId and pin are the dialog's. */
  initial: Record<string, unknown>;
  confirmLabel: string;
  onSign: (input: z.output<S>) => Promise<unknown>;
  done: (name: string) => string;
  onClose: () => void;
}) {
  const mine = signers.filter((x) => x.side === side && x.status === 'active');
  const label = (x: Signatory) => (!x.pinSet ? `${x.name}${s.noPin}` : lockedUntil(x) ? `${x.name}${s.locked(lockedUntil(x)!)}` : x.name);
  const can = (x: Signatory) => x.pinSet && !lockedUntil(x);
  const options = mine.map((x) => ({ value: x.id, label: label(x), disabled: !can(x) }));
  const only = mine.filter(can);
  return (
    <ActionModal
      title={title}
      intro={intro}
      schema={schema}
      initial={{ ...initial, signatoryId: only.length === 1 ? only[0]!.id : '', pin: '' }}
      confirmLabel={confirmLabel}
      fields={(form) => (
        <>
          {only.length === 0 && <Alert color="orange" variant="light">{s.noSigners}</Alert>}
          <SelectField form={form} name="signatoryId" label={s.signer} data={options} required autoFocus={only.length !== 1} />
          <PinField form={form} name="pin" label={s.pin} autoFocus={only.length === 1} />
        </>
      )}
      onSubmit={(input) => {
        const name = mine.find((x) => x.id === (input as { signatoryId?: string }).signatoryId)?.name ?? '';
        return onSign(input).then(() => notifications.show({ color: 'green', message: done(name) }));
      }}
      onClose={onClose}
    />
  );
}
