import { notifications } from '@mantine/notifications';
import { WorksStartInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField } from '../../components/fields';
import { fundApplications } from '../../i18n/fund-applications';
import type { Application } from './types';

const w = fundApplications.works;

/** 登记开工: when works began, so works begun before the vote or the plan's notice show as a warning. */
export function WorksModal({ a, onClose }: { a: Application; onClose: () => void }) {
  const record = useApiMutation('fund.recordWorksStart', { quiet: true });
  return (
    <ActionModal
      title={w.title}
      intro={w.intro}
      schema={WorksStartInput}
      initial={{ applicationId: a.id, worksStartedOn: a.worksStartedOn ?? today() }}
      confirmLabel={w.record}
      fields={(form) => <DateField form={form} name="worksStartedOn" label={w.date} required autoFocus />}
      onSubmit={(input) => record.mutateAsync(input).then(() => notifications.show({ color: 'green', message: w.saved }))}
      onClose={onClose}
    />
  );
}
