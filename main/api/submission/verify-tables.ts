import type { Db } from '../../../db/open';
import { storedRows } from '../../../db/submission/consolidated';
import { PackageRefused, type OpenedPackage } from '../../export/package/read';
import type { PackageRecord, VerifyContext } from '../../export/types';

/** What a receiver already holds of a unit's table, as its source sent it (VerifyContext.before). */
export type HeldCopies = (unit: string, table: string) => ReturnType<VerifyContext['before']>;

/** A desktop's copies: those consolidated here and not removed. */
export const consolidatedCopies = (db: Db): HeldCopies =>
  function* (unit, table) {
    for (const row of storedRows(db, unit, table).values()) {
      if (row.removedAt === null) yield { record: JSON.parse(row.record) as PackageRecord, packageCreatedAt: row.packageCreatedAt };
    }
  };

/**
 * The tables' own checks across records (PackageTable.verify: the fund journal's hash chains, its reconciliations'
 * content hashes), run on a package that passed every file and row check, against what the receiver holds
 * (`held`: a desktop's consolidated copies, or the warehouse's rows — scripts/lib/warehouse/load.ts), so both
 * refuse the same packages. The first reason refuses the whole package, as a tampered one (or, for a delta whose
 * base is not held, PACKAGE_BASE_MISSING): nothing is written. Each unit is held to its own export time (a community
 * inside a street's package: when the community exported it), so a history rewritten at any level is caught.
 */
export function verifyTables(held: HeldCopies, opened: OpenedPackage): void {
  const byName = new Map(opened.tables.map((t) => [t.entry.name, t]));
  const exportedAt = new Map(opened.manifest.units.map((u) => [u.code, u.exportedAt]));
  const verified: string[] = [];
  for (const t of opened.tables) {
    if (!t.def.verify) continue;
    for (const [unit, records] of t.units) {
      const reason = t.def.verify(records, {
        createdAt: exportedAt.get(unit)!,
        coverage: t.entry.coverage,
        table: (name) => byName.get(name)?.units.get(unit) ?? [],
        before: (name) => held(unit, name),
      });
      if (typeof reason === 'string') throw new PackageRefused(reason, 'PACKAGE_TAMPERED');
      if (reason) throw new PackageRefused(reason.message, reason.reason);
    }
    if (t.entry.rows > 0 && t.def.verifiedCheck) opened.checks.push(t.def.verifiedCheck);
    else if (t.entry.rows > 0) verified.push(t.def.title);
  }
  if (verified.length) opened.checks.push(`${verified.join('、')}的校验链逐笔重算一致，且延续此前导入的记录`);
}
