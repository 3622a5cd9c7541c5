import type { Db } from '../../../../db/open';
import { getInstallation } from '../../../../db/settings';
import { firstImportOf, insertSubmission } from '../../../../db/submission/log';
import { openPackage, PackageRefused, type OpenedPackage } from '../../../export/package/read';
import { sha256Hex } from '../../../export/package/write';
import { DomainError } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import { refusalOf } from '../accept';
import { applyImport, planImport } from '../consolidate';
import type { submissionContract } from '../contract';
import { packageTables } from '../modules';

type C = typeof submissionContract;

/** Opens and checks a package completely; a refusal carries the sentence to show. */
function open(db: Db, base64: string): { bytes: Buffer; opened: OpenedPackage } {
  const bytes = Buffer.from(base64, 'base64');
  const opened = openPackage(bytes, packageTables);
  const refusal = refusalOf(db, getInstallation(db)!, opened.manifest);
  if (refusal) {
    refusal.manifest = opened.manifest;
    throw refusal;
  }
  return { bytes, opened };
}

const asDomainError = (err: unknown): unknown =>
  err instanceof PackageRefused ? new DomainError('DOMAIN', err.message, err.reason) : err;

const UNKNOWN_UNIT = { level: '', name: '（无法识别）', code: '' };

/** A refused import in the log (and the audit): what was tried, from whom it claims to be, and why not. */
function logRefusal(db: Db, operator: string, audit: Ctx['audit'], fileName: string, base64: string, err: PackageRefused): void {
  const bytes = Buffer.from(base64, 'base64');
  const m = err.manifest;
  const row = insertSubmission(
    db,
    {
      direction: 'import',
      kind: 'package',
      title: '数据包导入（未导入）',
      period: m?.period ?? null,
      unit: m ? { level: m.source.level, name: m.source.name, code: m.source.code } : UNKNOWN_UNIT,
      files: [{ name: fileName, sha256: sha256Hex(bytes), bytes: bytes.length }],
      rowCounts: m ? Object.fromEntries(m.tables.map((t) => [t.name, t.rows])) : {},
      result: null,
      unmasked: m?.personalData === 'full',
      packageId: m?.packageId ?? null,
      refusal: { reason: err.reason, message: err.message },
    },
    operator,
  );
  audit({ action: 'import_refused', entity: 'submission', entityId: row.id, after: row });
}

const rowCountsOf = (opened: OpenedPackage) => Object.fromEntries(opened.manifest.tables.map((t) => [t.name, t.rows]));

export const importHandlers: Pick<Handlers<C>, 'submission.inspectPackage' | 'submission.importPackage'> = {
  /** What is inside and what importing it would change, or why it is refused; writes nothing. */
  'submission.inspectPackage': ({ fileName, base64 }, { db }) => {
    const file = { fileName, sha256: sha256Hex(Buffer.from(base64, 'base64')), bytes: Buffer.byteLength(base64, 'base64') };
    try {
      const { opened } = open(db, base64);
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
      };
    } catch (err) {
      if (!(err instanceof PackageRefused)) throw err;
      return { ...file, refusal: { reason: err.reason, message: err.message }, checks: [], manifest: null, preview: null, importedBefore: null };
    }
  },

  /** All or nothing (a write: one transaction with its log entry and audit); a refused package writes nothing. */
  'submission.importPackage': ({ fileName, base64 }, { db, operator, audit, recordRefusal }) => {
    let checked: ReturnType<typeof open>;
    try {
      checked = open(db, base64);
    } catch (err) {
      if (err instanceof PackageRefused) recordRefusal(() => logRefusal(db, operator, audit, fileName, base64, err));
      throw asDomainError(err);
    }
    const { bytes, opened } = checked;
    const m = opened.manifest;
    const plan = planImport(db, opened);
    applyImport(db, opened, plan);
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
  },
};
