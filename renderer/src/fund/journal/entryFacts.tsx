import { Text } from '@mantine/core';
import type { Fact } from '../../components/Facts';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import { placeOf } from '../../elevator/common/placeOf';
import type { EntryDetail } from '../types';

const f = fund.draft.facts;

/** What an entry says, as a draft's and a posted entry's drawers both show it. */
export const entryFacts = ({ entry: e, elevators }: EntryDetail, categoryLabel: string): Fact[] => [
  [f.date, e.onDate],
  [f.category, categoryLabel],
  [f.amount, <Text span fw={700} className="num" c={e.amount < 0 ? 'red.8' : undefined}>{fmtMoney(e.amount)}</Text>],
  [f.counterparty, e.counterparty],
  [f.voucher, e.voucherNo],
  [f.purpose, e.purpose],
  ...(elevators.length ? [[f.elevators, elevators.map((x) => `${placeOf(x)}（${x.regCode}）`).join('；')] as Fact] : []),
  ...(e.overrideReason ? [[f.override, e.overrideReason] as Fact] : []),
  [f.operator, e.operator],
];
