/**
 * The row types of db/submission/'s repositories, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// log.ts

export interface SubmissionFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface SubmissionEntry {
  direction: 'export' | 'import';
  kind: 'register' | 'monthly' | 'package';
  /** What it was, in Chinese: 党员花名册, 月度上报, 数据包导入. */
  title: string;
  period: string | null;
  /** Exports: the unit the files speak for; imports: the unit the package came from. */
  unit: { level: string; name: string; code: string };
  files: SubmissionFile[];
  rowCounts: Record<string, number>;
  /** Imports: what changed (new, updated, unchanged, conflicts…). */
  result: Record<string, number> | null;
  unmasked: boolean;
  packageId: string | null;
  /** An import that was refused: why (nothing was written but this entry). Absent or null otherwise. */
  refusal?: { reason: string; message: string } | null;
}

export interface SubmissionRow extends SubmissionEntry {
  id: string;
  operator: string;
  at: string;
}

/**
 * 汇总概览's counts per consolidated unit, from the figures the copies' writers keep (figures.ts: the keys, and
 * why they are kept rather than counted there; migration 039): a few rows per unit, however many copies.
 */
export interface UnitCounts {
  members: number;
  full: number;
  probationary: number;
  orgs: number;
  volunteers: number;
  /** Tenths of an hour / of a point, in `year`. */
  hours: number;
  points: number;
  /** 民呼必应 in `month`: received, 办结, of those evaluated and 满意 (满意 + 基本满意); still being handled past the deadline today. */
  received: number;
  done: number;
  rated: number;
  satisfied: number;
  overdue: number;
}
