/**
 * The row types of db/'s own files, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */
import type { ChainVerification } from './ledger/types';

// audit.ts

export interface AuditRow {
  /** The entry's place in the log's hash chain: newest first is seq descending, and the next page starts below it. */
  seq: number;
  id: string;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

// backup.ts

export type BackupReason = 'auto' | 'manual' | 'pre-migration' | 'pre-restore';

/**
 * How many backups the folder keeps (设置 → 备份): the newest of each of the last `daily` days, of each of the
 * `weekly` weeks and the `monthly` months before those, and the newest `safety` copies of each kind taken before a
 * migration or a restore; then, over `maxGigabytes` (null: no limit), the oldest go first (db/backup.ts rotateBackups).
 */
export interface BackupPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  safety: number;
  maxGigabytes: number | null;
}

/** The backup folder at a glance (设置 → 备份). */
export interface BackupFolder {
  dir: string;
  count: number;
  totalBytes: number;
  /** The newest backup holding data (not a 空库); each was integrity-checked before it got its name. */
  newestWithData: BackupInfo | null;
}

export interface BackupInfo {
  file: string;
  name: string;
  reason: BackupReason;
  /** ISO-8601 UTC, from the file name. */
  takenAt: string;
  bytes: number;
  /** Taken before first-start setup (空库): it holds no registers, and restoring it leads back to the first-start form. */
  empty: boolean;
}

// integrity-registry.ts

export interface TotalsCheck {
  table: string;
  label: string;
  columns: TotalsColumn[];
  /** False when the time box ran out before this table. */
  checked: boolean;
  differing: number;
  rows: TotalsDifference[];
}

export type ChainCheck = Omit<ChainVerification, 'head'> & {
  label: string;
  /** False when the time box ran out before this chain. */
  checked: boolean;
  head: ChainVerification['head'] | null;
};

export interface IntegrityReport {
  totals: TotalsCheck[];
  chains: ChainCheck[];
  /** Nothing found (in what was checked). */
  consistent: boolean;
  /** Every table and every chain checked to its end. */
  complete: boolean;
}

export interface RebuiltTotals {
  table: string;
  label: string;
  rebuilt: number;
}

// settings.ts

/** The levels of installation, from the top: a district takes its streets' packages, a street its communities'. */
export type UnitLevel = 'district' | 'street' | 'community';

export interface Installation {
  unitLevel: UnitLevel;
  unitName: string;
  unitCode: string;
  /** The unit above (a community's street, a street's district), named in its packages; null or absent when not given. */
  parentName?: string | null;
  parentCode?: string | null;
  operator: string;
  /** IANA time zone whose calendar day is "today" (absent: Asia/Shanghai). */
  timeZone?: string;
  /** Minutes without activity before the window locks (absent: 10). */
  lockMinutes?: number;
}

// reconcile.ts

export interface TotalsColumn {
  column: string;
  label: string;
  /** Stored in tenths (points, hours), shown with one decimal. */
  tenths?: boolean;
}

/** A count or sum; or a kept value such as a date (null: none). */
export type TotalsValue = number | string | null;

export interface TotalsDifference {
  key: { label: string; value: string | number; name: string | null }[];
  /** null: the cache lacks the row. */
  cached: Record<string, TotalsValue> | null;
  /** null: the cache has a row the source does not. */
  recomputed: Record<string, TotalsValue> | null;
}
