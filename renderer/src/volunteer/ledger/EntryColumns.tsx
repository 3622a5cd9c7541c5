import { Badge, Button, Text, Tooltip } from '@mantine/core';
import { pointCategories, sourceKinds } from '../../../../main/api/volunteer/labels';
import { signedTenths, tenthsText } from '../../../../main/api/volunteer/tenths';
import type { Column } from '../../components/VirtualTable';
import { vp } from '../../i18n/volunteer-points';
import type { EntryRow } from '../types';

const c = vp.ledger.columns;
const l = vp.ledger;

/** What the row came from: the kind, and the activity, meeting or item it names. */
const source = (r: EntryRow) => (r.sourceTitle ? `${sourceKinds[r.sourceKind]}：${r.sourceTitle}` : sourceKinds[r.sourceKind]);

/** The ledger's columns; the last one offers reversal, or says the row was reversed or is itself a reversal. */
export function entryColumns(onReverse: (r: EntryRow) => void): Column<EntryRow>[] {
  return [
    { key: 'date', title: c.date, width: 96, render: (r) => r.onDate },
    { key: 'name', title: c.name, width: 80, render: (r) => r.name },
    // At least the width of a long unit name (润泽小区4号楼党小组), so a label holds in two lines.
    { key: 'org', title: c.org, width: 'minmax(160px, 1fr)', wrap: true, render: (r) => r.orgName },
    { key: 'category', title: c.category, width: 64, render: (r) => pointCategories[r.category] },
    {
      key: 'amount', title: c.amount, width: 72, align: 'right',
      render: (r) => <Text size="sm" span className="num" fw={600} c={r.amount < 0 ? 'red' : 'green'}>{signedTenths(r.amount)}</Text>,
    },
    { key: 'hours', title: c.hours, width: 56, align: 'right', render: (r) => <span className="num">{r.hours ? tenthsText(r.hours) : ''}</span> },
    { key: 'reason', title: c.reason, width: 'minmax(160px, 2fr)', render: (r) => <Tooltip label={r.reason} openDelay={400}><Text size="sm" span truncate>{r.reason}</Text></Tooltip> },
    // The activity, meeting or item a clerk looks up by its name: read whole, in two lines.
    { key: 'source', title: c.source, width: 'minmax(120px, 1fr)', wrap: true, render: source },
    { key: 'operator', title: c.operator, width: 72, render: (r) => r.operator },
    {
      key: 'action', title: c.action, width: 76,
      render: (r) =>
        r.reversesId ? <Badge size="sm" variant="light" color="gray">{l.isReversal}</Badge>
        : r.reversedBy ? <Badge size="sm" variant="outline" color="gray">{l.reversed}</Badge>
        : <Button size="compact-xs" variant="subtle" color="red" onClick={(e) => (e.stopPropagation(), onReverse(r))} aria-label={`${l.reverse} ${r.name} ${r.onDate}`}>{l.reverse}</Button>,
    },
  ];
}
