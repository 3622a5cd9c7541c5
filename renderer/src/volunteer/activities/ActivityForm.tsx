import { SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ActivityInput } from '../../../../main/api/volunteer/schemas';
import { todayIso } from '../../../../main/api/common/calendar';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { DateField, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { va } from '../../i18n/volunteer-activities';
import { UnitSelect } from '../../components/UnitSelect';
import type { ActivityDetail } from '../types';

const f = va.form;

/** Plans an activity or edits one not yet credited: what, when, where, who organises (and so records), how many. */
export function ActivityForm({ activity, onClose, onSaved }: { activity: ActivityDetail | null; onClose: () => void; onSaved: (id: string) => void }) {
  const posts = useApiQuery('volunteer.listPosts', {});
  const form = useZodForm(ActivityInput, {
    title: activity?.title ?? '',
    postId: activity?.postId ?? null,
    onDate: activity?.onDate ?? todayIso(),
    startTime: activity?.startTime ?? '',
    endTime: activity?.endTime ?? '',
    place: activity?.place ?? '',
    organiserOrgId: activity?.organiserOrgId ?? '',
    capacity: activity?.capacity ?? null,
    description: activity?.description ?? '',
  });
  const create = useApiMutation('volunteer.createActivity');
  const update = useApiMutation('volunteer.updateActivity');
  const save = form.submit(async (parsed) => {
    const saved = activity ? await update.mutateAsync({ id: activity.id, activity: parsed }) : await create.mutateAsync(parsed);
    notifications.show({ color: 'green', message: f.saved });
    onSaved(saved.id);
    onClose();
  });
  const postOptions = (posts.data ?? []).map((p) => ({ value: p.id, label: p.orgName ? `${p.name}（${p.orgName}）` : p.name }));

  return (
    <FormDrawer opened title={activity ? f.editTitle : f.createTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}>
      <TextField form={form} name="title" label={f.title} required autoFocus />
      <SelectField form={form} name="postId" label={f.post} data={postOptions} clearable searchable />
      <SimpleGrid cols={3}>
        <DateField form={form} name="onDate" label={f.onDate} required />
        <TextField form={form} name="startTime" label={f.startTime} placeholder={f.timePlaceholder} />
        <TextField form={form} name="endTime" label={f.endTime} placeholder={f.timePlaceholder} />
      </SimpleGrid>
      <TextField form={form} name="place" label={f.place} />
      <UnitSelect
        label={f.organiser}
        description={f.organiserHint}
        required
        levels={['street_committee', 'community_committee', 'branch', 'group']}
        value={(form.values.organiserOrgId as string | null) || null}
        onChange={(v) => form.set('organiserOrgId', v ?? '')}
        onBlur={() => form.touch('organiserOrgId')}
        error={form.errors.organiserOrgId}
      />
      <NumberField form={form} name="capacity" label={f.capacity} min={1} />
      <TextAreaField form={form} name="description" label={f.description} minRows={3} />
    </FormDrawer>
  );
}
