import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AssessmentInput } from '../../../../main/api/property/assessment-schemas';
import { periodText } from '../../../../main/api/property/scoring';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import type { ZodForm } from '../../components/useZodForm';
import { pa } from '../../i18n/property-assessments';
import { EstateSelect, useEstateOptions } from '../common/EstateSelect';

const c = pa.create;

/** A new assessment of the period: the estate, the company serving it (filled in from its contract), the sheet. */
export function CreateAssessmentModal({ period, onClose, onCreated }: { period: string; onClose: () => void; onCreated: (id: string) => void }) {
  const create = useApiMutation('property.createAssessment');
  const templates = useApiQuery('property.listTemplates', {});
  const published = (templates.data ?? []).filter((t) => t.status === 'published');
  return (
    <ActionModal
      title={`${c.title} · ${periodText(period)}`}
      intro={c.intro}
      schema={AssessmentInput}
      initial={{ period, estateId: '', companyId: '', templateId: published[0]?.id ?? '' }}
      confirmLabel={c.confirm}
      fields={(form) => <Fields form={form} templates={published.map((t) => ({ value: t.id, label: `${t.name} · ${pa.templates.version(t.version)}` }))} />}
      onSubmit={async (input) => {
        const d = await create.mutateAsync(input);
        notifications.show({ color: 'green', message: c.created });
        onCreated(d.assessment.id);
      }}
      onClose={onClose}
    />
  );
}

function Fields({ form, templates }: { form: ZodForm; templates: { value: string; label: string }[] }) {
  const { byId } = useEstateOptions();
  const companies = useApiQuery('property.listCompanies', { limit: 500 });
  const pickEstate = (id: string | null) => {
    form.set('estateId', id ?? '');
    const serving = id ? byId.get(id)?.companyId : null;
    if (serving) form.set('companyId', serving);
  };
  return (
    <>
      <EstateSelect label={c.estate} required autoFocus value={(form.values.estateId as string) || null} onChange={pickEstate}
        error={form.errors.estateId} onBlur={() => form.touch('estateId')} />
      <Select label={c.company} description={c.companyHint} required searchable data={(companies.data?.rows ?? []).map((k) => ({ value: k.id, label: k.name }))}
        value={(form.values.companyId as string) || null} onChange={(v) => form.set('companyId', v ?? '')} error={form.errors.companyId}
        onBlur={() => form.touch('companyId')} comboboxProps={{ withinPortal: true }} />
      <Select label={c.template} required data={templates} value={(form.values.templateId as string) || null} allowDeselect={false}
        onChange={(v) => form.set('templateId', v ?? '')} error={form.errors.templateId} comboboxProps={{ withinPortal: true }} />
    </>
  );
}
