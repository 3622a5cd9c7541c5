import type { Db } from '../open';
import { nowIso } from '../moment';

/** A chain's head: its last entry's seq and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * What the unit's packages built for months before `period` last carried of each chain of a table (migration
 * 040): the base the next package's entries continue. Per chain the newest such package's head — a package
 * rebuilt for the same month starts from the same base as the first build, so building it twice and carrying
 * the second does not leave the receiver a base it never saw.
 */
export function sentHeads(db: Db, unitCode: string, table: string, period: string): Map<string, ChainHead> {
  const rows = db
    .prepare(
      `SELECT chain, seq, hash FROM sent_chain_heads WHERE unit_code = ? AND table_name = ? AND period < ?
       ORDER BY created_at, package_id`,
    )
    .all(unitCode, table, period) as ({ chain: string } & ChainHead)[];
  return new Map(rows.map((r) => [r.chain, { seq: r.seq, hash: r.hash }]));
}

/** Records the heads a package carried (with the export's log entry, in its transaction). */
export function saveSentHeads(db: Db, packageId: string, unitCode: string, period: string, table: string, heads: ReadonlyMap<string, ChainHead>): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO sent_chain_heads (package_id, unit_code, period, table_name, chain, seq, hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = nowIso();
  for (const [chain, h] of heads) insert.run(packageId, unitCode, period, table, chain, h.seq, h.hash, at);
}
