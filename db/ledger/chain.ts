import type { Db } from '../open';
import { chainHash, genesisHash, type CanonicalField, type FieldKind } from './canonical';
import type { ChainHead } from './types';
export type { ChainHead } from './types';

/**
 * A hash chain over a ledger table (docs/architecture.md, "Ledgers"): every row carries a gap-free `seq` and
 * `hash` = SHA-256(tag ‖ previous hash ‖ canonical(row)) (db/ledger/canonical.ts), and `ledger_heads` holds each
 * chain's last (seq, hash), kept by a trigger. Rows are written only through chainWriter; a BEFORE INSERT trigger
 * refuses a row whose seq is not the head's + 1, so a writer that skips the chain fails loudly instead of leaving
 * an unchained row.
 */

export interface ChainSpec {
  /** The chain's name: in its hash_0, in ledger_heads and in reports. */
  name: string;
  /** The ledger's Chinese name, for messages. */
  label: string;
  table: string;
  /** The columns hashed, in canonical order. Changing this list is a new canonical version, never an edit. */
  fields: readonly { column: string; kind: FieldKind }[];
  /**
   * Heads recorded outside the chain (a printed statement's, a package's) that it must still pass through:
   * db/ledger/verify.ts holds the chain to them, so a consistently recomputed chain is caught.
   */
  witnessed?: readonly ChainHead[];
}

export const fieldsOf = (spec: ChainSpec, row: Record<string, unknown>): CanonicalField[] =>
  spec.fields.map((f) => ({ kind: f.kind, value: row[f.column] }));

/** The head the app recorded when it last appended (seq 0 and hash_0 for an empty chain). */
export function recordedHead(db: Db, spec: ChainSpec): ChainHead | undefined {
  return db.prepare('SELECT seq, hash FROM ledger_heads WHERE chain = ?').get(spec.name) as ChainHead | undefined;
}

/**
 * Appends rows to the chain, holding the head in memory after reading it once: a bulk load (the seed's million
 * points entries) hashes each row without looking the head up again. Use one writer within one transaction.
 */
export function chainWriter(db: Db, spec: ChainSpec): (row: Record<string, unknown>) => ChainHead {
  let head = recordedHead(db, spec);
  if (!head) throw new Error(`chain ${spec.name} has no head: migration 007 not applied`);
  const columns = spec.fields.map((f) => f.column);
  const insert = db.prepare(
    `INSERT INTO ${spec.table} (${columns.join(', ')}, seq, hash) VALUES (${columns.map(() => '?').join(', ')}, ?, ?)`,
  );
  return (row) => {
    const next = { seq: head!.seq + 1, hash: chainHash(head!.hash, fieldsOf(spec, row)) };
    insert.run(...columns.map((c) => row[c] ?? null), next.seq, next.hash);
    head = next;
    return next;
  };
}

/** One row onto the chain. */
export const appendToChain = (db: Db, spec: ChainSpec, row: Record<string, unknown>): ChainHead => chainWriter(db, spec)(row);

export const LEDGER_HEADS_SQL = `
  CREATE TABLE ledger_heads (
    chain TEXT PRIMARY KEY,
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
  ) STRICT;`;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Makes an existing table a chain: seq and hash columns, its rows chained in the order they were written
 * (`writtenOrder`, e.g. 'created_at, id'), its head recorded, and the triggers that keep the head and the
 * sequence. Runs inside the migration's transaction; the table's append-only triggers must be lifted meanwhile.
 */
export function makeChain(db: Db, spec: ChainSpec, writtenOrder: string): void {
  db.exec(`
    ALTER TABLE ${spec.table} ADD COLUMN seq INTEGER;
    ALTER TABLE ${spec.table} ADD COLUMN hash TEXT;
    UPDATE ${spec.table} SET seq = o.seq
      FROM (SELECT rowid AS r, ROW_NUMBER() OVER (ORDER BY ${writtenOrder}) AS seq FROM ${spec.table}) o
      WHERE o.r = ${spec.table}.rowid;
    CREATE UNIQUE INDEX ${spec.table}_seq ON ${spec.table} (seq);
  `);
  const select = db.prepare(`SELECT rowid AS r, * FROM ${spec.table} WHERE seq > ? ORDER BY seq LIMIT 5000`);
  const setHash = db.prepare(`UPDATE ${spec.table} SET hash = ? WHERE rowid = ?`);
  let head: ChainHead = { seq: 0, hash: genesisHash(spec.name) };
  for (;;) {
    const rows = select.all(head.seq) as (Record<string, unknown> & { r: number; seq: number })[];
    if (rows.length === 0) break;
    for (const row of rows) {
      head = { seq: row.seq, hash: chainHash(head.hash, fieldsOf(spec, row)) };
      setHash.run(head.hash, row.r);
    }
  }
  const name = quote(spec.name);
  db.exec(`
    INSERT INTO ledger_heads (chain, seq, hash) VALUES (${name}, ${head.seq}, ${quote(head.hash)});
    CREATE TRIGGER ${spec.table}_chain_next BEFORE INSERT ON ${spec.table}
      WHEN NEW.seq IS NOT (SELECT seq + 1 FROM ledger_heads WHERE chain = ${name}) OR length(NEW.hash) IS NOT 64
      BEGIN SELECT RAISE(ABORT, ${quote(`${spec.label}只能由程序按顺序追加（序号或校验码不对）`)}); END;
    CREATE TRIGGER ${spec.table}_chain_head AFTER INSERT ON ${spec.table}
      BEGIN UPDATE ledger_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = ${name}; END;
  `);
}
