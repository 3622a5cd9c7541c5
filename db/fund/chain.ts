import { hash } from 'node:crypto';
import { canonical, CANONICAL_VERSION, chainHash, genesisHash } from '../ledger/canonical';
import { fieldsOf, recordedHead, type ChainSpec } from '../ledger/chain';
import type { ChainHead } from '../ledger/types';
import type { Db } from '../open';
import { disclosedHeads } from './disclosures';

/**
 * Each fund account is a hash chain of its posted entries (LEDGER.md; docs/fund.md, "The canonical form"). An
 * entry's canonical form covers its content, the account's opening balance and date, and both sign-offs (who,
 * when, the draft hash each approved), so a changed opening balance or a sign-off moved to another person breaks
 * the chain as surely as a changed amount. The row hashed is FUND_CHAIN_ROWS's: the entry joined with its
 * account and sign-offs.
 */

/** The draft content a signer approves, in canonical order (also the start of the chain's fields). */
const CONTENT_FIELDS = [
  { column: 'id', kind: 'text' },
  { column: 'account_id', kind: 'text' },
  { column: 'on_date', kind: 'date' },
  { column: 'direction', kind: 'text' },
  { column: 'category', kind: 'text' },
  { column: 'amount', kind: 'int' },
  { column: 'counterparty', kind: 'text' },
  { column: 'voucher_no', kind: 'text' },
  { column: 'purpose', kind: 'text' },
  { column: 'elevators', kind: 'text' },
  { column: 'attachments', kind: 'text' },
  { column: 'reverses_id', kind: 'text' },
  { column: 'override_reason', kind: 'text' },
] as const satisfies ChainSpec['fields'];

/** The content alone, as a spec so that db/ledger's fieldsOf reads it (never a chain: nothing is stored under it). */
const DRAFT_CONTENT: ChainSpec = { name: 'fund-draft', label: '基金支出草稿', table: 'fund_entries', fields: CONTENT_FIELDS };

const signoffFields = (side: 'company' | 'committee') =>
  (['signer_id', 'signer_name', 'signed_at', 'approved_hash'] as const).map((f) => ({ column: `${side}_${f}`, kind: 'text' as const }));

const CHAIN_FIELDS: ChainSpec['fields'] = [
  ...CONTENT_FIELDS,
  { column: 'opening_balance', kind: 'int' },
  { column: 'opened_on', kind: 'date' },
  ...signoffFields('company'),
  ...signoffFields('committee'),
  { column: 'operator', kind: 'text' },
  { column: 'created_at', kind: 'text' },
  { column: 'posted_by', kind: 'text' },
  { column: 'posted_at', kind: 'text' },
];

const signoffJoin = (side: 'company' | 'committee') => {
  const s = `${side}_so`;
  const p = `${side}_sg`;
  return {
    columns: `${p}.id AS ${side}_signer_id, ${p}.name AS ${side}_signer_name, ${s}.signed_at AS ${side}_signed_at, ${s}.draft_hash AS ${side}_approved_hash`,
    join: `LEFT JOIN fund_signoffs ${s} ON ${s}.id = e.${side}_signoff_id LEFT JOIN fund_signatories ${p} ON ${p}.id = ${s}.signatory_id`,
  };
};
const company = signoffJoin('company');
const committee = signoffJoin('committee');

/** Every entry as its chain hashes it (filter with `e.`). */
export const FUND_CHAIN_ROWS = `
  SELECT e.*, a.opening_balance, a.opened_on, ${company.columns}, ${committee.columns}
  FROM fund_entries e JOIN fund_accounts a ON a.id = e.account_id ${company.join} ${committee.join}`;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const fundChainName = (accountId: string): string => `fund:${accountId}`;

/**
 * An account's chain for db/ledger's verifyChain, which reads `table` only in FROM clauses: here a subquery of
 * the account's posted entries. Written through postToChain, not chainWriter (entries are posted from drafts).
 */
export const fundChainSpec = (accountId: string, accountName: string): ChainSpec => ({
  name: fundChainName(accountId),
  label: `电梯维保基金流水（${accountName}）`,
  table: `(${FUND_CHAIN_ROWS} WHERE e.account_id = ${quote(accountId)} AND e.status = 'posted')`,
  fields: CHAIN_FIELDS,
});

/** An account's chain held to every head its disclosures printed (LEDGER.md, "Witnesses"): what verify walks. */
export const witnessedFundChain = (db: Db, accountId: string, accountName: string): ChainSpec => ({
  ...fundChainSpec(accountId, accountName),
  witnessed: disclosedHeads(db, accountId),
});

/** Every account's chain with its disclosed heads, for 核对数据. */
export function fundChains(db: Db): ChainSpec[] {
  const accounts = db.prepare('SELECT id, name FROM fund_accounts ORDER BY created_at, id').all() as { id: string; name: string }[];
  return accounts.map((a) => witnessedFundChain(db, a.id, a.name));
}

/** A new account's empty chain: its head at seq 0, hash_0. */
export function startFundChain(db: Db, accountId: string): void {
  const name = fundChainName(accountId);
  db.prepare('INSERT INTO ledger_heads (chain, seq, hash) VALUES (?, 0, ?)').run(name, genesisHash(name));
}

/**
 * The draft hash a sign-off records: SHA-256 of `SDL1-draft` ‖ canonical(content) (the content fields above),
 * hex. Any edit of the draft changes it, so a sign-off given before the edit no longer matches and does not count.
 */
export const draftHash = (row: Record<string, unknown>): string =>
  hash('sha256', `${CANONICAL_VERSION}-draft${canonical(fieldsOf(DRAFT_CONTENT, row))}`, 'hex');

/** The next link of an account's chain for an entry about to be posted, given its FUND_CHAIN_ROWS row as posted. */
export function nextLink(db: Db, spec: ChainSpec, row: Record<string, unknown>): ChainHead {
  const head = recordedHead(db, spec);
  if (!head) throw new Error(`${spec.name} has no chain head`);
  return { seq: head.seq + 1, hash: chainHash(head.hash, fieldsOf(spec, row)) };
}
