import { Alert, Button, Center, Drawer, Group, List, Loader, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { TemplateInput } from '../../../../main/api/property/assessment-schemas';
import { templateProblems } from '../../../../main/api/property/scoring';
import { STARTER_TEMPLATE } from '../../../../main/api/property/starter-template';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PdfButtons } from '../../components/PdfButtons';
import { TextAreaField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { pa } from '../../i18n/property-assessments';
import { zh } from '../../i18n/zh-CN';
import { confirmDelete } from '../../components/confirmDelete';
import type { TemplateDetail } from '../types';
import { CategoriesEditor, type CategoryDraft } from './CategoriesEditor';
import { DecimalInput } from './DecimalInput';

const t = pa.template;
const SIZE = 1040;

/** A template version: a draft is edited, checked live and published; a published one is read and printed. */
export function TemplateDrawer({ templateId, onClose, onOpen }: { templateId: string | null; onClose: () => void; onOpen: (id: string) => void }) {
  const detail = useApiQuery('property.getTemplate', { id: templateId ?? '' }, { enabled: !!templateId });
  if (templateId && !detail.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={SIZE} title={t.newTitle}>
        <Center py="xl">{detail.isError ? <Text c="red">{detail.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  return <TemplateForm key={`${templateId ?? 'new'}-${detail.data?.template.updatedAt ?? ''}`} detail={detail.data ?? null} onClose={onClose} onOpen={onOpen} />;
}

const fromDetail = (d: TemplateDetail) => ({
  name: d.template.name,
  totalTenths: d.template.totalTenths,
  note: d.template.note ?? '',
  categories: d.categories.map((c) => ({ name: c.name, pointsTenths: c.pointsTenths, items: c.items.map(({ id: _i, categoryId: _c, seq: _s, ...item }) => item) })),
});

function TemplateForm({ detail, onClose, onOpen }: { detail: TemplateDetail | null; onClose: () => void; onOpen: (id: string) => void }) {
  const tpl = detail?.template;
  const readOnly = tpl?.status === 'published';
  const form = useZodForm(TemplateInput, detail ? fromDetail(detail) : { name: '', totalTenths: 1000, note: '', categories: [] as CategoryDraft[] });
  const create = useApiMutation('property.createTemplate');
  const update = useApiMutation('property.updateTemplate');
  const publish = useApiMutation('property.publishTemplate');
  const nextVersion = useApiMutation('property.newTemplateVersion');
  const remove = useApiMutation('property.deleteTemplate', { quiet: true });
  const print = useApiMutation('property.printBlankSheet');

  const categories = (form.values.categories ?? []) as CategoryDraft[];
  const problems = templateProblems({
    totalTenths: form.values.totalTenths ?? 0,
    categories: categories.map((c) => ({ name: c.name, pointsTenths: c.pointsTenths ?? 0, items: c.items.map((i) => ({ method: i.method, pointsTenths: i.method === 'veto' ? 0 : (i.pointsTenths ?? 0) })) })),
  });

  const save = form.submit(async (input) => {
    const saved = tpl ? await update.mutateAsync({ id: tpl.id, template: input }) : await create.mutateAsync(input);
    notifications.show({ color: 'green', message: t.saved });
    if (!tpl) onOpen(saved.template.id);
  });
  const askPublish = () => {
    if (!tpl) return;
    if (form.dirty) return notifications.show({ color: 'yellow', message: t.publishSaveFirst });
    modals.openConfirmModal({
      title: t.publishTitle,
      children: <Text size="sm">{t.publishBody}</Text>,
      labels: { confirm: t.publish, cancel: zh.common.cancel },
      onConfirm: () => void publish.mutateAsync({ id: tpl.id }).then(() => notifications.show({ color: 'green', message: t.published })),
    });
  };

  const body = (
    <>
      {readOnly && <Alert variant="light" color="gray">{t.readOnly}</Alert>}
      <Group grow align="flex-start">
        <TextField form={form} name="name" label={t.name} required disabled={readOnly} autoFocus={!readOnly} />
        <DecimalInput label={t.total} required value={form.values.totalTenths} error={form.errors.totalTenths} disabled={readOnly} maw={140}
          onChange={(v) => form.set('totalTenths', v ?? 0)} />
      </Group>
      <TextAreaField form={form} name="note" label={t.note} minRows={1} disabled={readOnly} />
      {!tpl && (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => form.reset({ ...STARTER_TEMPLATE, note: STARTER_TEMPLATE.note ?? '' })}>{t.starter}</Button>
          <Text size="xs" c="dimmed" style={{ flex: 1 }}>{t.starterHint}</Text>
        </Group>
      )}
      {!readOnly && <TotalsCheck problems={problems} />}
      <CategoriesEditor value={categories} onChange={(v) => form.set('categories', v)} errors={form.errors} readOnly={readOnly} />
    </>
  );

  if (readOnly && tpl) {
    return (
      <Drawer opened onClose={onClose} position="right" size={SIZE} title={<Text fw={600} size="lg">{t.publishedTitle(tpl.name, tpl.version)}</Text>}
        closeButtonProps={{ 'aria-label': zh.common.close }}>
        <Stack gap="sm">
          {body}
          <Group justify="flex-end" gap="xs" mt="md">
            <PdfButtons make={() => print.mutateAsync({ id: tpl.id })} printLabel={t.print} />
            <Button onClick={() => nextVersion.mutate({ id: tpl.id }, { onSuccess: (d) => (notifications.show({ message: t.newVersionDone }), onOpen(d.template.id)) })}>
              {t.newVersion}
            </Button>
          </Group>
        </Stack>
      </Drawer>
    );
  }

  const askDelete = () =>
    tpl && confirmDelete({ title: t.deleteTitle, body: t.deleteBody(tpl.name), confirm: t.delete, run: () => remove.mutateAsync({ id: tpl.id }), done: t.deleted, onDone: onClose });
  return (
    <FormDrawer opened size={SIZE} title={tpl ? t.draftTitle(tpl.name, tpl.version) : t.newTitle} dirty={form.dirty} submitting={form.submitting}
      onClose={onClose} onSave={save} saveLabel={t.save}
      extraActions={tpl && (
        <>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{t.delete}</Button>
          <PdfButtons make={() => print.mutateAsync({ id: tpl.id })} printLabel={t.print} />
          <Button variant="light" disabled={problems.length > 0} onClick={askPublish}>{t.publish}</Button>
        </>
      )}>
      {body}
    </FormDrawer>
  );
}

/** The sums as the clerk types: balanced, or every gap named (the 130-point sheet says 多 30 分). */
function TotalsCheck({ problems }: { problems: { path: string; message: string }[] }) {
  if (problems.length === 0) return <Alert variant="light" color="green" data-testid="totals-check">{t.balanced}</Alert>;
  return (
    <Alert variant="light" color="orange" title={t.unbalanced} data-testid="totals-check">
      <List size="sm" spacing={2}>
        {problems.map((p) => <List.Item key={`${p.path}-${p.message}`}>{p.message}</List.Item>)}
      </List>
    </Alert>
  );
}
