import { genesisHash } from '../ledger/canonical';
import type { Db } from '../open';
import { FUND_CHAIN_ROWS, fundChainName } from './chain';
import type { AccountStatus, Direction } from './types';

/**
 * The fund's accounts and posted journal as they leave the installation (registers, data packages). A journal
 * entry carries every field its account's chain hashes (db/fund/chain.ts), as stored, with its `seq`, `hash` and
 * the hash before it (`prevHash`; hash_0 for the first), so the level above can recompute each account's chain
 * from the package alone. Drafts and voided drafts never leave: they are not in the chain and count nowhere.
 */

export interface AccountExport {
  id: string;
  estateId: string;
  estateName: string;
  /**
   * A building's account (a setting): its building. Left out for an estate's account, so a package with no building
   * account still imports at a street whose StreetDesk predates them (it refuses fields it does not know).
   */
  buildingId?: string | null;
  buildingName?: string | null;
  community: string;
  name: string;
  bankName: string | null;
  /** Fen. */
  openingBalance: number;
  openedOn: string;
  status: AccountStatus;
  /** The chain's head when the package was made: the witness the street keeps. */
  headSeq: number;
  headHash: string;
  updatedAt: string;
}

/** A posted entry: its chain fields under their camelCase names (account_id → accountId), as stored. */
export interface JournalExport {
  id: string;
  accountId: string;
  accountName: string;
  estateName: string;
  community: string;
  seq: number;
  hash: string;
  prevHash: string;
  onDate: string;
  direction: Direction;
  category: string;
  categoryLabel: string;
  /** Fen, positive; a reversal (冲正) is negative and points at its original. */
  amount: number;
  counterparty: string | null;
  voucherNo: string | null;
  purpose: string;
  /** As stored and hashed: JSON arrays of ids and SHA-256s. */
  elevators: string;
  attachments: string;
  reversesId: string | null;
  overrideReason: string | null;
  openingBalance: number;
  openedOn: string;
  companySignerId: string | null;
  companySignerName: string | null;
  companySignedAt: string | null;
  companyApprovedHash: string | null;
  committeeSignerId: string | null;
  committeeSignerName: string | null;
  committeeSignedAt: string | null;
  committeeApprovedHash: string | null;
  operator: string;
  createdAt: string;
  postedBy: string;
  postedAt: string;
  updatedAt: string;
}

/** snake_case column → the record's field name. */
export const fieldOfColumn = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const SCOPE = `($community IS NULL OR es.parent_id = $community)`;

export function exportAccounts(db: Db, communityId: string | null): AccountExport[] {
  return db
    .prepare(
      `SELECT a.id, a.estate_id AS estateId, es.name AS estateName, a.building_id AS buildingId, bl.name AS buildingName, c.name AS community,
              a.name, a.bank_name AS bankName,
              a.opening_balance AS openingBalance, a.opened_on AS openedOn, a.status, h.seq AS headSeq, h.hash AS headHash,
              a.updated_at AS updatedAt
       FROM fund_accounts a JOIN places es ON es.id = a.estate_id JOIN places c ON c.id = es.parent_id
       LEFT JOIN places bl ON bl.id = a.building_id
       JOIN ledger_heads h ON h.chain = 'fund:' || a.id
       WHERE ${SCOPE} ORDER BY c.name, es.name, a.opened_on, a.id`,
    )
    .all({ community: communityId })
    .map((r) => {
      const { buildingId, buildingName, ...a } = r as AccountExport;
      return buildingId ? { ...a, buildingId, buildingName } : a;
    });
}

/**
 * Every posted entry of the scope's accounts, account by account (in place order) in chain order. One scan of the
 * chain rows in (account, seq) order; names, labels and each entry's prevHash are joined here rather than in SQL
 * (a window and four more joins in the query took four times as long at street scale).
 */
export function exportJournal(db: Db, communityId: string | null): JournalExport[] {
  const accounts = exportAccounts(db, communityId);
  const labels = new Map(
    (db.prepare('SELECT direction, code, label FROM fund_categories').all() as { direction: string; code: string; label: string }[]).map((c) => [
      `${c.direction}:${c.code}`,
      c.label,
    ]),
  );
  const byAccount = new Map<string, Record<string, unknown>[]>(accounts.map((a) => [a.id, []]));
  for (const r of db.prepare(`${FUND_CHAIN_ROWS} WHERE e.status = 'posted' ORDER BY e.account_id, e.seq`).all() as Record<string, unknown>[]) {
    byAccount.get(String(r.account_id))?.push(r);
  }
  const out: JournalExport[] = [];
  for (const a of accounts) {
    let prevHash = genesisHash(fundChainName(a.id));
    for (const r of byAccount.get(a.id)!) {
      const e: Record<string, unknown> = { accountName: a.name, estateName: a.estateName, community: a.community, prevHash };
      for (const [column, name] of NAMES) e[name] = r[column] ?? null;
      e.categoryLabel = labels.get(`${String(r.direction)}:${String(r.category)}`) ?? String(r.category);
      prevHash = String(r.hash);
      out.push(e as unknown as JournalExport);
    }
  }
  return out;
}

/** The chain row's columns a record carries (with seq and hash and the stamps), in the record's field order. */
const FIELDS = [
  'id', 'account_id', 'seq', 'hash', 'on_date', 'direction', 'category', 'amount', 'counterparty', 'voucher_no', 'purpose', 'elevators', 'attachments', 'reverses_id', 'override_reason',
  'opening_balance', 'opened_on', 'company_signer_id', 'company_signer_name', 'company_signed_at', 'company_approved_hash',
  'committee_signer_id', 'committee_signer_name', 'committee_signed_at', 'committee_approved_hash', 'operator', 'created_at',
  'posted_by', 'posted_at', 'updated_at',
] as const;

const NAMES = FIELDS.map((column) => [column, fieldOfColumn(column)] as const);
