import { Text } from '@mantine/core';
import type { Fact } from '../../components/Facts';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import type { Entry } from '../types';

const f = fund.draft.facts;

/** What an entry says, as a draft's and a posted entry's drawers both show it. */
export const entryFacts = (e: Entry, categoryLabel: string): Fact[] => [
  [f.date, e.onDate],
  [f.category, categoryLabel],
  [f.amount, <Text span fw={700} className="num" c={e.amount < 0 ? 'red.8' : undefined}>{fmtMoney(e.amount)}</Text>],
  [f.counterparty, e.counterparty],
  [f.voucher, e.voucherNo],
  [f.purpose, e.purpose],
  ...(e.overrideReason ? [[f.override, e.overrideReason] as Fact] : []),
  [f.operator, e.operator],
];
