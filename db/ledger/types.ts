/**
 * The row types of db/ledger/'s repositories, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// chain.ts

export interface ChainHead {
  seq: number;
  hash: string;
}

// verify.ts

export type BreakKind = 'changed' | 'missing' | 'inserted' | 'reordered' | 'head-mismatch';

export interface ChainBreak {
  seq: number;
  kind: BreakKind;
}

export interface ChainVerification {
  chain: string;
  /** Entries walked. */
  entries: number;
  /** The last entry walked (seq 0 and hash_0 when none). */
  head: ChainHead;
  break: ChainBreak | null;
  /** False when `shouldStop` ended the walk before the last entry. */
  complete: boolean;
}
