import type { z } from 'zod';
import type { Db } from '../../db/open';
import type { UnitLevel } from '../../db/types';
import type { Period } from './period';

/**
 * What a module declares to take part in exports and submissions (docs/export.md): its package tables (the
 * machine-readable records another StreetDesk imports), its registers (台账 sheets) and the key figures of the
 * summary sheet. The engine (main/api/submission/) does everything else: layout, masking, totals, workbooks,
 * PDFs, packages, import and consolidation.
 */

/** money: integer fen, shown as ¥1,234.56; tenths: integer tenths (hours, points), shown as 12.5. */
export type ColumnKind = 'text' | 'date' | 'int' | 'tenths' | 'money' | 'percent';

/** A cell as a register produces it: dates as `YYYY-MM-DD`, money in integer fen, tenths as integer tenths, percent as a fraction. */
export type CellValue = string | number | null;

export type ColumnTotal =
  | 'sum'
  | 'average'
  /** "共 12 次": the number of rows, with its measure word. */
  | { count: string }
  /** A rate computed from the totals of two other columns (by key), e.g. 落实率 = 已落实 / 应落实. */
  | { ratio: [numerator: string, denominator: string] };

export interface Column<R> {
  key: string;
  header: string;
  /** In characters (a Chinese character counts as 2). */
  width: number;
  kind: ColumnKind;
  value(row: R): CellValue;
  total?: ColumnTotal;
  /** Personal data: masked unless the user explicitly asks for full values (which is logged). */
  personal?: 'idCard' | 'phone';
  /** Only shown when the export covers several communities (a street's): 所属社区. */
  multiUnit?: boolean;
  /** Only shown when the export groups its units by the level below it (a district's: 街道). */
  byGroup?: boolean;
}

/** The unit whose data is read: this installation's own (local) or a lower unit's consolidated copy. */
export interface UnitInfo {
  level: UnitLevel;
  name: string;
  code: string;
}

/** Which part of the local data an export covers: everything, or one community kept at a street. */
export interface Scope {
  community: { orgId: string; placeId: string | null; name: string } | null;
}

/** Every record of a package table has a stable id (a ULID from the source) and the time it last changed. */
export interface PackageRecord {
  id: string;
  updatedAt: string;
}

/**
 * Which of the source's records a package table carries: all of them, those whose `field` lies in from..to, or
 * (a chain table sent as a delta) each chain's entries after the head the sender sent before: `after` maps a
 * chain (the record's `per` field, e.g. an account's id) to that head's `field` (seq) and hash — the witness the
 * receiver must hold; a chain not named there is carried whole. A consolidated copy inside that coverage but
 * missing from a newer package was removed at the source.
 */
export type Coverage = 'all' | { field: string; from: string; to: string } | ChainCoverage;

export interface ChainCoverage {
  field: string;
  per: string;
  after: Record<string, { seq: number; hash: string }>;
}

/** Whether a record lies inside a coverage (the copies a newer export speaks for). */
export function inCoverage(record: Record<string, unknown>, coverage: Coverage): boolean {
  if (coverage === 'all') return true;
  const v = record[coverage.field];
  if ('per' in coverage) return typeof v === 'number' && v > (coverage.after[String(record[coverage.per])]?.seq ?? 0);
  return typeof v === 'string' && v >= coverage.from && v <= coverage.to;
}

/** A table of hash chains (the fund journal: one per account), which a package may send as a delta. */
export interface ChainFields {
  /** The field naming the chain (accountId). */
  per: string;
  /** Its gap-free position (seq) and the entry's hash. */
  seq: string;
  hash: string;
}

export interface PackageTable<T extends PackageRecord = PackageRecord> {
  /** `<module>.<table>`, e.g. `party.members`; also the file name inside the package. */
  name: string;
  /** What the records are, in Chinese (inspection screens, error messages). */
  title: string;
  /** The receiving side's check of every row: a row that fails it refuses the whole package. */
  schema: z.ZodType<T>;
  /** Chinese names of the record's fields, for the read-only view of consolidated data and corrections. */
  fields: Record<string, string>;
  /** The fields a list of consolidated records shows (the rest are in the record's detail). */
  listFields: string[];
  /** Chinese names of coded values per field (status: { full: '正式党员' }), for showing a record. */
  labels?: Record<string, Record<string, string>>;
  /** Fields holding the id of another table's record (orgId → party.orgs), shown by that record's name. */
  refs?: Record<string, string>;
  /** Fields holding personal numbers: masked in packages unless the user asks for full values. */
  personal?: Record<string, 'idCard' | 'phone'>;
  coverage(period: Period): Coverage;
  /**
   * A table of hash chains: a package carries each chain's entries after the head this installation sent up
   * before (main/api/submission/chain-delta.ts), unless the clerk asks for a full package (完整上报).
   */
  chain?: ChainFields;
  /**
   * Checks across one unit's records that no row schema can make (a ledger's hash chain, the head seen before):
   * the Chinese reason to refuse the whole package, or null. Run on import, after every row passed its schema.
   */
  verify?(records: readonly T[], context: VerifyContext): string | VerifyRefusal | null;
  /**
   * What a passed `verify` tells the clerk, when it is not a hash chain's check (the default sentence names the
   * tables whose chains were recomputed and continue what was imported before).
   */
  verifiedCheck?: string;
  /** Copies of these records may not be corrected at the level above (a ledger's entries: the source reverses). */
  readOnly?: boolean;
  /**
   * The installation's own records in scope for a period (streamed: a register may hold 100k rows). `within` is a
   * reader's narrowing (the month of a year-so-far ledger): a table may apply it in SQL; UnitData.rows filters by it
   * either way.
   */
  read(db: Db, scope: Scope, period: Period, within?: Within): Iterable<T>;
}

