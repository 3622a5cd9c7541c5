import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { Column } from '../../components/VirtualTable';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import type { JournalRow } from '../types';

const c = fund.journal.columns;
const j = fund.journal;

/** An amount in its own column, 收入 or 支出, as on a paper journal; a reversal shows there negated (红字冲正). */
const amountIn = (direction: JournalRow['direction']) => (r: JournalRow) =>
  r.direction === direction ? <Text size="sm" span className="num" c={r.amount < 0 ? 'red.8' : undefined}>{fmtMoney(r.amount)}</Text> : null;

/** How many vouchers are attached, so a clerk checking 凭证 sees the entries without any at a glance; blank for none. */
function attachmentCount(r: JournalRow) {
  const n = r.attachmentHashes.length;
  return n === 0 ? null : (
    <Group gap={2} justify="flex-end" wrap="nowrap" title={j.attachmentsCount(n)}>
      <IconPaperclip size={14} aria-hidden />
      <Text size="sm" span className="num">{n}</Text>
    </Group>
  );
}

/**
 * The journal's columns; the last one offers 冲正 (without opening the row's detail), or says the row was reversed
 * or is itself a reversal.
 */
export function journalColumns(categoryLabel: (r: JournalRow) => string, onReverse: (r: JournalRow) => void): Column<JournalRow>[] {
  return [
    { key: 'seq', title: c.seq, width: 48, align: 'right', render: (r) => <span className="num">{r.seq}</span> },
    { key: 'date', title: c.date, width: 90, render: (r) => r.onDate },
    { key: 'category', title: c.category, width: 100, render: categoryLabel },
    { key: 'income', title: c.income, width: 112, align: 'right', render: amountIn('income') },
    { key: 'expense', title: c.expense, width: 112, align: 'right', render: amountIn('expense') },
    { key: 'balance', title: c.balance, width: 120, align: 'right', render: (r) => <Text size="sm" span className="num" fw={600}>{fmtMoney(r.runningBalance)}</Text> },
    { key: 'counterparty', title: c.counterparty, width: 'minmax(120px, 1fr)', render: (r) => <Text size="sm" span truncate title={r.counterparty ?? undefined}>{r.counterparty}</Text> },
    { key: 'voucher', title: c.voucher, width: 124, render: (r) => r.voucherNo },
    { key: 'attachments', title: c.attachments, width: 44, align: 'right', render: attachmentCount },
    { key: 'purpose', title: c.purpose, width: 'minmax(160px, 1.4fr)', render: (r) => <Tooltip label={r.purpose} openDelay={400}><Text size="sm" span truncate>{r.purpose}</Text></Tooltip> },
    {
      key: 'action', title: c.action, width: 84,
      render: (r) =>
        r.reversesId ? <Badge size="sm" variant="light" color="gray">{j.isReversal}</Badge>
        : r.reversedBy ? <Badge size="sm" variant="outline" color="gray">{j.reversed}</Badge>
        : <Button size="compact-xs" variant="subtle" color="red" onClick={(e) => (e.stopPropagation(), onReverse(r))} aria-label={`${j.reverse}第 ${r.seq} 笔`}>{j.reverse}</Button>,
    },
  ];
}
