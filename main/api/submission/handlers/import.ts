import type { Db } from '../../../../db/open';
import { getInstallation } from '../../../../db/settings';
import { pinnedKey } from '../../../../db/submission/keys';
import { firstImportOf, importsLogged, insertSubmission } from '../../../../db/submission/log';
import type { Manifest } from '../../../export/package/manifest';
import { openPackage, PackageRefused, type OpenedPackage } from '../../../export/package/read';
import { readSigningKey } from '../../../export/package/signing';
import { sha256Hex } from '../../../export/package/write';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import { asDomainError, onlyKeyChanged, pinOnFirstPackage, refusalOf, replaceKey } from '../accept';
import { applyImport, planImport } from '../consolidate';
import { importReporter, importTask, openInPhases } from '../import-phases';
import type { submissionContract } from '../contract';
import type { PackageInspection } from '../types';
import { packageTables } from '../modules';
import { consolidatedCopies, verifyTables } from '../verify-tables';

type C = typeof submissionContract;

/** Why this installation does not take a package (refusalOf), carrying the manifest the log names; or null. */
function refusalHere(ctx: Pick<Ctx, 'db' | 'services'>, m: Manifest): PackageRefused | null {
  const refusal = refusalOf(ctx.db, getInstallation(ctx.db)!, readSigningKey(ctx.services.dataDir)?.publicKey ?? null, m);
  if (refusal) refusal.manifest = m;
  return refusal;
}

/**
 * Whether this installation takes the opened package (refusalOf), then the tables' own checks across records
 * (verifyTables: the ledger chains). `keyChange`: an administrator accepting a unit's new key — every rule but
 * the pinned key's applies.
 */
function accept(ctx: Pick<Ctx, 'db' | 'services'>, opened: OpenedPackage, keyChange = false): void {
  const refusal = refusalHere(ctx, opened.manifest);
  if (keyChange) onlyKeyChanged(refusal);
  else if (refusal) throw refusal;
  verifyTables(consolidatedCopies(ctx.db), opened);
}

/** Opens and checks a package completely; a refusal carries the sentence to show. */
function open(ctx: Pick<Ctx, 'db' | 'services'>, base64: string, keyChange = false): OpenedPackage {
  const opened = openPackage(Buffer.from(base64, 'base64'), packageTables);
  accept(ctx, opened, keyChange);
  return opened;
}

/** The key an inspection shows: its fingerprint and whether it is pinned here already, or the change refused. */
function keyFacts(db: Db, m: Manifest): Pick<PackageInspection, 'signer' | 'keyChange'> {
  const pinned = pinnedKey(db, m.source.code);
  const same = pinned?.publicKey === m.signer.publicKey;
  return {
    signer: { fingerprint: m.signer.fingerprint, pinnedAt: same ? pinned.pinnedAt : null },
    keyChange: pinned && !same ? { pinned: pinned.fingerprint, pinnedAt: pinned.pinnedAt, incoming: m.signer.fingerprint } : null,
  };
}


const rowCountsOf = (opened: OpenedPackage) => Object.fromEntries(opened.manifest.tables.map((t) => [t.name, t.rows]));

export const importHandlers: Pick<Handlers<C>, 'submission.inspectPackage' | 'submission.importPackage' | 'submission.acceptKeyChange'> = {
  /** What is inside and what importing it would change, or why it is refused; writes nothing. */
  'submission.inspectPackage': ({ fileName, contentBase64: base64 }, ctx) => {
    const { db } = ctx;
    const file = { fileName, sha256: sha256Hex(Buffer.from(base64, 'base64')), bytes: Buffer.byteLength(base64, 'base64') };
    try {
      const opened = open(ctx, base64);
      const m = opened.manifest;
      return {
        ...file,
        refusal: null,
        checks: opened.checks,
        manifest: {
          packageId: m.packageId,
          source: m.source,
          period: m.period,
          createdAt: m.createdAt,
          createdBy: m.createdBy,
          personalData: m.personalData,
          units: m.units,
          tables: opened.tables.map((t) => ({ name: t.entry.name, title: t.def.title, rows: t.entry.rows })),
        },
        preview: planImport(db, opened).counts,
        importedBefore: firstImportOf(db, m.packageId),
        ...keyFacts(db, m),
      };
    } catch (err) {
      if (!(err instanceof PackageRefused)) throw err;
      const keys = err.reason === 'PACKAGE_KEY_CHANGED' && err.manifest ? keyFacts(db, err.manifest) : { signer: null, keyChange: null };
      return { ...file, refusal: { reason: err.reason, message: err.message }, checks: [], manifest: null, preview: null, importedBefore: null, ...keys };
    }
  },

  /**
   * An administrator accepts a unit's new signing key (a reinstalled laptop), having compared its fingerprint
   * with the one printed on the unit's signed 上报汇总表: the package must pass every other check. Audited with
   * both fingerprints; the package is then imported as usual.
   */
  'submission.acceptKeyChange': ({ fileName, contentBase64: base64 }, ctx) => {
    const opened = (() => {
      try {
        return open(ctx, base64, true);
      } catch (err) {
        throw asDomainError(err);
      }
    })();
    return replaceKey(ctx, opened.manifest, fileName);
  },

  /**
   * All or nothing, phase by phase for the progress bar (`jobId`, progress.ts): a task, so it can yield while
   * it checks — reading, the signature, each table, the acceptance rules and ledger chains, writing nothing —
   * then one transaction with every write, its log entry and audit. That transaction holds the rules to the data
   * as it is then: the acceptance rules again (cheap; a key accepted meanwhile), the chains again only if
   * another package was imported meanwhile, and the plan made inside it. A refused package writes nothing but
   * its refusal in the log.
   */
  'submission.importPackage': ({ fileName, contentBase64: base64, jobId }, ctx) =>
    importTask(ctx, { fileName, contentBase64: base64 }, async () => {
      const { db, operator, audit } = ctx;
      const progress = importReporter(jobId);
      const bytes = Buffer.from(base64, 'base64');
      const opened = await openInPhases(bytes, packageTables, progress);
      await progress.phase('核对来源和账本链');
      const imports = importsLogged(db);
      accept(ctx, opened);
      const m = opened.manifest;
      await progress.phase(`写入汇总数据（${m.tables.reduce((n, t) => n + t.rows, 0).toLocaleString('zh-CN')} 条）`);
      const out = db.transaction(() => {
        const refusal = refusalHere(ctx, m);
        if (refusal) throw refusal;
        if (importsLogged(db) !== imports) verifyTables(consolidatedCopies(db), opened);
        const plan = planImport(db, opened);
        applyImport(db, opened, plan);
        pinOnFirstPackage(db, m, operator, audit);
        const row = insertSubmission(
          db,
          {
            direction: 'import',
            kind: 'package',
            title: '数据包导入',
            period: m.period,
            unit: { level: m.source.level, name: m.source.name, code: m.source.code },
            files: [{ name: fileName, sha256: sha256Hex(bytes), bytes: bytes.length }],
            rowCounts: rowCountsOf(opened),
            result: { ...plan.counts },
            unmasked: m.personalData === 'full',
            packageId: m.packageId,
          },
          operator,
        );
        audit({ action: 'import', entity: 'submission', entityId: row.id, after: row });
        return { counts: plan.counts, unitName: m.source.name, period: m.period, logId: row.id };
      }).immediate();
      progress.finish();
      return out;
    }),
};