/**
 * Only the records whose `field` (a date) lies in from..to: what a reader of a year-so-far table needs when it wants
 * the month alone — the 积分台账 sheet and 汇总 read a month of a ledger that travels with its whole year.
 */
export interface Within {
  field: string;
  from: string;
  to: string;
  /**
   * A reader that needs more than a range gives its own test instead: a month's tally of requests counts those
   * reported in the month, closed in it, or still open at its end. `field` and from..to then name the period, and a
   * table that narrows its read in SQL must keep at least what `keeps` accepts.
   */
  keeps?(record: Record<string, unknown>): boolean;
}

/** The records inside `within` (all of them without it). */
export function* inside<T>(records: Iterable<T>, within: Within | undefined): Iterable<T> {
  if (!within) return yield* records;
  for (const r of records) {
    const f = r as Record<string, unknown>;
    if (within.keeps) {
      if (within.keeps(f)) yield r;
      continue;
    }
    const v = f[within.field];
    if (typeof v === 'string' && v >= within.from && v <= within.to) yield r;
  }
}

/** A refusal that is not tampering: a delta whose base the receiver does not hold (a 完整包 is needed). */
export interface VerifyRefusal {
  reason: 'PACKAGE_BASE_MISSING';
  message: string;
}

/** What a table's `verify` sees besides its own records: the same unit's other tables, and what is already here. */
export interface VerifyContext {
  /** When the unit exported these records (`units[].exportedAt`): a copy written by a later export is newer. */
  createdAt: string;
  /** What the table holds completely: for a chain table sent as a delta, the witness of each chain it continues. */
  coverage: Coverage;
  /** The same unit's records of another table of this package (none if it does not carry that table). */
  table(name: string): readonly PackageRecord[];
  /** The copies of a table already consolidated here for this unit, as the source sent them (not corrected). */
  before(name: string): Iterable<{ record: PackageRecord; packageCreatedAt: string }>;
}

/** One unit's data as registers and summaries read it, whether kept here or consolidated from a package. */
export interface UnitData {
  unit: UnitInfo;
  /** True for this installation's own records; false for a consolidated copy (read-only). */
  local: boolean;
  /** The latest period this unit's data was submitted for (consolidated units); the export's own when local. */
  period: string;
  /** A consolidated unit: when it exported the data held here (its latest package's time), for newer-wins above. */
  exportedAt?: string;
  /**
   * In an export grouped by the level below it (a district's, `ExportTarget.groupBy`): the name of the unit of
   * that level the data belongs to — a street's own data and each of its communities', that street.
   */
  group?: string;
  rows<T extends PackageRecord>(table: PackageTable<T>, within?: Within): Iterable<T>;
}

export interface Register<R = unknown> {
  /** `<module>.<register>`, e.g. `party.members`. */
  key: string;
  /** The sheet's title after the unit name: 西里社区 + 党员花名册. */
  title: string;
  columns: Column<R>[];
  /** Added to the period line, e.g. which quarter a compliance register counts. */
  periodNote?(period: Period): string;
  rows(data: UnitData, period: Period): Iterable<R>;
  /**
   * Rows over every source of the export at once, instead of `rows` per source one after another: a ranking
   * over every person of a street and its consolidated communities is one ranking, not one per community.
   */
  across?(sources: readonly UnitData[], period: Period): Iterable<R>;
  /** Only in exports covering several units (a street's): a per-community view beside an `across` register. */
  multiUnitOnly?: boolean;
}

export interface SummaryFigure {
  key: string;
  label: string;
  /** money: integer fen, shown as ¥1,234.56 (balances, income, expense). */
  kind: 'int' | 'tenths' | 'money' | 'percent';
  width?: number;
  /** Percent figures are computed from two int figures, so totals over communities stay exact. */
  ratio?: [numerator: string, denominator: string];
}

/** A module's key figures for one community of a unit's data. */
export interface SummaryPart {
  community: string;
  values: Record<string, number>;
}

export interface ModuleExport {
  module: string;
  /** The module's name in Chinese (module choice in the monthly submission). */
  title: string;
  tables: PackageTable[];
  registers: Register[];
  summary: {
    figures: SummaryFigure[];
    /** Figures per community: a community's data gives one part, a street's own data one per community. */
    compute(data: UnitData, period: Period): SummaryPart[];
  };
}
