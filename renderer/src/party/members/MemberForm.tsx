import { SimpleGrid } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { genders, memberCategories, memberRoles, memberStatuses } from '../../../../main/api/party/labels';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { CheckField, DateField, options, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { reg } from '../../i18n/party-register';
import { SectionTitle } from '../../components/SectionTitle';
import { UnitSelect } from '../../components/UnitSelect';
import { MEMBER_UNITS } from '../useOrgTree';
import { IdNumberField, PhoneField } from '../../components/IdentityFields';
import {
  buildingOptions,
  initialValues,
  schemaFor,
  toTransferIn,
  unnestErrors,
  type MemberFormMode,
} from './memberFormModel';

const f = reg.form;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <SectionTitle title={title} mt="xs" />
      {children}
    </>
  );
}

/** One member form for 新增党员, 转入党员 and 编辑: the same fields, validated by the API's schema for each. */
export function MemberForm({ mode, onClose, onSaved }: {
  mode: MemberFormMode;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const form = useZodForm(schemaFor(mode), initialValues(mode));
  const create = useApiMutation('party.createMember');
  const transfer = useApiMutation('party.transferIn');
  const update = useApiMutation('party.updateMember');
  const places = useApiQuery('party.listPlaces', {});
  // The same first answer the field asks for: none at all means there is nowhere to put a member yet.
  const anyUnit = useApiQuery('party.searchOrgs', { q: '', levels: MEMBER_UNITS, limit: 50 });
  const buildings = useMemo(() => buildingOptions(places.data ?? []), [places.data]);
  const masked = mode.kind === 'edit' ? mode.member : undefined;
  const v = form.values;

  const save = form.submit(async (parsed) => {
    const input = parsed as never;
    const saved =
      mode.kind === 'create'
        ? await create.mutateAsync(input)
        : mode.kind === 'transfer'
          ? await transfer.mutateAsync(toTransferIn(input)).catch((err: unknown) => Promise.reject(unnestErrors(err)))
          : await update.mutateAsync(input);
    onSaved(saved.id);
    onClose();
  });

  const title = mode.kind === 'create' ? f.createTitle : mode.kind === 'transfer' ? f.transferTitle : f.editTitle(mode.member.name);
  const inService = v.category === 'in_service';

  return (
    <FormDrawer opened size={640} title={title} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}>
      {mode.kind === 'transfer' && (
        <Section title={f.transfer}>
          <SimpleGrid cols={2}>
            <DateField form={form} name="on" label={f.transferOn} required />
            <TextField form={form} name="from" label={f.transferFrom} placeholder={f.transferFromPlaceholder} autoFocus />
          </SimpleGrid>
        </Section>
      )}
      <Section title={f.basics}>
        <SimpleGrid cols={2}>
          <TextField form={form} name="name" label={f.name} required autoFocus={mode.kind !== 'transfer'} />
          <SelectField form={form} name="gender" label={f.gender} data={options(genders)} required />
        </SimpleGrid>
        <IdNumberField form={form} masked={masked?.idNumberMasked} />
        <SimpleGrid cols={2}>
          <DateField form={form} name="birthDate" label={f.birthDate} />
          <PhoneField form={form} masked={masked?.phoneMasked} />
          <TextField form={form} name="ethnicity" label={f.ethnicity} placeholder={f.ethnicityPlaceholder} />
          <TextField form={form} name="education" label={f.education} placeholder={f.educationPlaceholder} />
        </SimpleGrid>
      </Section>
      <Section title={f.party}>
        <SimpleGrid cols={2}>
          <DateField form={form} name="joinedOn" label={f.joinedOn} required />
          <SelectField form={form} name="status" label={f.status} data={options(memberStatuses)} required />
          <DateField form={form} name="fullOn" label={f.fullOn} description={v.status === 'probationary' ? f.fullOnProbationary : undefined} />
          <SelectField form={form} name="category" label={f.category} data={options(memberCategories)} required />
          <TextField form={form} name="workUnit" label={f.workUnit} description={f.workUnitHelp} required={inService} />
          {inService && <DateField form={form} name="reportedOn" label={f.reportedOn} />}
        </SimpleGrid>
      </Section>
      <Section title={f.placement}>
        <UnitSelect
          label={f.orgId}
          levels={MEMBER_UNITS}
          value={(v.orgId as string | null | undefined) ?? null}
          onChange={(id) => form.set('orgId', id)}
          onBlur={() => form.touch('orgId')}
          error={form.errors.orgId}
          description={anyUnit.data?.length === 0 ? f.noOrgs : undefined}
          required
        />
        <SimpleGrid cols={2}>
          <SelectField form={form} name="role" label={f.role} data={options(memberRoles)} placeholder={f.rolePlaceholder} clearable />
          <SelectField form={form} name="buildingId" label={f.buildingId} data={buildings} searchable clearable />
        </SimpleGrid>
        <TextField form={form} name="address" label={f.address} placeholder={f.addressPlaceholder} />
        <CheckField form={form} name="isCentreHousehold" label={f.centre} description={f.centreHelp} />
        <TextAreaField form={form} name="note" label={f.note} minRows={2} />
      </Section>
    </FormDrawer>
  );
}
