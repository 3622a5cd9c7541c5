import type { ChainSpec } from '../ledger/chain';

/** The points ledger's hash chain (migration 007): every column of an entry, in this order (canonical SDL1). */
export const POINTS_CHAIN: ChainSpec = {
  name: 'points',
  label: '积分台账',
  table: 'points_entries',
  fields: [
    { column: 'id', kind: 'text' },
    { column: 'volunteer_id', kind: 'text' },
    { column: 'org_id', kind: 'text' },
    { column: 'on_date', kind: 'date' },
    { column: 'year', kind: 'int' },
    { column: 'quarter', kind: 'int' },
    { column: 'category', kind: 'text' },
    { column: 'amount', kind: 'int' },
    { column: 'hours_tenths', kind: 'int' },
    { column: 'reason', kind: 'text' },
    { column: 'source_kind', kind: 'text' },
    { column: 'source_id', kind: 'text' },
    { column: 'rule_id', kind: 'text' },
    { column: 'reverses_id', kind: 'text' },
    { column: 'operator', kind: 'text' },
    { column: 'created_at', kind: 'text' },
  ],
};
