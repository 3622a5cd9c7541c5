import { Group } from '@mantine/core';
import { ProblemWallInput } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField, SelectField } from '../../components/fields';
import { pdfModalActions } from '../../components/PdfButtons';
import { rq } from '../../i18n/requests';
import { usePlaceOptions } from '../usePlaceOptions';

const w = rq.wall;

/** 问题墙/回音壁: the period (this month so far by default) and the community; the core prints without any reporter. */
export function WallModal({ onClose }: { onClose: () => void }) {
  const places = usePlaceOptions();
  const print = useApiMutation('requests.printProblemWall', { quiet: true });
  const day = today();
  const community = places.communities.length === 1 ? places.communities[0]!.value : null;
  return (
    <ActionModal title={w.title} intro={w.intro} schema={ProblemWallInput} initial={{ communityId: community, from: `${day.slice(0, 8)}01`, to: day }} confirmLabel={w.confirm}
      fields={(form) => (
        <>
          <SelectField form={form} name="communityId" label={w.community} placeholder={w.communityPlaceholder} data={places.communities} clearable />
          <Group grow gap="xs">
            <DateField form={form} name="from" label={w.from} required autoFocus />
            <DateField form={form} name="to" label={w.to} required />
          </Group>
        </>
      )}
      {...pdfModalActions(print.mutateAsync, w.done)}
      onClose={onClose} />
  );
}
