import { todayIso } from '../../../../main/api/common/calendar';
import { BecomeFull, Deceased, Readmit, TransferOut } from '../../../../main/api/party/schemas';
import { useApiMutation } from '../../api/queries';
import { DateField, TextField } from '../../components/fields';
import { UnitSelect } from '../../components/UnitSelect';
import { reg } from '../../i18n/party-register';
import { ActionModal } from '../../components/ActionModal';
import type { MemberView } from '../types';
import { useOrg } from '../../components/UnitSelect';
import { MEMBER_UNITS } from '../useOrgTree';

export type LifecycleAction = 'becomeFull' | 'transferOut' | 'deceased' | 'readmit';

interface Props {
  member: MemberView;
  onClose: () => void;
}

function BecomeFullModal({ member, onClose }: Props) {
  const t = reg.lifecycle.becomeFull;
  const run = useApiMutation('party.becomeFull', { quiet: true });
  return (
    <ActionModal
      title={t.title(member.name)}
      intro={t.body(member.name)}
      schema={BecomeFull}
      initial={{ id: member.id, on: todayIso() }}
      confirmLabel={t.confirm}
      fields={(form) => <DateField form={form} name="on" label={t.on} required autoFocus />}
      onSubmit={(input) => run.mutateAsync(input)}
      onClose={onClose}
    />
  );
}

function TransferOutModal({ member, onClose }: Props) {
  const t = reg.lifecycle.transferOut;
  const run = useApiMutation('party.transferOut', { quiet: true });
  return (
    <ActionModal
      title={t.title(member.name)}
      intro={t.body(member.name)}
      schema={TransferOut}
      initial={{ id: member.id, on: todayIso(), to: '', note: '' }}
      confirmLabel={t.confirm}
      danger
      fields={(form) => (
        <>
          <DateField form={form} name="on" label={t.on} required />
          <TextField form={form} name="to" label={t.to} placeholder={t.toPlaceholder} required autoFocus />
          <TextField form={form} name="note" label={t.note} />
        </>
      )}
      onSubmit={(input) => run.mutateAsync(input)}
      onClose={onClose}
    />
  );
}

function DeceasedModal({ member, onClose }: Props) {
  const t = reg.lifecycle.deceased;
  const run = useApiMutation('party.markDeceased', { quiet: true });
  return (
    <ActionModal
      title={t.title(member.name)}
      intro={t.body(member.name)}
      schema={Deceased}
      initial={{ id: member.id, on: '', note: '' }}
      confirmLabel={t.confirm}
      danger
      fields={(form) => (
        <>
          <DateField form={form} name="on" label={t.on} required autoFocus />
          <TextField form={form} name="note" label={t.note} />
        </>
      )}
      onSubmit={(input) => run.mutateAsync(input)}
      onClose={onClose}
    />
  );
}

function ReadmitModal({ member, onClose }: Props) {
  const t = reg.lifecycle.readmit;
  const run = useApiMutation('party.readmitMember', { quiet: true });
  const before = useOrg(member.orgId);
  const stillThere = before.org?.status === 'active';
  if (before.isPending) return null; // the form starts from where the member was, once that is known
  return (
    <ActionModal
      title={t.title(member.name)}
      intro={t.body(member.name)}
      schema={Readmit}
      initial={{ id: member.id, orgId: stillThere ? member.orgId : null, on: todayIso(), from: member.leftTo ?? '' }}
      confirmLabel={t.confirm}
      fields={(form) => (
        <>
          <UnitSelect
            label={t.org}
            levels={MEMBER_UNITS}
            value={(form.values.orgId as string | null) ?? null}
            onChange={(v) => form.set('orgId', v)}
            onBlur={() => form.touch('orgId')}
            error={form.errors.orgId}
            required
          />
          <DateField form={form} name="on" label={t.on} required />
          <TextField form={form} name="from" label={t.from} />
        </>
      )}
      onSubmit={(input) => run.mutateAsync(input)}
      onClose={onClose}
    />
  );
}

/** The changes of a member's standing, each a confirmation that says what happens and records it in the history. */
export function LifecycleModal({ action, ...props }: Props & { action: LifecycleAction }) {
  if (action === 'becomeFull') return <BecomeFullModal {...props} />;
  if (action === 'transferOut') return <TransferOutModal {...props} />;
  if (action === 'deceased') return <DeceasedModal {...props} />;
  return <ReadmitModal {...props} />;
}
