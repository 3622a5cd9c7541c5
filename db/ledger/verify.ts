import type { Db } from '../open';
import { chainHash, genesisHash } from './canonical';
import { fieldsOf, recordedHead, type ChainSpec } from './chain';
import type { ChainBreak, ChainHead, ChainVerification } from './types';
export type { BreakKind, ChainBreak, ChainVerification } from './types';

/**
 * Walks a chain in seq order and names its first break:
 * - changed:       the entry's content no longer gives its hash;
 * - missing:       a seq is absent (an entry deleted), or the chain ends before the head the app recorded;
 * - inserted:      an entry beyond the recorded head, a duplicate seq, or an entry whose neighbours chain to each
 *                  other without it;
 * - reordered:     the entry is genuine (a later entry is its true predecessor) but stands in the wrong place;
 * - head-mismatch: the chain holds together but does not pass through a head witnessed earlier (a printed
 *                  statement, a package; the spec's own `witnessed` and the caller's): it was consistently
 *                  recomputed.
 * A chain recomputed together with ledger_heads is caught only by a witnessed head: whoever can edit the file can
 * rewrite both.
 */

interface StoredRow extends Record<string, unknown> {
  seq: number;
  hash: string;
}

/** How far past a break to look for where the out-of-place entries belong. */
const LOOKAHEAD = 10_000;
const STOP_EVERY = 1_000;

function hashOf(spec: ChainSpec, previous: string, row: Record<string, unknown>): string | null {
  try {
    return chainHash(previous, fieldsOf(spec, row));
  } catch {
    return null; // a value no longer of its kind (an int column holding text): the entry was changed
  }
}

/** At the first entry whose hash does not follow from its predecessor's: what happened there. */
function classify(db: Db, spec: ChainSpec, row: StoredRow, previous: string, beforePrevious: string | null): ChainBreak {
  if (beforePrevious !== null && hashOf(spec, beforePrevious, row) === row.hash) return { seq: row.seq - 1, kind: 'inserted' };
  const later = db.prepare(`SELECT * FROM ${spec.table} WHERE seq > ? ORDER BY seq LIMIT ${LOOKAHEAD}`).all(row.seq) as StoredRow[];
  if (later.some((r) => hashOf(spec, r.hash, row) === row.hash)) return { seq: row.seq, kind: 'reordered' };
  if (later.some((r) => hashOf(spec, previous, r) === r.hash)) return { seq: row.seq, kind: 'inserted' };
  return { seq: row.seq, kind: 'changed' };
}

export function verifyChain(
  db: Db,
  spec: ChainSpec,
  opts: { witnessed?: readonly ChainHead[]; shouldStop?: () => boolean } = {},
): ChainVerification {
  const recorded = recordedHead(db, spec);
  const witnessed = new Map([...(spec.witnessed ?? []), ...(opts.witnessed ?? [])].map((h) => [h.seq, h.hash]));
  let head: ChainHead = { seq: 0, hash: genesisHash(spec.name) };
  let beforePrevious: string | null = null;
  let entries = 0;
  const result = (brk: ChainBreak | null, complete = true): ChainVerification => ({ chain: spec.name, entries, head, break: brk, complete });

  let found: ChainBreak | null = null;
  let stopped = false;
  let broken: StoredRow | null = null;
  for (const row of db.prepare(`SELECT * FROM ${spec.table} ORDER BY seq`).iterate() as IterableIterator<StoredRow>) {
    if (entries > 0 && entries % STOP_EVERY === 0 && opts.shouldStop?.()) {
      stopped = true;
      break;
    }
    if (row.seq !== head.seq + 1) found = row.seq > head.seq + 1 ? { seq: head.seq + 1, kind: 'missing' } : { seq: row.seq, kind: 'inserted' };
    else if (recorded && row.seq > recorded.seq) found = { seq: row.seq, kind: 'inserted' };
    else if (hashOf(spec, head.hash, row) !== row.hash) broken = row;
    else if (recorded?.seq === row.seq && recorded.hash !== row.hash) found = { seq: row.seq, kind: 'changed' };
    else if (witnessed.has(row.seq) && witnessed.get(row.seq) !== row.hash) found = { seq: row.seq, kind: 'head-mismatch' };
    if (found || broken) break;
    beforePrevious = head.hash;
    head = { seq: row.seq, hash: row.hash };
    entries++;
  }
  // The statement is done with (the loop has left it), so classifying may query the table again.
  if (broken) return result(classify(db, spec, broken, head.hash, beforePrevious));
  if (found) return result(found);
  if (stopped) return result(null, false);
  if (recorded && head.seq < recorded.seq) return result({ seq: head.seq + 1, kind: 'missing' });
  const beyond = [...witnessed.keys()].filter((seq) => seq > head.seq).sort((a, b) => a - b)[0];
  return result(beyond === undefined ? null : { seq: beyond, kind: 'head-mismatch' });
}
