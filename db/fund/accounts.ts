import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Db } from '../open';
import { newStamps } from '../stamps';
import { startFundChain } from './chain';
import type { AccountFields, AccountRow, AccountStanding, AccountStatus } from './types';
export type { AccountFields, AccountRow, AccountStanding, AccountStatus } from './types';

const SELECT = `
  SELECT a.id, a.estate_id AS estateId, p.name AS estateName, a.building_id AS buildingId, b.name AS buildingName,
         c.name AS communityName, a.name, a.bank_name AS bankName,
         a.bank_account AS bankAccount, a.opening_balance AS openingBalance, a.opened_on AS openedOn, a.status, a.note,
         a.created_at AS createdAt, a.updated_at AS updatedAt, a.operator
  FROM fund_accounts a JOIN places p ON p.id = a.estate_id JOIN places c ON c.id = p.parent_id LEFT JOIN places b ON b.id = a.building_id`;

export function getAccount(db: Db, id: string): AccountRow | undefined {
  return db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AccountRow | undefined;
}

export function listAccounts(db: Db, status: AccountStatus | null): AccountRow[] {
  return db.prepare(`${SELECT} WHERE ? IS NULL OR a.status = ? ORDER BY c.name, p.name, b.name, a.opened_on`).all(status, status) as AccountRow[];
}

/** The active account of the estate (buildingId null) or of one of its buildings. */
export function activeAccountOf(db: Db, estateId: string, buildingId: string | null): AccountRow | undefined {
  return db.prepare(`${SELECT} WHERE a.estate_id = ? AND a.building_id IS ? AND a.status = 'active'`).get(estateId, buildingId) as AccountRow | undefined;
}

/** Whether the estate has active accounts per building (true), one for the whole estate (false), or none (null). */
export function estateAccountWay(db: Db, estateId: string): boolean | null {
  const r = db.prepare("SELECT building_id IS NOT NULL AS perBuilding FROM fund_accounts WHERE estate_id = ? AND status = 'active' LIMIT 1").get(estateId) as
    | { perBuilding: number }
    | undefined;
  return r ? r.perBuilding === 1 : null;
}

/**
 * What the account list shows of each account beside its row, for every account of a status (or one account), in
 * one statement: the posted entries' sum (the balance less the opening), the expense drafts waiting, the last period
 * disclosed, the last month both sides confirmed with the bank, when the fee settings were first saved and the
 * months allocated. Each subquery reads its own index (fund_entries_journal, fund_disclosures_account…); one
 * statement instead of seven per account (docs/benchmarks.md, 基金概览).
 */
export function accountStandings(db: Db, filter: { id: string } | { status: AccountStatus | null }): AccountStanding[] {
  const [where, arg] = 'id' in filter ? ['a.id = ?', filter.id] : ['(? IS NULL OR a.status = ?)', filter.status];
  const rows = db
    .prepare(
      `SELECT a.id,
         COALESCE((SELECT SUM(effect) FROM fund_entries e WHERE e.account_id = a.id AND e.status = 'posted'), 0) AS posted,
         COALESCE((SELECT SUM(amount) FROM fund_entries e WHERE e.account_id = a.id AND e.status = 'draft' AND e.direction = 'expense'), 0) AS drafts,
         (SELECT MAX(period_to) FROM fund_disclosures d WHERE d.account_id = a.id) AS disclosedThrough,
         (SELECT MAX(month) FROM fund_reconciliations r WHERE r.account_id = a.id AND r.status = 'confirmed') AS reconciledThrough,
         (SELECT created_at FROM fund_fee_settings f WHERE f.account_id = a.id) AS feeSettingsSavedAt,
         (SELECT json_group_array(month) FROM fund_fee_allocations x WHERE x.account_id = a.id) AS allocated
       FROM fund_accounts a WHERE ${where}`,
    )
    .all(...('id' in filter ? [arg] : [arg, arg])) as (Omit<AccountStanding, 'allocatedMonths'> & { allocated: string })[];
  return rows.map(({ allocated, ...r }) => ({ ...r, allocatedMonths: JSON.parse(allocated) as string[] }));
}

/** 销户: the account takes no more entries; its journal, chain and disclosures stay as they are. */
export function closeAccount(db: Db, id: string, operator: string): void {
  db.prepare("UPDATE fund_accounts SET status = 'closed', updated_at = ?, operator = ? WHERE id = ? AND status = 'active'").run(nowIso(), operator, id);
}

/** Opens the account and its empty chain together. */
export function insertAccount(db: Db, f: AccountFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO fund_accounts (id, estate_id, building_id, name, bank_name, bank_account, opening_balance, opened_on, status, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  ).run(id, f.estateId, f.buildingId, f.name, f.bankName, f.bankAccount, f.openingBalance, f.openedOn, f.note, s.created_at, s.updated_at, s.operator);
  startFundChain(db, id);
  return id;
}
