import { Table, Text } from '@mantine/core';
import type { ReconciliationFigures } from '../../../../main/api/fund/reconcile';
import { fmtMoney } from '../../components/format';
import { fundReconcile } from '../../i18n/fund-reconcile';

const r = fundReconcile;

/** The 余额调节表 as it is drawn on paper: the journal's side and the bank's, each adjusted, and whether they agree. */
export function AdjustmentTable({ figures, statementDate }: { figures: ReconciliationFigures; statementDate: string }) {
  const rows: [string, number, string, number][] = [
    [r.ledgerBalance(statementDate), figures.ledgerBalance, r.bankStatement, figures.bankBalance],
    [r.plusBankIncome, figures.bankOnlyIncome, r.plusLedgerIncome, figures.ledgerOnlyIncome],
    [r.minusBankExpense, figures.bankOnlyExpense, r.minusLedgerExpense, figures.ledgerOnlyExpense],
  ];
  const balanced = figures.difference === 0;
  return (
    <>
      <Table fz="sm" verticalSpacing={4} withColumnBorders aria-label={r.adjustment}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th colSpan={2}>{r.ledgerSide}</Table.Th>
            <Table.Th colSpan={2}>{r.bankSide}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([leftLabel, left, rightLabel, right]) => (
            <Table.Tr key={leftLabel}>
              <Table.Td>{leftLabel}</Table.Td>
              <Table.Td className="num">{fmtMoney(left)}</Table.Td>
              <Table.Td>{rightLabel}</Table.Td>
              <Table.Td className="num">{fmtMoney(right)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td>{r.adjusted}</Table.Td>
            <Table.Td className="num">{fmtMoney(figures.adjustedLedger)}</Table.Td>
            <Table.Td>{r.adjusted}</Table.Td>
            <Table.Td className="num">{fmtMoney(figures.adjustedBank)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" fw={600} c={balanced ? 'green' : 'red'} role="status">
        {balanced ? r.balanced : r.difference(fmtMoney(Math.abs(figures.difference)))}
      </Text>
    </>
  );
}
