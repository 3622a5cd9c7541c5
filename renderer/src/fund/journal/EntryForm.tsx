import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import { formatFen } from '../../../../main/api/common/money';
import { sides } from '../../../../main/api/fund/labels';
import { DraftUpdate, ExpenseDraftInput, IncomeInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, SelectField, TextField } from '../../components/fields';
import { ElevatorsSelect } from '../../elevator/common/ElevatorSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { SectionTitle } from '../../components/SectionTitle';
import { useZodForm, type ZodForm } from '../../components/useZodForm';
import { fund } from '../../i18n/fund';
import { newEntryId } from '../common/newEntryId';
import { OverrideReasonField } from '../common/OverrideReasonField';
import { useCategories } from '../common/useCategories';
import type { AccountView, EntryDetail } from '../types';
import { VoucherAdd, voucherKind } from './VoucherAdd';

type AttachmentInfo = EntryDetail['attachments'][number];

const e = fund.entry;

export type EntryFormMode = { kind: 'income' | 'expense'; accountId: string } | { kind: 'edit'; draft: EntryDetail };

const SCHEMAS = { income: IncomeInput, expense: ExpenseDraftInput, edit: DraftUpdate };

/** The fields of a new entry, or of the draft being edited (attachments are the drawer's 附件). */
function initialValues(mode: EntryFormMode) {
  if (mode.kind !== 'edit') {
    return {
      id: newEntryId(), accountId: mode.accountId, onDate: today(), category: '', amount: '', counterparty: '', voucherNo: '', purpose: '', elevatorIds: [],
      overrideReason: '', ...(mode.kind === 'income' ? { attachmentHashes: [] } : {}),
    };
  }
  const d = mode.draft.entry;
  return {
    id: d.id, onDate: d.onDate, category: d.category, amount: formatFen(d.amount), counterparty: d.counterparty ?? '', voucherNo: d.voucherNo ?? '',
    purpose: d.purpose, elevatorIds: d.elevatorIds, overrideReason: d.overrideReason ?? '',
  };
}

/**
 * 附件 of an income, picked before it is saved: income is posted with its form, so each voucher is stored first
 * (fund.storeVoucher) and the form sends their hashes; removing one here only leaves it out of the entry.
 */
function IncomeVouchers({ form }: { form: ZodForm }) {
  const store = useApiMutation('fund.storeVoucher', { quiet: true });
  const [picked, setPicked] = useState<AttachmentInfo[]>([]);
  // The files are stored one after another: each adds to the list as it stands then, not as it was rendered.
  const current = useRef<AttachmentInfo[]>([]);
  const keep = (next: AttachmentInfo[]) => {
    current.current = next;
    setPicked(next);
    form.set('attachmentHashes', next.map((f) => f.sha256));
  };
  return (
    <Stack gap={6}>
      <SectionTitle title={fund.attachments.title(picked.length)} />
      {picked.length === 0 && <Text size="sm" c="dimmed">{e.incomeVouchers}</Text>}
      {picked.map((f) => (
        <Group key={f.sha256} justify="space-between" wrap="nowrap" data-testid="income-voucher">
          <Text size="sm" truncate="end">{`${f.fileName} · ${voucherKind(f)}`}</Text>
          <Button size="compact-xs" variant="subtle" color="red" aria-label={`${fund.attachments.remove}${f.fileName}`}
            onClick={() => keep(picked.filter((x) => x.sha256 !== f.sha256))}>{fund.attachments.remove}</Button>
        </Group>
      ))}
      <VoucherAdd store={(file, personal) => store.mutateAsync({ file, personal }).then((info) => {
        if (!current.current.some((x) => x.sha256 === info.sha256)) keep([...current.current, info]);
      })} />
      {form.errors.attachmentHashes && <Text size="xs" c="red">{form.errors.attachmentHashes}</Text>}
    </Stack>
  );
}

/** 录入收入 (posted at once), 新建支出 (a draft for two sign-offs), or 修改 a draft — saying first which sign-offs an edit voids. */
export function EntryForm({ mode, place, onClose }: { mode: EntryFormMode; place: Pick<AccountView, 'estateId' | 'buildingId'>; onClose: () => void }) {
  const [initial] = useState(() => initialValues(mode));
  const form = useZodForm(SCHEMAS[mode.kind], initial);
  const categories = useCategories();
  const income = useApiMutation('fund.postIncome');
  const draft = useApiMutation('fund.draftExpense');
  const update = useApiMutation('fund.updateDraft');
  const direction = mode.kind === 'edit' ? mode.draft.entry.direction : mode.kind;
  const signed = mode.kind === 'edit' ? mode.draft.signoffs.filter((s) => s.valid).map((s) => `${s.signerName}（${sides[s.side]}）`) : [];

  // The values as typed go to the core (the money field takes yuan text, not fen); the form was built from that kind's schema.
  const save = form.submit(async () => {
    const v = form.values;
    if (mode.kind === 'income') await income.mutateAsync(v as z.input<typeof IncomeInput>);
    else if (mode.kind === 'expense') await draft.mutateAsync(v as z.input<typeof ExpenseDraftInput>);
    else await update.mutateAsync(v as z.input<typeof DraftUpdate>);
    notifications.show({ color: 'green', message: { income: e.incomeSaved, expense: e.draftSaved, edit: e.edited }[mode.kind] });
    onClose();
  });
  const title = { income: e.incomeTitle, expense: e.expenseTitle, edit: e.editTitle }[mode.kind];

  return (
    <FormDrawer opened title={title} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={500}
      saveLabel={signed.length && form.dirty ? e.editVoidsSave : undefined}>
      {mode.kind !== 'edit' && <Text size="sm" c="dimmed">{mode.kind === 'income' ? e.incomeIntro : e.expenseIntro}</Text>}
      {signed.length > 0 && <Alert color="orange" variant="light" role="alert">{e.editVoids(signed.join('、'))}</Alert>}
      <SimpleGrid cols={2}>
        <DateField form={form} name="onDate" label={e.onDate} required />
        <SelectField form={form} name="category" label={e.category} data={categories.optionsOf(direction)} required autoFocus />
      </SimpleGrid>
      <MoneyField form={form} name="amount" label={e.amount} placeholder={e.amountHint} required />
      <SimpleGrid cols={2}>
        <TextField form={form} name="counterparty" label={e.counterparty} />
        <TextField form={form} name="voucherNo" label={e.voucherNo} />
      </SimpleGrid>
      <TextField form={form} name="purpose" label={e.purpose} required />
      <ElevatorsSelect estateId={place.estateId} buildingId={place.buildingId} label={e.elevators} description={e.elevatorsHint} value={(form.values.elevatorIds as string[] | undefined) ?? []}
        error={form.errors.elevatorIds} onChange={(ids) => form.set('elevatorIds', ids)} />
      {direction === 'expense' && <OverrideReasonField form={form} />}
      {mode.kind === 'income' && <IncomeVouchers form={form} />}
    </FormDrawer>
  );
}
