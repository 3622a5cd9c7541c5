import { AUDIT_CHAIN } from './audit';
import { ELEVATOR_LAST_ROUTINE } from './elevator/routine';
import { fundChains } from './fund/chain';
import type { ChainSpec } from './ledger/chain';
import { verifyChain } from './ledger/verify';
import type { Db } from './open';
import { ORG_MEETING_MONTHS, ORG_QUARTER_MEETINGS } from './party/meeting-counts';
import { ORG_MEMBER_COUNTS } from './party/member-counts';
import { compareTotals, rebuildDiffering, sourceRows, type MaintainedTotals } from './reconcile';
import { POINTS_CHAIN } from './volunteer/points-chain';
import { POINTS_TOTALS, VOLUNTEER_COUNTS, VOLUNTEER_LINKABLE } from './volunteer/totals';
import type { ChainCheck, IntegrityReport, RebuiltTotals, TotalsCheck } from './types';
export type { ChainCheck, IntegrityReport, RebuiltTotals, TotalsCheck } from './types';

/**
 * Everything derived or chained that "核对数据" checks, in one place: a module adds its maintained totals
 * (db/reconcile.ts's MaintainedTotals) and its ledgers' chains (db/ledger/chain.ts's ChainSpec) to these lists.
 * Cheap checks first, so a time-boxed check at start reaches as many as it can.
 */
export const MAINTAINED_TOTALS: readonly MaintainedTotals[] = [ORG_MEMBER_COUNTS, ORG_MEETING_MONTHS, ORG_QUARTER_MEETINGS, VOLUNTEER_COUNTS, VOLUNTEER_LINKABLE, ...POINTS_TOTALS, ELEVATOR_LAST_ROUTINE];
export const LEDGER_CHAINS: readonly ChainSpec[] = [AUDIT_CHAIN, POINTS_CHAIN];
/** Ledgers with a chain per account (the elevator fund's), listed from the data at each check, each held to the heads its disclosures recorded. */
export const LEDGER_CHAIN_SOURCES: readonly ((db: Db) => ChainSpec[])[] = [fundChains];

/** Differing rows described per table; the rest are counted. */
const DETAIL_ROWS = 50;

export interface CheckLimits {
  /** Asked between tables and every thousand chain entries: true ends the check there (a time box). */
  shouldStop?: () => boolean;
  /** Totals whose source holds more rows are left unchecked (their one statement cannot be stopped midway). */
  maxSourceRows?: number;
}

/**
 * Compares every maintained total with its source and verifies every chain, within `limits` (at start): what a
 * limit leaves out is reported unchecked, a chain stopped midway as incomplete.
 */
export function checkData(db: Db, limits: CheckLimits = {}): IntegrityReport {
  const stop = limits.shouldStop ?? (() => false);
  const totals = MAINTAINED_TOTALS.map((t): TotalsCheck => {
    const base = { table: t.table, label: t.label, columns: [...t.values] };
    if (stop() || (limits.maxSourceRows !== undefined && sourceRows(db, t) > limits.maxSourceRows)) return { ...base, checked: false, differing: 0, rows: [] };
    return { ...base, checked: true, ...compareTotals(db, t, DETAIL_ROWS) };
  });
  const chains = [...LEDGER_CHAINS, ...LEDGER_CHAIN_SOURCES.flatMap((chainsOf) => chainsOf(db))].map((spec): ChainCheck => {
    if (stop()) return { chain: spec.name, label: spec.label, checked: false, entries: 0, head: null, break: null, complete: false };
    return { ...verifyChain(db, spec, { shouldStop: stop }), label: spec.label, checked: true };
  });
  return {
    totals,
    chains,
    consistent: totals.every((t) => t.differing === 0) && chains.every((c) => c.break === null),
    complete: totals.every((t) => t.checked) && chains.every((c) => c.complete),
  };
}

/** Rebuilds every differing row of every maintained total; the caller's transaction holds it all. */
export function repairTotals(db: Db): RebuiltTotals[] {
  return MAINTAINED_TOTALS.map((t) => ({ table: t.table, label: t.label, rebuilt: rebuildDiffering(db, t) }));
}
