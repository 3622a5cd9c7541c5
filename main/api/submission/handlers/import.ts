import type { Db } from '../../../../db/open';
import { getInstallation, type Installation } from '../../../../db/settings';
import { firstImportOf, insertSubmission } from '../../../../db/submission/log';
import type { Manifest } from '../../../export/package/manifest';
import { openPackage, PackageRefused, type OpenedPackage } from '../../../export/package/read';
import { sha256Hex } from '../../../export/package/write';
import { DomainError } from '../../common/errors';
import type { Handlers } from '../../router';
import { unitLevels } from '../../system/contract';
import { applyImport, planImport } from '../consolidate';
import type { submissionContract } from '../contract';
import { packageTables } from '../modules';
import { verifyTables } from '../verify-tables';

type C = typeof submissionContract;

/** Whether this installation takes the package: a street takes its communities' packages, never its own. */
function acceptable(inst: Installation, manifest: Manifest): PackageRefused | null {
  if (inst.unitLevel !== 'street') {
    return new PackageRefused('本机是社区，不接收其他单位的数据包。数据包应由街道的 StreetDesk 导入。', 'PACKAGE_NOT_ACCEPTED');
  }
  if (manifest.units.some((u) => u.code === inst.unitCode)) {
    return new PackageRefused(`这是本单位（${inst.unitName}）生成的数据包，不需要导入。`, 'PACKAGE_NOT_ACCEPTED');
  }
  if (manifest.units.some((u) => u.level !== 'community')) {
    return new PackageRefused(
      `这个数据包来自${unitLevels[manifest.source.level]}“${manifest.source.name}”。街道只导入所属社区报送的数据包。`,
      'PACKAGE_NOT_ACCEPTED',
    );
  }
  return null;
}

/** Opens and checks a package completely; a refusal carries the sentence to show. */
function open(db: Db, base64: string): { bytes: Buffer; opened: OpenedPackage } {
  const bytes = Buffer.from(base64, 'base64');
  const opened = openPackage(bytes, packageTables);
  const refusal = acceptable(getInstallation(db)!, opened.manifest);
  if (refusal) throw refusal;
  verifyTables(db, opened);
  return { bytes, opened };
}

const asDomainError = (err: unknown): unknown =>
  err instanceof PackageRefused ? new DomainError('DOMAIN', err.message, err.reason) : err;

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
  'submission.importPackage': ({ fileName, base64 }, { db, operator, audit }) => {
    let checked: ReturnType<typeof open>;
    try {
      checked = open(db, base64);
    } catch (err) {
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
        unit: m.source,
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
