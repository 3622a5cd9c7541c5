import type { z } from 'zod';
import { placeKinds } from '../../../../main/api/party/labels';
import { PlaceInput, PlaceUpdate } from '../../../../main/api/party/schemas';
import { useApiMutation } from '../../api/queries';
import { NumberField, TextAreaField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { reg } from '../../i18n/party-register';
import type { PlaceKind, PlaceRow } from '../types';

export type PlaceFormMode = { kind: PlaceKind; parent: PlaceRow | null } | { place: PlaceRow };

/** A new community, estate or building (under its parent), or an edit of one. */
export function PlaceForm({ mode, onClose, onSaved }: { mode: PlaceFormMode; onClose: () => void; onSaved?: (id: string) => void }) {
  const creating = 'kind' in mode;
  const kind = creating ? mode.kind : mode.place.kind;
  const fields = { name: '', code: '', unitCount: null, households: null, note: '' };
  const initial = creating
    ? { kind, parentId: mode.parent?.id ?? null, ...fields }
    : { id: mode.place.id, name: mode.place.name, code: mode.place.code ?? '', unitCount: mode.place.unitCount, households: mode.place.households, note: mode.place.note ?? '' };
  const form = useZodForm<z.ZodType>(creating ? PlaceInput : PlaceUpdate, initial);
  const create = useApiMutation('party.createPlace');
  const update = useApiMutation('party.updatePlace');

  const save = form.submit(async (parsed) => {
    const row = creating
      ? await create.mutateAsync(parsed as z.input<typeof PlaceInput>)
      : await update.mutateAsync(parsed as z.input<typeof PlaceUpdate>);
    onSaved?.(row.id);
    onClose();
  });

  return (
    <FormDrawer
      opened
      size={440}
      title={creating ? reg.placeForm.createTitle(placeKinds[kind], mode.parent?.name ?? null) : reg.placeForm.editTitle(mode.place.name)}
      dirty={form.dirty}
      submitting={form.submitting}
      onClose={onClose}
      onSave={save}
    >
      <TextField form={form} name="name" label={reg.placeForm.name} placeholder={reg.placeForm.namePlaceholder[kind]} required autoFocus />
      <TextField form={form} name="code" label={reg.placeForm.code} description={reg.placeForm.codeHelp} />
      {kind === 'building' && <NumberField form={form} name="unitCount" label={reg.placeForm.unitCount} min={1} max={99} />}
      <NumberField form={form} name="households" label={reg.placeForm.households} min={0} />
      <TextAreaField form={form} name="note" label={reg.placeForm.note} minRows={2} />
    </FormDrawer>
  );
}
