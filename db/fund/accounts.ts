import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Db } from '../open';
import { newStamps } from '../stamps';
import { startFundChain } from './chain';
import type { AccountFields, AccountRow, AccountStatus } from './types';
export type { AccountFields, AccountRow, AccountStatus } from './types';

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
