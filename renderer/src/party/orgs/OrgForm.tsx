import { useMemo } from 'react';
import type { z } from 'zod';
import { childLevel, orgKinds, orgLevels, placeKinds } from '../../../../main/api/party/labels';
import { OrgInput, OrgUpdate } from '../../../../main/api/party/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { reg } from '../../i18n/party-register';
import { Facts } from '../../components/Facts';
import type { OrgLevel, OrgRow, PlaceKind, PlaceRow } from '../types';

/** The kind of place a unit of each level is tied to (the handler checks the same). */
const placeKindOf: Record<OrgLevel, PlaceKind | null> = {
  street_committee: null,
  community_committee: 'community',
  branch: 'estate',
  group: 'building',
};

export type OrgFormMode = { parent: OrgRow } | { org: OrgRow };

function placeOptions(places: PlaceRow[], kind: PlaceKind) {
  const names = new Map(places.map((p) => [p.id, p.name]));
  return places
    .filter((p) => p.kind === kind)
    .map((p) => ({ value: p.id, label: p.parentId ? reg.tree.withParent(p.name, names.get(p.parentId) ?? '') : p.name }));
}

/** New unit under a parent (its level follows from the parent's), or an edit of an existing one. */
export function OrgForm({ mode, onClose }: { mode: OrgFormMode; onClose: () => void }) {
  const creating = 'parent' in mode;
  const level: OrgLevel = creating ? childLevel[mode.parent.level]! : mode.org.level;
  const initial = creating
    ? { parentId: mode.parent.id, level, kind: orgKinds[level][0], name: '', placeId: null, establishedOn: '' }
    : { id: mode.org.id, kind: mode.org.kind, name: mode.org.name, placeId: mode.org.placeId, establishedOn: mode.org.establishedOn ?? '' };
  const form = useZodForm<z.ZodType>(creating ? OrgInput : OrgUpdate, initial);
  const create = useApiMutation('party.createOrg');
  const update = useApiMutation('party.updateOrg');
  const places = useApiQuery('party.listPlaces', {});
  const placeKind = placeKindOf[level];
  const placeData = useMemo(() => (placeKind ? placeOptions(places.data ?? [], placeKind) : []), [places.data, placeKind]);

  const save = form.submit(async (parsed) => {
    if (creating) await create.mutateAsync(parsed as z.input<typeof OrgInput>);
    else await update.mutateAsync(parsed as z.input<typeof OrgUpdate>);
    onClose();
  });

  return (
    <FormDrawer
      opened
      title={creating ? reg.orgForm.createTitle(orgLevels[level]) : reg.orgForm.editTitle(mode.org.name)}
      dirty={form.dirty}
      submitting={form.submitting}
      onClose={onClose}
      onSave={save}
    >
      <Facts
        items={[
          ...(creating ? [[reg.orgForm.parent, mode.parent.name] as [string, string]] : []),
          [reg.orgForm.level, orgLevels[level]],
        ]}
      />
      <SelectField form={form} name="kind" label={reg.orgForm.kind} data={[...orgKinds[level]]} required />
      <TextField form={form} name="name" label={reg.orgForm.name} placeholder={reg.orgForm.namePlaceholder[level]} required autoFocus />
      {placeKind && (
        <SelectField
          form={form}
          name="placeId"
          label={reg.orgForm.place}
          data={placeData}
          clearable
          searchable
          description={placeData.length ? reg.orgForm.placeHelp(placeKinds[placeKind]) : reg.orgForm.noPlaces(placeKinds[placeKind])}
        />
      )}
      <DateField form={form} name="establishedOn" label={reg.orgForm.establishedOn} />
    </FormDrawer>
  );
}
