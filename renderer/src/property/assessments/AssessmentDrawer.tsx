import { Badge, Button, Center, Drawer, Group, Loader, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { SheetInput } from '../../../../main/api/property/assessment-schemas';
import { assessorBodies, scoringMethods } from '../../../../main/api/property/labels';
import { entryProblem, itemScore, periodText, type AssessorBody } from '../../../../main/api/property/scoring';
import { today } from '../../app/clock';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { PdfButtons } from '../../components/PdfButtons';
import { DateField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { pa } from '../../i18n/property-assessments';
import { zh } from '../../i18n/zh-CN';
import { confirmDelete } from '../../components/confirmDelete';
import type { AssessmentDetail, TemplateItemRow } from '../types';
import { ScoreEntry, type EntryDraft } from './ScoreEntry';

const s = pa.sheet;
const SIZE = 1040;
const BODIES = Object.keys(assessorBodies) as AssessorBody[];

/** An assessment: one body's sheet at a time, typed from the keyboard, with the weighted result above. */
export function AssessmentDrawer({ assessmentId, onClose }: { assessmentId: string; onClose: () => void }) {
  const detail = useApiQuery('property.getAssessment', { id: assessmentId });
  const [body, setBody] = useState<AssessorBody | null>(null);
  if (!detail.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={SIZE} title={s.title('', '')}>
        <Center py="xl">{detail.isError ? <Text c="red">{detail.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  const d = detail.data;
  // Open on the first body that has not scored yet (the street's, on a new assessment).
  const shown = body ?? BODIES.find((b) => !d.sheets.some((x) => x.body === b)) ?? 'street';
  const sheet = d.sheets.find((x) => x.body === shown);
  return <SheetForm key={`${shown}-${sheet?.updatedAt ?? 'new'}`} detail={d} body={shown} onBody={setBody} onClose={onClose} />;
}

/** A band item's rate as the estate's 收费 or 满意度 register has it for the period (a new sheet starts from it). */
function registerRate(detail: AssessmentDetail, item: TemplateItemRow): number | null {
  if (item.method !== 'band' || (item.rateKind !== 'collection' && item.rateKind !== 'satisfaction')) return null;
  return detail.registerRates[item.rateKind];
}

/** An item's score as typed so far: nothing until a binary item or a rate is answered, the veto as a badge. */
function scoreCell(item: TemplateItemRow, e: EntryDraft) {
  if (item.method === 'veto') return e.vetoed ? <Badge size="xs" color="dark">{pa.assessments.vetoed}</Badge> : '';
  if (entryProblem(item, e)) return '—';
  return pa.points(itemScore(item, e));
}

function SheetForm({ detail, body, onBody, onClose }: { detail: AssessmentDetail; body: AssessorBody; onBody: (b: AssessorBody) => void; onClose: () => void }) {
  const a = detail.assessment;
  const items = detail.template.categories.flatMap((c) => c.items);
  const sheet = detail.sheets.find((x) => x.body === body);
  const entries: EntryDraft[] = items.map((item) => {
    const saved = sheet?.scores.find((x) => x.itemId === item.id);
    return saved
      ? { itemId: item.id, met: saved.met, findings: saved.findings, ratePermille: saved.ratePermille, vetoed: saved.vetoed, vetoNote: saved.vetoNote }
      : { itemId: item.id, met: null, findings: [], ratePermille: registerRate(detail, item), vetoed: false, vetoNote: null };
  });
  const form = useZodForm(SheetInput, { assessmentId: a.id, body, assessor: sheet?.assessor ?? '', scoredOn: sheet?.scoredOn ?? today(), entries });
  const save = useApiMutation('property.saveAssessmentSheet');
  const removeSheet = useApiMutation('property.deleteAssessmentSheet', { quiet: true });
  const removeAssessment = useApiMutation('property.deleteAssessment', { quiet: true });
  const print = useApiMutation('property.printBlankSheet');

  const values = form.values.entries as EntryDraft[];
  const setEntry = (i: number, patch: Partial<EntryDraft>) => form.set('entries', values.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const total = items.reduce((sum, item, i) => sum + itemScore(item, values[i]!), 0);
  const vetoed = values.some((e) => e.vetoed);

  const submit = form.submit(async (input) => {
    await save.mutateAsync(input);
    // Stay on this body's sheet: without a choice the drawer would move on to the first unscored one.
    onBody(body);
    notifications.show({ color: 'green', message: s.saved });
  });
  const switchBody = (b: AssessorBody) => {
    if (!form.dirty) return onBody(b);
    modals.openConfirmModal({
      title: zh.common.unsavedTitle, children: <Text size="sm">{zh.common.unsavedBody}</Text>,
      labels: { confirm: zh.common.discard, cancel: zh.common.keepEditing }, confirmProps: { color: 'red' }, onConfirm: () => onBody(b),
    });
  };
  const deleteSheet = () => sheet && confirmDelete({
    title: s.deleteTitle, body: s.deleteBody(assessorBodies[body]), confirm: s.deleteSheet,
    run: () => removeSheet.mutateAsync({ assessmentId: a.id, body }), done: s.deleted,
  });
  const deleteAssessment = () => confirmDelete({
    title: s.deleteAssessmentTitle, body: s.deleteAssessmentBody(a.estateName), confirm: s.deleteAssessment,
    run: () => removeAssessment.mutateAsync({ id: a.id }), done: s.deletedAssessment, onDone: onClose,
  });
  let seq = 0;

  return (
    <FormDrawer opened size={SIZE} title={s.title(a.estateName, periodText(a.period))} dirty={form.dirty} submitting={form.submitting}
      onClose={onClose} onSave={submit} saveLabel={s.save}
      extraActions={
        <>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={sheet ? deleteSheet : deleteAssessment}>
            {sheet ? s.deleteSheet : s.deleteAssessment}
          </Button>
          <PdfButtons make={() => print.mutateAsync({ id: a.templateId })} printLabel={s.printBlank} />
        </>
      }>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">{`${a.communityName} · ${a.companyName} · ${s.template(a.templateName, a.templateVersion)}`}</Text>
        <Group gap="xs">
          {detail.vetoed && <Badge color="dark">{pa.assessments.vetoed}</Badge>}
          <Text fw={600} data-testid="combined-score">{detail.scoreTenths === null ? s.combinedNone : s.combined(pa.points(detail.scoreTenths))}</Text>
        </Group>
      </Group>
      <SegmentedControl size="xs" value={body} onChange={(b) => switchBody(b as AssessorBody)} aria-label={s.body}
        data={BODIES.map((b) => {
          const done = detail.sheets.find((x) => x.body === b);
          return { value: b, label: `${assessorBodies[b]}${done ? ` ✓ ${pa.points(done.totalTenths)}` : ''} · ${s.weight(detail.weights[b])}` };
        })} />
      <Group grow align="flex-start">
        <TextInput label={s.assessor} value={(form.values.assessor as string) ?? ''} maxLength={60} autoFocus
          onChange={(e) => form.set('assessor', e.currentTarget.value)} error={form.errors.assessor} />
        <DateField form={form} name="scoredOn" label={s.scoredOn} required />
      </Group>
      <Text size="xs" c="dimmed">{s.hint}</Text>
      <Table withTableBorder verticalSpacing={4} aria-label={s.body}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>{s.columns.seq}</Table.Th>
            <Table.Th>{s.columns.content}</Table.Th>
            <Table.Th w={100}>{s.columns.method}</Table.Th>
            <Table.Th w={64} ta="right">{s.columns.standard}</Table.Th>
            <Table.Th w={300}>{s.columns.entry}</Table.Th>
            <Table.Th w={64} ta="right">{s.columns.score}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.template.categories.map((c) => [
            <Table.Tr key={c.id} bg="var(--mantine-color-gray-0)">
              <Table.Td colSpan={6}><Text size="sm" fw={600}>{`${c.name}（${pa.points(c.pointsTenths)}）`}</Text></Table.Td>
            </Table.Tr>,
            ...c.items.map((item) => {
              const i = seq++;
              const e = values[i]!;
              const err = form.errors[`entries.${i}.met`] ?? form.errors[`entries.${i}.ratePermille`] ?? form.errors[`entries.${i}.vetoNote`];
              return (
                <Table.Tr key={item.id} data-testid="score-row">
                  <Table.Td>{item.seq}</Table.Td>
                  <Table.Td><Text size="sm">{item.content}</Text></Table.Td>
                  <Table.Td><Text size="xs" c="dimmed">{scoringMethods[item.method]}</Text></Table.Td>
                  <Table.Td ta="right" className="num">{item.method === 'veto' ? '—' : pa.points(item.pointsTenths)}</Table.Td>
                  <Table.Td><ScoreEntry item={item} seq={item.seq} value={e} error={err} registerRate={registerRate(detail, item)} onChange={(patch) => setEntry(i, patch)} /></Table.Td>
                  <Table.Td ta="right" className="num">{scoreCell(item, e)}</Table.Td>
                </Table.Tr>
              );
            }),
          ])}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        {vetoed ? <Text size="sm" c="red" fw={600}>{s.vetoedNote}</Text> : <span />}
        <Text fw={700} data-testid="sheet-total">{s.total(pa.points(total), pa.points(detail.template.template.totalTenths))}</Text>
      </Group>
    </FormDrawer>
  );
}
