import { nowIso } from '../moment';
import type { Db } from '../open';
import { FUND_CHAIN_ROWS, fundChainSpec, nextLink } from './chain';

/**
 * Posts a draft onto its account's chain: first the posting facts (the two sign-offs, who and when) while it is
 * still a draft, then the row as its chain hashes it is read back and the status, seq and hash set in one update,
 * which the migration's triggers check against the account's head and then advance. The caller's transaction
 * holds both, and has checked the rules (docs/fund.md).
 */
export function postToChain(
  db: Db,
  entry: { id: string; accountId: string },
  signoffs: { company: string | null; committee: string | null },
  operator: string,
): { seq: number; hash: string } {
  db.prepare('UPDATE fund_entries SET company_signoff_id = ?, committee_signoff_id = ?, posted_at = ?, posted_by = ? WHERE id = ?')
    .run(signoffs.company, signoffs.committee, nowIso(), operator, entry.id);
  const row = db.prepare(`${FUND_CHAIN_ROWS} WHERE e.id = ?`).get(entry.id) as Record<string, unknown>;
  const link = nextLink(db, fundChainSpec(entry.accountId, ''), row);
  db.prepare("UPDATE fund_entries SET status = 'posted', seq = ?, hash = ?, updated_at = ? WHERE id = ?").run(link.seq, link.hash, nowIso(), entry.id);
  return link;
}
