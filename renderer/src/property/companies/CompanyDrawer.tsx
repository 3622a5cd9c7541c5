import { Button, Center, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { partyOrgForms } from '../../../../main/api/property/labels';
import { CompanyInput } from '../../../../main/api/property/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { href } from '../../app/router';
import { NumberField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { SectionTitle } from '../../components/SectionTitle';
import { useZodForm } from '../../components/useZodForm';
import { prop } from '../../i18n/property';
import { confirmDelete } from '../../components/confirmDelete';
import type { ApiOutput } from '../../api/types';
import { CompanyCards } from './CompanyCards';
import { pc } from '../../i18n/property-cards';

const f = prop.company;
type Detail = ApiOutput<'property.getCompany'>;

const blank = { name: '', creditCode: '', contactPerson: '', contactPhone: '', address: '', partyOrgForm: null, partyMembers: null, note: '' };

/** A company's registration and, once saved, the estates it serves (its contracts, newest first) and its card record. */
export function CompanyDrawer({ companyId, onClose }: { companyId: string | null; onClose: () => void }) {
  const detail = useApiQuery('property.getCompany', { id: companyId ?? '' }, { enabled: !!companyId });
  if (companyId && !detail.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={520} title={f.editTitle}>
        <Center py="xl">{detail.isError ? <Text c="red">{detail.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  return <CompanyForm key={companyId ?? 'new'} detail={detail.data ?? null} onClose={onClose} />;
}

function CompanyForm({ detail, onClose }: { detail: Detail | null; onClose: () => void }) {
  const c = detail?.company;
  const initial = c
    ? { name: c.name, creditCode: c.creditCode, contactPerson: c.contactPerson ?? '', contactPhone: c.contactPhone ?? '', address: c.address ?? '',
        partyOrgForm: c.partyOrgForm, partyMembers: c.partyMembers, note: c.note ?? '' }
    : blank;
  const form = useZodForm(CompanyInput, initial);
  const create = useApiMutation('property.createCompany');
  const update = useApiMutation('property.updateCompany');
  const remove = useApiMutation('property.deleteCompany', { quiet: true });

  const save = form.submit(async (input) => {
    if (c) await update.mutateAsync({ ...input, id: c.id });
    else await create.mutateAsync(input);
    notifications.show({ color: 'green', message: f.saved });
    onClose();
  });

  const askDelete = () => {
    if (!c) return;
    if (detail.contracts.length > 0) return notifications.show({ color: 'orange', message: f.deleteBlocked, autoClose: 8000 });
    if (detail.cards.cards.length > 0) return notifications.show({ color: 'orange', message: pc.deleteBlocked, autoClose: 8000 });
    confirmDelete({ title: f.deleteTitle, body: f.deleteBody(c.name), confirm: f.delete, run: () => remove.mutateAsync({ id: c.id }), done: f.deleted, onDone: onClose });
  };

  return (
    <FormDrawer opened title={c ? `${f.editTitle} · ${c.name}` : f.newTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}
      extraActions={c && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{f.delete}</Button>}>
      <TextField form={form} name="name" label={f.name} required autoFocus maxLength={100} />
      <TextField form={form} name="creditCode" label={f.creditCode} description={f.creditCodeHelp} required />
      <Group grow align="flex-start">
        <TextField form={form} name="contactPerson" label={f.contactPerson} />
        <TextField form={form} name="contactPhone" label={f.contactPhone} />
      </Group>
      <TextField form={form} name="address" label={f.address} />
      <Group grow align="flex-start">
        <SelectField form={form} name="partyOrgForm" label={f.partyOrgForm} placeholder={f.partyOrgFormPlaceholder} data={options(partyOrgForms)} clearable />
        <NumberField form={form} name="partyMembers" label={f.partyMembers} min={0} />
      </Group>
      <TextAreaField form={form} name="note" label={f.note} minRows={2} />
      {detail && (
        <>
          <SectionTitle title={f.served} mt="xs" />
          {detail.contracts.length === 0 ? <Text size="sm" c="dimmed">{f.servedNone}</Text> : (
            <Stack gap={4}>
              {detail.contracts.map((k) => (
                <Group key={k.id} justify="space-between" wrap="nowrap">
                  <Text size="sm" component="a" href={href('/property/estates', { estate: k.estateId })} c="dark.6" td="underline">{k.estateName}</Text>
                  <Text size="xs" c="dimmed" className="num">{f.contractPeriod(k.startsOn, k.endsOn)}</Text>
                </Group>
              ))}
            </Stack>
          )}
          <CompanyCards companyId={detail.company.id} cards={detail.cards} />
        </>
      )}
    </FormDrawer>
  );
}
