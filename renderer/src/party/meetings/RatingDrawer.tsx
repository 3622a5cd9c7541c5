import { Divider, Group, Rating, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { todayIso } from '../../../../main/api/common/calendar';
import { RatingInput } from '../../../../main/api/party/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { DateField, TextAreaField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useOrg } from '../../components/UnitSelect';
import { useZodForm } from '../../components/useZodForm';
import { pm } from '../../i18n/party-meetings';
import { StarsField } from './StarsField';
import type { RatingRow } from './types';

const r = pm.ratings;

/**
 * Rate a branch for a year (again, if need be: the newer rating replaces it), with its earlier ratings below. It
 * reads the branch (its label) and its ratings itself, so it opens from any page of the list or a reloaded address.
 */
export function RatingDrawer({ orgId, year, onClose }: { orgId: string; year: number; onClose: () => void }) {
  const { org } = useOrg(orgId);
  const history = useApiQuery('party.listRatings', { orgId });
  if (!org || !history.data) return null;
  return <RatingForm orgId={orgId} orgName={org.label} year={year} history={history.data} onClose={onClose} />;
}

function RatingForm({ orgId, orgName, year, history, onClose }: {
  orgId: string;
  orgName: string;
  year: number;
  history: RatingRow[];
  onClose: () => void;
}) {
  const current = history.find((h) => h.year === year);
  const form = useZodForm(RatingInput, {
    orgId,
    year,
    // No stars until the clerk picks some, so that the schema's "请选择星级" shows rather than a silent default.
    stars: current?.stars ?? (null as unknown as number),
    reasons: current?.reasons ?? '',
    ratedOn: current?.ratedOn ?? todayIso(),
  });
  const rate = useApiMutation('party.rateBranch');
  const save = form.submit(async (input) => {
    await rate.mutateAsync(input);
    notifications.show({ color: 'green', message: r.saved });
    onClose();
  });

  return (
    <FormDrawer opened title={r.drawerTitle(orgName, year)} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={() => void save()}>
      <StarsField form={form} name="stars" label={r.stars} required />
      <TextAreaField form={form} name="reasons" label={r.reasons} required placeholder={r.reasonsPlaceholder} minRows={4} />
      <DateField form={form} name="ratedOn" label={r.ratedOn} required />
      <Divider label={r.history} labelPosition="left" mt="sm" />
      {history.length === 0 && <Text size="sm" c="dimmed">{r.noHistory}</Text>}
      <Stack gap="xs">
        {history.map((h) => (
          <Stack key={h.id} gap={2}>
            <Group gap="xs">
              <Text size="sm" fw={600}>{h.year}</Text>
              <Rating value={h.stars} readOnly size="sm" />
              <Text size="xs" c="dimmed">{h.ratedOn} · {h.operator}</Text>
            </Group>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{h.reasons}</Text>
          </Stack>
        ))}
      </Stack>
    </FormDrawer>
  );
}
