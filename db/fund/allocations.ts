import type { Db } from '../open';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { FeeSettingsRow, AllocationRow } from './types';
export type { FeeSettingsRow, AllocationRow } from './types';

export function feeSettingsOf(db: Db, accountId: string): FeeSettingsRow | undefined {
  return db
    .prepare(`SELECT account_id AS accountId, rate_fen AS rateFen, share_num AS shareNum, share_den AS shareDen, area_hundredths AS areaHundredths,
        updated_at AS updatedAt, operator
      FROM fund_fee_settings WHERE account_id = ?`)
    .get(accountId) as FeeSettingsRow | undefined;
}

export function saveFeeSettings(db: Db, s: Omit<FeeSettingsRow, 'updatedAt' | 'operator'>, operator: string): void {
  const st = newStamps(operator);
  db.prepare(
    `INSERT INTO fund_fee_settings (account_id, rate_fen, share_num, share_den, area_hundredths, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET rate_fen = excluded.rate_fen, share_num = excluded.share_num, share_den = excluded.share_den,
       area_hundredths = excluded.area_hundredths, updated_at = ?, operator = excluded.operator`,
  ).run(s.accountId, s.rateFen, s.shareNum, s.shareDen, s.areaHundredths, st.created_at, st.updated_at, st.operator, nowIso());
}

/** The estate's floor area on its red-property profile (hundredths of a m²), null when not recorded. A building account's is in its fee settings. */
export function estateAreaOf(db: Db, estateId: string): number | null {
  const r = db.prepare('SELECT floor_area_hundredths AS a FROM property_estates WHERE place_id = ?').get(estateId) as { a: number | null } | undefined;
  return r?.a ?? null;
}

const SELECT = `SELECT a.entry_id AS entryId, a.account_id AS accountId, a.month, a.rate_fen AS rateFen, a.area_hundredths AS areaHundredths,
  a.share_num AS shareNum, a.share_den AS shareDen, a.fee_fen AS feeFen, a.amount, e.seq,
  EXISTS (SELECT 1 FROM fund_entries r WHERE r.reverses_id = a.entry_id AND r.status = 'posted') AS reversed, a.created_at AS createdAt, a.operator
  FROM fund_fee_allocations a JOIN fund_entries e ON e.id = a.entry_id`;

const fromDb = (r: AllocationRow & { reversed: number | boolean }): AllocationRow => ({ ...r, reversed: Boolean(r.reversed) });

export function allocationOf(db: Db, accountId: string, month: string): AllocationRow | undefined {
  const r = db.prepare(`${SELECT} WHERE a.account_id = ? AND a.month = ?`).get(accountId, month) as (AllocationRow & { reversed: number }) | undefined;
  return r && fromDb(r);
}

export function listAllocations(db: Db, accountId: string): AllocationRow[] {
  return (db.prepare(`${SELECT} WHERE a.account_id = ? ORDER BY a.month DESC`).all(accountId) as (AllocationRow & { reversed: number })[]).map(fromDb);
}

export function insertAllocation(db: Db, a: Omit<AllocationRow, 'seq' | 'reversed' | 'createdAt' | 'operator'>, operator: string): void {
  db.prepare(
    `INSERT INTO fund_fee_allocations (entry_id, account_id, month, rate_fen, area_hundredths, share_num, share_den, fee_fen, amount, created_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.entryId, a.accountId, a.month, a.rateFen, a.areaHundredths, a.shareNum, a.shareDen, a.feeFen, a.amount, nowIso(), operator);
}
