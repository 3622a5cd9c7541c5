import { Alert, Group, Text } from '@mantine/core';
import { addDays } from '../../../../main/api/common/days';
import { DisclosureInput } from '../../../../main/api/fund/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField } from '../../components/fields';
import { pdfModalActions } from '../../components/PdfButtons';
import { fmtMoney } from '../../components/format';
import type { ZodForm } from '../../components/useZodForm';
import { fund } from '../../i18n/fund';
import type { AccountView } from '../types';

const d = fund.disclose;

/** The day before this month began: a statement is usually of months that have ended. */
const endOfLastMonth = (day: string) => addDays(`${day.slice(0, 8)}01`, -1);

/**
 * The period after the last disclosure (or from the opening) to the end of last month — or to today when that
 * period has no whole month yet — and a 公示期 of ten days from tomorrow at the earliest.
 */
function defaults(account: AccountView, disclosedThrough: string | null) {
  const now = today();
  const from = disclosedThrough ? addDays(disclosedThrough, 1) : account.openedOn;
  const to = endOfLastMonth(now) >= from ? endOfLastMonth(now) : now;
  const noticeFrom = to < now ? now : addDays(now, 1);
  return { accountId: account.id, from, to, noticeFrom, noticeTo: addDays(noticeFrom, 9) };
}

/** The figures of the period as the form stands: what the PDF will print. */
function Preview({ form, disclosedThrough }: { form: ZodForm; disclosedThrough: string | null }) {
  const v = form.values as { accountId: string; from: string; to: string };
  const valid = !!v.from && !!v.to && v.from <= v.to && v.to <= today();
  const s = useApiQuery('fund.getStatement', { accountId: v.accountId, from: v.from, to: v.to }, { enabled: valid });
  return (
    <>
      {s.data && (
        <Text size="sm" fw={600}>
          {d.preview(fmtMoney(s.data.opening), fmtMoney(s.data.income), fmtMoney(s.data.expense), fmtMoney(s.data.closing))}
          <Text span size="sm" c="dimmed">{` · ${d.expenses(s.data.expenses.length)}`}</Text>
        </Text>
      )}
      {disclosedThrough && v.from && v.from <= disclosedThrough && <Alert color="orange" variant="light">{d.overlap(disclosedThrough)}</Alert>}
      {v.to === today() && <Alert color="orange" variant="light">{d.closesToday}</Alert>}
    </>
  );
}

/** 公示: the period and its 公示期; the core makes the PDF, records the disclosure, and the browser saves the file. */
export function DisclosureModal({ account, disclosedThrough, onClose }: { account: AccountView; disclosedThrough: string | null; onClose: () => void }) {
  const make = useApiMutation('fund.makeDisclosure', { quiet: true });
  return (
    <ActionModal
      title={`${d.title} · ${account.name}`}
      intro={d.intro}
      schema={DisclosureInput}
      initial={defaults(account, disclosedThrough)}
      confirmLabel={d.confirm}
      fields={(form) => (
        <>
          <Group grow gap="xs">
            <DateField form={form} name="from" label={d.from} required autoFocus />
            <DateField form={form} name="to" label={d.to} required />
          </Group>
          <Group grow gap="xs">
            <DateField form={form} name="noticeFrom" label={d.noticeFrom} required />
            <DateField form={form} name="noticeTo" label={d.noticeTo} required />
          </Group>
          <Preview form={form} disclosedThrough={disclosedThrough} />
        </>
      )}
      {...pdfModalActions(make.mutateAsync, d.done, d.print)}
      onClose={onClose}
    />
  );
}
