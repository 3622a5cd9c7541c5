import { SimpleGrid } from '@mantine/core';
import { StatCard } from '../../components/DashboardCards';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import type { AccountView } from '../types';

const f = fund.figures;

/** The account's balance and what is free of open drafts, and the period's opening, income, expense and closing. */
export function Figures({ account, period }: { account: AccountView; period?: { opening: number; income: number; expense: number; closing: number } }) {
  return (
    <SimpleGrid cols={3} spacing="sm">
      <StatCard label={f.balance} value={fmtMoney(account.balance)} />
      <StatCard label={f.available} value={fmtMoney(account.available)} detail={f.availableDetail(fmtMoney(account.balance - account.available))} />
      <StatCard
        label={f.closing}
        value={period ? fmtMoney(period.closing) : ''}
        detail={period && f.periodDetail(fmtMoney(period.opening), fmtMoney(period.income), fmtMoney(period.expense))}
      />
    </SimpleGrid>
  );
}
