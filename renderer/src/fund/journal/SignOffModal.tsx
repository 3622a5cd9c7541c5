import { formatFen } from '../../../../main/api/common/money';
import { sides } from '../../../../main/api/fund/labels';
import { SignOff } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { fund } from '../../i18n/fund';
import { InPersonModal } from '../common/InPersonModal';
import type { Entry, Signatory } from '../types';

const s = fund.signOff;

/** One side's sign-off of an expense draft, given in person (common/InPersonModal). */
export function SignOffModal({ entry, side, signers, onClose }: { entry: Entry; side: keyof typeof sides; signers: Signatory[]; onClose: () => void }) {
  const sign = useApiMutation('fund.signOff', { quiet: true });
  return (
    <InPersonModal
      title={s.title(sides[side])}
      intro={s.intro(formatFen(entry.amount), entry.purpose)}
      side={side}
      signers={signers}
      schema={SignOff}
      initial={{ entryId: entry.id }}
      confirmLabel={s.confirm}
      onSign={(input) => sign.mutateAsync(input)}
      done={s.done}
      onClose={onClose}
    />
  );
}
