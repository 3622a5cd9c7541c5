import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { formatFen, parseYuan } from '../../../../main/api/common/money';
import { sides } from '../../../../main/api/fund/labels';
import { reconciliationFigures } from '../../../../main/api/fund/reconcile';
import { ConfirmReconciliation, ReconciliationInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { PdfButtons } from '../../components/PdfButtons';
import { fmtMoney } from '../../components/format';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundReconcile } from '../../i18n/fund-reconcile';
import { InPersonModal } from '../common/InPersonModal';
import { monthWords } from '../common/months';
import { newEntryId } from '../common/newEntryId';
import type { Out, Signatory } from '../types';
import { AdjustmentTable } from './AdjustmentTable';
import { BankLineEntries } from './BankLineEntries';
import { BankLines, type BankLine } from './BankLines';
import { Confirmations, type Side } from './Confirmations';
import { LedgerItems } from './LedgerItems';

const r = fundReconcile;
type View = Out<'fund.getReconciliation'>;

const fen = (text: unknown) => {
  const parsed = typeof text === 'string' && text.trim() ? parseYuan(text) : null;
  return parsed && 'fen' in parsed ? parsed.fen : 0;
};

/** The form's values from the month's saved draft (amounts back as yuan text), or an empty one with a new id. */
function initialOf(accountId: string, view: View) {
  const s = view.saved;
  return {
    id: s?.reconciliation.id ?? newEntryId(), accountId, month: view.month,
    bankBalance: s ? formatFen(s.reconciliation.bankBalance) : '',
    ledgerItems: s?.ledgerItems.map((i) => i.entryId) ?? [],
    bankItems: (s?.bankItems ?? []).map((b): BankLine => ({ ...b, amount: formatFen(b.amount) })),
  };
}

/**
 * One month's reconciliation: the statement (its balance and its lines the journal lacks), the entries in transit,
 * the 调节表 computed as the clerk types (the core's own function), saving, and each side's confirmation in person.
 */
export function ReconcileForm({ accountId, view, signers }: { accountId: string; view: View; signers: Signatory[] }) {
  const form = useZodForm(ReconciliationInput, initialOf(accountId, view));
  const save = useApiMutation('fund.saveReconciliation');
  const confirm = useApiMutation('fund.confirmReconciliation', { quiet: true });
  const print = useApiMutation('fund.printReconciliation');
  const [confirming, setConfirming] = useState<Side | null>(null);
  const saved = view.saved;
  const final = saved?.reconciliation.status === 'confirmed';
  const ticked = form.values.ledgerItems as string[];
  const tickedSet = new Set(ticked);
  const lines = form.values.bankItems as BankLine[];
  const figures = reconciliationFigures({
    ledgerBalance: view.ledgerBalance,
    bankBalance: fen(form.values.bankBalance),
    ledgerItems: view.candidates.filter((c) => tickedSet.has(c.entryId)),
    bankItems: lines.map((l) => ({ direction: l.direction, amount: fen(l.amount) })),
  });
  const canConfirm = !!saved && !form.dirty && !view.ledgerChanged && saved.figures.difference === 0;
  const submit = form.submit(async () => {
    await save.mutateAsync(form.values as Parameters<typeof save.mutateAsync>[0]);
    notifications.show({ color: 'green', message: r.saved });
  });

  return (
    <form
      noValidate
      onSubmit={(e) => (e.preventDefault(), void submit())}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !final) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Stack gap="sm">
        {view.ledgerChanged && <Alert color="orange" variant="light">{r.ledgerChanged(fmtMoney(view.ledgerBalance))}</Alert>}
        <SimpleGrid cols={2} spacing="sm">
          <Paper withBorder p="sm">
            <Stack gap="sm">
              <MoneyField form={form} name="bankBalance" label={r.bankBalance} description={r.bankBalanceHint(view.statementDate)} required autoFocus={!final} />
              <BankLines form={form} statementDate={view.statementDate} readOnly={final} />
              {saved && <BankLineEntries saved={saved} accountId={accountId} dirty={form.dirty} />}
            </Stack>
          </Paper>
          <Paper withBorder p="sm">
            <Stack gap="sm">
              <AdjustmentTable figures={final ? saved.figures : figures} statementDate={view.statementDate} />
              <Confirmations saved={saved} canConfirm={canConfirm} onConfirm={setConfirming} />
              <Group justify="space-between" wrap="nowrap">
                <Text size="xs" c={saved ? 'orange' : 'dimmed'}>{saved?.signoffs.some((s) => s.valid) && form.dirty ? r.savedVoids : !saved ? r.saveFirst : ''}</Text>
                <Group gap="xs" wrap="nowrap">
                  {saved && (
                    <PdfButtons make={() => print.mutateAsync({ reconciliationId: saved.reconciliation.id })} printLabel={r.print} disabled={form.dirty} />
                  )}
                  {!final && <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={form.submitting}>{r.save}</Button>}
                </Group>
              </Group>
            </Stack>
          </Paper>
        </SimpleGrid>
        <Paper withBorder p="sm">
          <LedgerItems candidates={view.candidates} ticked={ticked} onChange={(ids) => form.set('ledgerItems', ids)}
            from={view.from} to={view.statementDate} readOnly={final} />
        </Paper>
      </Stack>
      {confirming && saved && (
        <InPersonModal
          title={r.confirmTitle(sides[confirming])}
          intro={r.confirmIntro(monthWords(view.month), fmtMoney(saved.figures.adjustedLedger))}
          side={confirming}
          signers={signers}
          schema={ConfirmReconciliation}
          initial={{ reconciliationId: saved.reconciliation.id }}
          confirmLabel={r.confirmLabel}
          onSign={(input) => confirm.mutateAsync(input)}
          done={r.confirmDone}
          onClose={() => setConfirming(null)}
        />
      )}
    </form>
  );
}
