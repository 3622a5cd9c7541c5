import { newId } from '../../../db/ids';
import { sentHeads, type ChainHead } from '../../../db/submission/sent-heads';
import { nowIso } from '../../../db/moment';
import { PACKAGE_EXTENSION, type Manifest } from '../../export/package/manifest';
import { streamPackage } from '../../export/package/write';
import type { ModuleExport, PackageRecord, PackageTable } from '../../export/types';
import { maskIdCard, maskPhone } from '../common/identifiers';
import { APP_VERSION } from '../system/handlers';
import type { ExportJob } from './build-workbook';
import { fileOut } from '../../export/file-out';
import type { FileOut } from '../common/files';
import { chainDelta } from './chain-delta';

export const PACKAGE_MIME = 'application/vnd.streetdesk.package+zip';

/** Personal numbers masked in every record unless the user asked for full values (the export is then logged so). */
function* masked<T extends PackageRecord>(table: PackageTable<T>, records: Iterable<T>, unmasked: boolean): Iterable<T> {
  const personal = Object.entries(table.personal ?? {});
  if (unmasked || personal.length === 0) return yield* records;
  for (const r of records) {
    const copy = { ...r } as unknown as Record<string, unknown>;
    for (const [field, kind] of personal) {
      const v = copy[field];
      if (typeof v === 'string') copy[field] = kind === 'idCard' ? maskIdCard(v) : maskPhone(v);
    }
    yield copy as T;
  }
}

/**
 * The data package of a submission: the modules' tables with the rows of every source, each under its unit's
 * code — the export's own unit and, for a street, each community it consolidated (with the period of that
 * community's latest package), so the level above can consolidate the street's submission in turn. Each table is
 * read as it is written (streamPackage): a chain's delta too, whose heads are known once the package is made.
 */
export async function buildPackage(job: ExportJob, modules: readonly ModuleExport[]): Promise<BuiltPackage> {
  const { target, period, sources, signer } = job;
  if (!signer) throw new Error('a package is signed: the job needs the installation\'s key');
  const createdAt = nowIso();
  const chainHeads = new Map<string, Map<string, ChainHead>>();
  const tableInput = (table: PackageTable) => {
    const units = sources.map((s) => ({ code: s.unit.code, records: masked(table, s.rows(table), job.unmasked) }));
    if (!table.chain) return { name: table.name, coverage: table.coverage(period), units };
    // A ledger: each chain after the head this unit's earlier months' packages carried (chain-delta.ts).
    const sent = job.full ? new Map<string, ChainHead>() : sentHeads(job.db, target.unit.code, table.name, period.key);
    const delta = chainDelta(table.chain, units, sent, table.coverage(period));
    chainHeads.set(table.name, delta.heads);
    return { name: table.name, coverage: delta.coverage, units: delta.units };
  };
  const { bytes, manifest } = await streamPackage(
    {
      packageId: newId(),
      kind: 'monthly',
      source: { ...target.unit, parent: target.parent },
      period: period.key,
      createdAt,
      createdBy: job.operator,
      app: { name: 'StreetDesk', version: APP_VERSION },
      personalData: job.unmasked ? 'full' : 'masked',
      modules: modules.map((m) => m.module),
      units: sources.map((s) => ({ ...s.unit, period: s.period, exportedAt: s.exportedAt ?? createdAt })),
    },
    modules.flatMap((m) => m.tables.map(tableInput)),
    signer,
    (n) => job.progress.rows(n),
  );
  const name = `${target.unit.name}_${period.key}_数据包${PACKAGE_EXTENSION}`;
  return { file: fileOut(name, PACKAGE_MIME, bytes), manifest, chainHeads };
}

export interface BuiltPackage {
  file: FileOut;
  manifest: Manifest;
  /** Per chain table, the head of each chain as the package left: recorded with the export (saveSentHeads). */
  chainHeads: Map<string, Map<string, ChainHead>>;
}
