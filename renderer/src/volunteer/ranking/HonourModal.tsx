import { notifications } from '@mantine/notifications';
import { todayIso } from '../../../../main/api/common/calendar';
import { honourTitles, periodLabel } from '../../../../main/api/volunteer/labels';
import { HonourInput } from '../../../../main/api/volunteer/schemas';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { DateField, options, SelectField, TextAreaField } from '../../components/fields';
import { vp } from '../../i18n/volunteer-points';
import { UnitSelect, type OrgLevel } from '../../components/UnitSelect';
import { ActionModal } from '../../components/ActionModal';
import type { RankRow } from '../types';

const h = vp.honour;
const HONOUR_UNITS: OrgLevel[] = ['street_committee', 'community_committee', 'branch'];

/** Records an honour chosen from the ranking, for the period on screen; 党员先锋 is offered to members only. */
export function HonourModal({ row, year, quarter, orgId, onClose }: { row: RankRow; year: number; quarter: number; orgId: string | null; onClose: () => void }) {
  const award = useApiMutation('volunteer.awardHonour', { quiet: true });
  // The field's own first answer: its first unit (the street, in tree order) is the default when none is in scope.
  const first = useApiQuery('party.searchOrgs', { q: '', levels: HONOUR_UNITS, limit: 50 });
  const titles = options(honourTitles).filter((t) => row.kind === 'member' || t.value !== 'vanguard');
  const period = periodLabel(year, quarter || null);
  if (!orgId && first.isPending) return null;
  return (
    <ActionModal
      title={h.title(row.name)}
      intro={h.intro(tenthsText(row.earned), period)}
      schema={HonourInput}
      initial={{ volunteerId: row.volunteerId, title: row.kind === 'member' ? 'vanguard' : 'star', year, quarter: quarter || null, orgId: orgId ?? first.data?.[0]?.id ?? '', awardedOn: todayIso(), note: '' }}
      confirmLabel={h.confirm}
      fields={(form) => (
        <>
          <SelectField form={form} name="title" label={h.honour} data={titles} required />
          <UnitSelect label={h.unit} levels={HONOUR_UNITS} value={(form.values.orgId as string) || null} onChange={(v) => form.set('orgId', v ?? '')} error={form.errors.orgId} required />
          <DateField form={form} name="awardedOn" label={h.awardedOn} required />
          <TextAreaField form={form} name="note" label={h.note} minRows={2} />
        </>
      )}
      onSubmit={(parsed) => award.mutateAsync(parsed).then((r) => notifications.show({ color: 'green', message: `${r.name}：${periodLabel(r.year, r.quarter)}${honourTitles[r.title]}` }))}
      onClose={onClose}
    />
  );
}
