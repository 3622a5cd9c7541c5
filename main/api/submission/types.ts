import type { SubmissionRow, UnitCounts } from '../../../db/submission/types';
import type { UnitLevel } from '../../../db/types';

/** What the submission channels return (the renderer reads these types through the contract). */

export interface RegisterInfo {
  key: string;
  title: string;
  module: string;
  moduleTitle: string;
  /** The register holds personal numbers (masked unless the user asks). */
  hasPersonalData: boolean;
  /** Only meaningful for an export covering several units (a street's per-community view). */
  multiUnitOnly: boolean;
}

export interface SubmissionProgress {
  step: number;
  total: number;
  label: string;
  rows: number;
  done: boolean;
}

/** What an import changed (or would change), record by record. */
export interface ImportCounts {
  /** Records seen for the first time. */
  new: number;
  /** Copies replaced by the source's newer version. */
  updated: number;
  unchanged: number;
  /** Versions older than the copy already here (a package arriving late): ignored. */
  older: number;
  /** Removed at the source (absent from a newer package that covers them). */
  removed: number;
  /** Changed at the source and corrected here: left for the user to decide. */
  conflicts: number;
}

export interface PackageInspection {
  fileName: string;
  sha256: string;
  bytes: number;
  /** Null when the package passed every check; else why it is refused (nothing would be written). */
  refusal: { reason: string; message: string } | null;
  checks: string[];
  manifest: {
    packageId: string;
    source: { level: string; name: string; code: string; parent: { level: string; name: string; code: string } | null };
    period: string;
    createdAt: string;
    createdBy: string;
    personalData: 'masked' | 'full';
    units: { level: string; name: string; code: string; period: string }[];
    tables: { name: string; title: string; rows: number }[];
  } | null;
  /** What importing it would change here. */
  preview: ImportCounts | null;
  /** When this same package was imported before (from the log), if it was. */
  importedBefore: string | null;
  /** The key that signed it: its fingerprint, and when it was pinned here (null: this import will pin it). */
  signer: { fingerprint: string; pinnedAt: string | null } | null;
  /** Refused for another key than the pinned one: both fingerprints, for an administrator to compare with paper. */
  keyChange: { pinned: string; pinnedAt: string; incoming: string } | null;
}

export interface ConsolidatedUnitView {
  code: string;
  level: string;
  name: string;
  /** The unit above it as its packages named it (a community inside a street's package: that street). */
  parentCode: string | null;
  /** That unit's name when it is consolidated here too (at a district: a community's street); else null. */
  parentName: string | null;
  period: string;
  packageCreatedAt: string;
  importedAt: string;
  /** The fingerprint of the signing key pinned for the unit (compare with its signed 上报汇总表). */
  fingerprint: string | null;
  tables: { name: string; title: string; rows: number; corrected: number; removed: number; listFields: { key: string; label: string }[] }[];
  pendingConflicts: number;
}

export type FieldValue = string | number | boolean | null;

export interface ConsolidatedRecordView {
  unitCode: string;
  table: string;
  recordId: string;
  /** Every field with its Chinese name and shown value; `corrected` marks a field changed here. */
  fields: {
    key: string;
    label: string;
    value: FieldValue;
    display: string;
    corrected: boolean;
    editable: boolean;
    /** A coded field's choices (value → Chinese name), for correcting it. */
    options?: { value: string; label: string }[];
  }[];
  corrected: boolean;
  removed: boolean;
  localEditedAt: string | null;
  localOperator: string | null;
}

export interface ConflictView {
  id: string;
  unitCode: string;
  unitName: string;
  table: string;
  tableTitle: string;
  recordId: string;
  /** The record as people know it: a member's name, a meeting's date and topic. */
  recordLabel: string;
  status: 'pending' | 'kept_mine' | 'took_theirs';
  detectedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** The source removed the record while it had a correction here. */
  removedAtSource: boolean;
  differences: { field: string; label: string; mine: string; theirs: string }[];
}

export type SubmissionLogRow = SubmissionRow;

/**
 * 汇总概览's figures of one unit (or of a sum of units), as the units' latest packages say: the counts kept per
 * unit (db/submission/overview.ts — members, orgs, volunteers, hours and points in tenths, this month's 民呼必应),
 * and this quarter's organisational life: branches and those with nothing missing, from units whose latest package
 * is of this quarter (a package carries the quarter's meetings so far); `compliancePending` counts the units whose
 * latest package is older, which have no figure for it.
 */
export interface OverviewFigures extends UnitCounts {
  branches: number;
  compliant: number;
  compliancePending: number;
}

export interface OverviewUnit {
  code: string;
  name: string;
  level: UnitLevel;
  /** The latest period it reported for, and when its latest package was exported (what every figure is as of). */
  period: string;
  exportedAt: string;
  /** Its latest package is for an earlier month than this one. */
  stale: boolean;
  figures: OverviewFigures;
}

/** A row of the overview: a lower unit, and at a district each street's communities under it (its figures summed with theirs). */
export interface OverviewRow extends OverviewUnit {
  children: OverviewUnit[];
  /** The oldest and newest export time among the unit and its children. */
  oldestExport: string;
  newestExport: string;
}

/** A leader of the year over every consolidated person (积分排行's rule); `street` at a district only. */
export interface OverviewLeader {
  rank: number;
  name: string;
  street: string | null;
  community: string;
  /** Tenths. */
  earned: number;
  hours: number;
}

export interface ConsolidatedOverview {
  today: string;
  year: number;
  quarter: number;
  month: string;
  /** The level of the rows (community at a street, street at a district). */
  rowLevel: UnitLevel;
  rows: OverviewRow[];
  total: OverviewFigures;
  oldestExport: string | null;
  newestExport: string | null;
  /** The year's first ten by points earned. */
  leaders: OverviewLeader[];
}
