import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { wishKinds } from '../../../../main/api/requests/labels';
import { WishInput, WishUpdate } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { rq } from '../../i18n/requests';
import type { WishView } from '../types';
import { PlacePicker } from '../PlacePicker';
import { usePlaceOptions } from '../usePlaceOptions';

const f = rq.wish;
type Values = z.input<typeof WishInput>;

/**
 * 发布 a wish or a need, or correct one still waiting to be claimed. A correction sees the resident only masked (赵**):
 * name and phone start blank and, left blank, the core keeps what is stored (requests.updateWish).
 */
export function WishDrawer({ wish, onClose }: { wish: WishView | null; onClose: () => void }) {
  const places = usePlaceOptions();
  const form = useZodForm<typeof WishInput | typeof WishUpdate>(wish ? WishUpdate : WishInput, (wish
    ? { id: wish.id, kind: wish.kind, placeId: wish.placeId, title: wish.title, detail: wish.detail ?? '', wisherName: '', wisherPhone: '', publishedOn: wish.publishedOn }
    : { kind: 'wish', placeId: '', title: '', detail: '', wisherName: '', wisherPhone: '', publishedOn: today() }) as Values);
  const create = useApiMutation('requests.createWish');
  const update = useApiMutation('requests.updateWish');
  const keep = (masked: string | null) => (wish && masked ? f.keep(masked) : undefined);
  const save = form.submit(async (input) => {
    await (wish ? update.mutateAsync({ ...input, id: wish.id }) : create.mutateAsync(input));
    notifications.show({ color: 'green', message: f.saved });
    onClose();
  });
  return (
    <FormDrawer opened title={wish ? f.editTitle : f.newTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}>
      <TextField form={form} name="title" label={f.title} placeholder={f.titlePlaceholder} required autoFocus />
      <SelectField form={form} name="kind" label={f.kind} description={f.kindHint} data={options(wishKinds)} required />
      <PlacePicker label={f.place} description={f.placeHint} options={places.all} value={(form.values.placeId as string) || null}
        error={form.errors.placeId} onChange={(v) => form.set('placeId', v ?? '')} onBlur={() => form.touch('placeId')} nothingFound={rq.report.noPlace} />
      {form.values.kind === 'wish' && (
        <>
          <TextField form={form} name="wisherName" label={f.wisherName} required={!wish} placeholder={keep(wish?.wisherName ?? null)} />
          <TextField form={form} name="wisherPhone" label={f.wisherPhone} placeholder={keep(wish?.wisherPhone ?? null)} />
        </>
      )}
      <TextAreaField form={form} name="detail" label={f.detail} minRows={2} />
      <DateField form={form} name="publishedOn" label={f.publishedOn} required />
    </FormDrawer>
  );
}
